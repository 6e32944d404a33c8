using Community.PowerToys.Run.Plugin.SessionKiller.Properties;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Catalog;
using SessionKiller.Core.Matching;
using SessionKiller.Core.Query;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Text;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Results;

/// <summary>
/// What a launcher lists for what was typed, in order, with its words: the ranked sessions, then the
/// servers that failed or are still being read, or one notice. Host-neutral: PowerToys Run's results and
/// the Command Palette's items are both made from it.
/// </summary>
internal static class Listing
{
    /// <summary>
    /// At most this many sessions per search: a screenful and then some. Typing narrows the list; building
    /// thousands of results would make every keystroke slow (see the benchmarks).
    /// </summary>
    public const int MaxSessions = 20;

    /// <param name="view">The catalog's snapshot, and its age when it predates the read under way after a pause.</param>
    public static IReadOnlyList<ListingEntry> For(string search, CatalogView view, bool showOwnSession, int limit, SessionText text)
    {
        var snapshot = view.Snapshot;
        var parsed = QueryParser.Parse(search);
        if (parsed.Query is not { } query)
        {
            return [GrammarProblem(parsed.Problem!)];
        }

        var options = MatchOptions.Default with { ShowOwnSession = showOwnSession, Limit = limit };
        var matches = SessionMatcher.Match(snapshot.Sessions, query, options);
        var entries = new List<ListingEntry>(matches.Count + snapshot.Servers.Count);
        foreach (var match in matches)
        {
            entries.Add(new ListingEntry.Session(match));
        }

        foreach (var server in snapshot.Servers)
        {
            if (query.Server is not null && !ServerNames.AreSame(query.Server, server.ServerName))
            {
                continue;
            }

            if (server.IsStale)
            {
                entries.Add(ServerProblem(server, text));
            }
            else if (server.IsPending)
            {
                entries.Add(new ListingEntry.Notice(Words.Format(Resources.Server_Reading, Words.Server(server.ServerName)), Resources.Server_Reading_Subtitle));
            }
        }

        if (view.ListedAt is { } listedAt)
        {
            entries.Add(new ListingEntry.Notice(Words.Format(Resources.Catalog_ListedAt, text.Ago(listedAt)), Resources.Catalog_ListedAt_Subtitle, AfterSessions: true));
        }

        if (entries.Count == 0)
        {
            entries.Add(query.IsEveryone
                ? new ListingEntry.Notice(Resources.NoSessions_Title, Resources.NoSessions_Subtitle)
                : new ListingEntry.Notice(Words.Format(Resources.NoMatch_Title, search.Trim()), Resources.GrammarHelp));
        }

        return entries;
    }

    /// <summary>A server whose last read failed: why, and how old the sessions shown for it are.</summary>
    private static ListingEntry.ServerProblem ServerProblem(ServerSnapshot server, SessionText text)
    {
        var failure = server.Failure!;
        var problem = failure.Kind switch
        {
            FailureKind.AccessDenied => Resources.Server_AccessDenied,
            FailureKind.ServerUnavailable => Resources.Server_Unavailable,
            FailureKind.TimedOut => Resources.Server_TimedOut,
            FailureKind.NotSupported => Resources.Server_NotSupported,
            _ => Resources.Server_Failed,
        };
        var age = server.RetrievedAt is { } retrieved
            ? Words.Format(Resources.Server_ShowingFrom, text.Ago(retrieved))
            : Resources.Server_NothingRead;
        var title = Words.Format(Resources.Server_Problem_Title, Words.Server(server.ServerName), problem);
        var details = DisplayText.Lines(failure.ToString());
        if (server.FailedAt is { } failedAt)
        {
            details += Environment.NewLine + Words.Format(Resources.Server_FailedAt, text.When(failedAt));
        }

        return new ListingEntry.ServerProblem(server, title, Words.Name(failure.Text.Trim()) + " \u00b7 " + age + " \u00b7 " + Resources.Server_Retry, details);
    }

    private static ListingEntry.Notice GrammarProblem(QueryProblem problem)
    {
        var format = problem.Kind switch
        {
            QueryProblemKind.UnknownFilter => Resources.Problem_UnknownFilter,
            QueryProblemKind.MalformedIdle => Resources.Problem_MalformedIdle,
            QueryProblemKind.UnknownState => Resources.Problem_UnknownState,
            QueryProblemKind.MalformedSessionId => Resources.Problem_MalformedSessionId,
            QueryProblemKind.EmptyServer => Resources.Problem_EmptyServer,
            QueryProblemKind.UnbalancedQuote => Resources.Problem_UnbalancedQuote,
            QueryProblemKind.TooLong => Resources.Problem_TooLong,
            QueryProblemKind.ConflictingFilters => Resources.Problem_ConflictingFilters,
            _ => Resources.Problem_Other,
        };
        return new ListingEntry.Notice(Words.Format(format, problem.Token), Resources.GrammarHelp, Resources.GrammarDetails);
    }
}

/// <summary>One line of a <see cref="Listing"/>.</summary>
internal abstract record ListingEntry
{
    private ListingEntry()
    {
    }

    public sealed record Session(SessionMatch Match) : ListingEntry;

    /// <summary>Choosing it reads the server again.</summary>
    public sealed record ServerProblem(ServerSnapshot Server, string Title, string Subtitle, string Details) : ListingEntry;

    /// <summary>
    /// Only informs; <paramref name="Details"/> is the longer help, when there is one. A notice
    /// <paramref name="AfterSessions"/> (how old the list is) ranks below them.
    /// </summary>
    public sealed record Notice(string Title, string Subtitle, string? Details = null, bool AfterSessions = false) : ListingEntry;
}
