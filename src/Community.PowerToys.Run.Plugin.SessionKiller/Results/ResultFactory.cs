using System.Globalization;
using System.Runtime.CompilerServices;
using Community.PowerToys.Run.Plugin.SessionKiller.Properties;
using Community.PowerToys.Run.Plugin.SessionKiller.Settings;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Catalog;
using SessionKiller.Core.Matching;
using SessionKiller.Core.Query;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Text;
using Wox.Plugin;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Results;

/// <summary>Turns what was typed and the catalog's snapshot into PowerToys results. Parsing and ranking are Core's.</summary>
internal sealed class ResultFactory(SessionText text, Func<string> iconPath)
{
    /// <summary>
    /// At most this many sessions per query: a screenful and then some. Typing narrows the list; building
    /// thousands of results would make every keystroke slow (see the benchmarks).
    /// </summary>
    public const int MaxSessionResults = 20;

    private const int TopScore = 10_000;

    private readonly ConditionalWeakTable<SessionInfo, SessionTexts> cache = [];

    /// <param name="act">Runs an action on a session; returns whether Run hides.</param>
    /// <param name="retry">Reads a server again; returns whether Run hides.</param>
    /// <param name="view">The catalog's snapshot, and its age when it predates the read under way after a pause.</param>
    public List<Result> For(string search, CatalogView view, PluginSettings settings, Func<SessionAction, SessionInfo, bool> act, Func<string, bool> retry)
    {
        var snapshot = view.Snapshot;
        var parsed = QueryParser.Parse(search);
        if (parsed.Query is not { } query)
        {
            return [GrammarHelp(parsed.Problem!)];
        }

        var options = MatchOptions.Default with { ShowOwnSession = settings.Core.ShowOwnSession, Limit = MaxSessionResults };
        var matches = SessionMatcher.Match(snapshot.Sessions, query, options);
        var results = new List<Result>(matches.Count + snapshot.Servers.Count);

        // Once per keystroke, not per result: reading the local date converts between time zones.
        var today = text.Today();
        var culture = CultureInfo.CurrentUICulture;
        for (var i = 0; i < matches.Count; i++)
        {
            results.Add(Session(matches[i], TopScore - Math.Min(i, TopScore - 1), today, culture, act));
        }

        foreach (var server in snapshot.Servers)
        {
            if (query.Server is not null && !ServerNames.AreSame(query.Server, server.ServerName))
            {
                continue;
            }

            if (server.IsStale)
            {
                results.Add(ServerProblem(server, retry));
            }
            else if (server.IsPending)
            {
                results.Add(Info(Words.Format(Resources.Server_Reading, Words.Server(server.ServerName)), Resources.Server_Reading_Subtitle));
            }
        }

        if (view.ListedAt is { } listedAt)
        {
            // Last, as a stale server is: Enter stays on the best match, which the runner reads afresh anyway.
            var age = Info(Words.Format(Resources.Catalog_ListedAt, text.Ago(listedAt)), Resources.Catalog_ListedAt_Subtitle);
            age.Score = 0;
            results.Add(age);
        }

        if (results.Count == 0)
        {
            results.Add(query.IsEveryone
                ? Info(Resources.NoSessions_Title, Resources.NoSessions_Subtitle)
                : Info(Words.Format(Resources.NoMatch_Title, search.Trim()), Resources.GrammarHelp));
        }

        return results;
    }

    private Result Session(SessionMatch match, int score, DateTime today, CultureInfo culture, Func<SessionAction, SessionInfo, bool> act)
    {
        var session = match.Session;
        var texts = TextsFor(session, today, culture);
        return new Result(match.UserNameHighlights.ToList())
        {
            Title = texts.Title,
            SubTitle = texts.Subtitle,
            ToolTipData = texts.ToolTip,
            IcoPath = iconPath(),
            Score = score,
            ContextData = session,

            // Enter logs off; Ctrl+Enter asks first, as the context menu says.
            Action = context => act(context?.SpecialKeyState?.CtrlPressed == true ? SessionAction.AskFirst : SessionAction.LogOff, session),
        };
    }

    /// <summary>
    /// A session's texts are written once per snapshot (sessions are immutable and replaced on refresh)
    /// and reused on every keystroke: a keystroke only builds the result objects.
    /// </summary>
    private SessionTexts TextsFor(SessionInfo session, DateTime today, CultureInfo culture)
    {
        if (cache.TryGetValue(session, out var cached) && cached.Today == today && Equals(cached.Culture, culture))
        {
            return cached;
        }

        var fresh = new SessionTexts(
            SessionText.Title(session),
            text.Subtitle(session),
            new ToolTipData(SessionText.DetailsTitle(session), text.Details(session)),
            today,
            culture);
        cache.AddOrUpdate(session, fresh);
        return fresh;
    }

    /// <summary>A server whose last read failed: why, and how old the sessions shown for it are. Enter reads it again.</summary>
    private Result ServerProblem(ServerSnapshot server, Func<string, bool> retry)
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

        return new Result
        {
            Title = title,
            SubTitle = Words.Name(failure.Text.Trim()) + " \u00b7 " + age + " \u00b7 " + Resources.Server_Retry,
            ToolTipData = new ToolTipData(title, details),
            IcoPath = iconPath(),
            Score = 0,
            ContextData = server,
            Action = _ => retry(server.ServerName),
        };
    }

    private Result GrammarHelp(QueryProblem problem)
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
        var title = Words.Format(format, problem.Token);
        var result = Info(title, Resources.GrammarHelp);
        result.ToolTipData = new ToolTipData(title, Resources.GrammarDetails);
        return result;
    }

    /// <summary>A result that only informs: Enter keeps Run open.</summary>
    private Result Info(string title, string subtitle) => new()
    {
        Title = title,
        SubTitle = subtitle,
        IcoPath = iconPath(),
        Score = TopScore,
        Action = _ => false,
    };

    /// <summary>What a session's result shows, with the day and culture it was written for ("08:12" today, a date on other days).</summary>
    private sealed record SessionTexts(string Title, string Subtitle, ToolTipData ToolTip, DateTime Today, CultureInfo Culture);
}
