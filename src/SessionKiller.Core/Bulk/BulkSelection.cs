using SessionKiller.Core.Matching;
using SessionKiller.Core.Query;
using SessionKiller.Core.Sessions;

namespace SessionKiller.Core.Bulk;

/// <summary>
/// The sessions one bulk action would touch, and whether a query earns one at all: it needs a filter
/// (<c>idle:</c>, <c>state:</c>, <c>@server</c>) and at least <see cref="MinimumSessions"/> sessions that
/// may be acted on. A query of name words alone never does: a typo must not become a mass sign-out.
/// </summary>
public sealed record BulkSelection(SessionQuery Query, IReadOnlyList<SessionInfo> Sessions)
{
    public const int MinimumSessions = 2;

    /// <summary>The bulk selection of what a query matched, or null when the query earns no bulk action.</summary>
    public static BulkSelection? From(SessionQuery query, IEnumerable<SessionInfo> matches)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(matches);
        if (!HasBulkFilter(query))
        {
            return null;
        }

        var sessions = matches.Where(IsActionable).ToArray();
        return sessions.Length >= MinimumSessions ? new BulkSelection(query, sessions) : null;
    }

    /// <summary>
    /// What a query names as a group, in listed order: the matcher's matches without the fuzzy ones (a
    /// word in a group action means what it says, not what it resembles). <c>list --where</c> shows exactly
    /// these, so what is listed is what an action would be offered.
    /// </summary>
    public static IReadOnlyList<SessionInfo> Matching(SessionQuery query, IReadOnlyList<SessionInfo> sessions, bool includeSystemSessions = false)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(sessions);
        var matched = SessionMatcher.Match(sessions, query, new MatchOptions { IncludeSystemSessions = includeSystemSessions })
            .Where(match => match.Kind != MatchKind.Fuzzy)
            .Select(match => match.Session)
            .ToHashSet(ReferenceEqualityComparer.Instance);
        return sessions.Where(matched.Contains).ToArray();
    }

    /// <summary>The bulk selection of what the matcher returned, fuzzy matches left out; null when the query earns no bulk action.</summary>
    public static BulkSelection? From(SessionQuery query, IEnumerable<SessionMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        return From(query, matches.Where(match => match.Kind != MatchKind.Fuzzy).Select(match => match.Session));
    }

    /// <summary>
    /// A filter that describes a group: idle time, state or server. A session id names one session, so a
    /// query with <c>#3</c> is never a group, whatever else it says.
    /// </summary>
    public static bool HasBulkFilter(SessionQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.SessionId is null && (query.Idle is not null || query.States is not null || query.Server is not null);
    }

    /// <summary>Never in a bulk action: your own session, the console, session 0, listeners, sessions without a user.</summary>
    public static bool IsActionable(SessionInfo session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return !session.IsSystemSession && !session.IsCurrentSession && !session.IsConsole;
    }

    /// <summary>Distinct user names in listed order, for a subtitle that names the first few.</summary>
    public IReadOnlyList<string> UserNames => Sessions.Select(session => session.QualifiedUserName).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    public IReadOnlyList<string> Servers => Sessions.Select(session => session.ServerName).Distinct(ServerNames.Comparer).ToArray();
}
