using SessionKiller.Core.Matching;
using SessionKiller.Core.Query;
using SessionKiller.Core.Sessions;

namespace SessionKiller.Core.Tests.Matching;

/// <summary>
/// The matching and ranking rules written as plainly as possible, with no index, masks or cut-offs: the reference
/// <see cref="SessionMatcher"/> is tested against.
/// </summary>
internal static class RankingOracle
{
    private const StringComparison IgnoreCase = StringComparison.OrdinalIgnoreCase;

    public static IReadOnlyList<(SessionInfo Session, MatchKind Kind)> Match(IReadOnlyList<SessionInfo> sessions, SessionQuery query, MatchOptions options)
    {
        var words = query.Terms.Where(word => word.Length > 0).ToArray();
        return sessions
            .Select((session, position) => (Session: session, Position: position))
            .Where(x => x.Session is not null && Passes(x.Session, query, options))
            .Select(x => (x.Session, x.Position, Score: words.Length == 0 ? (Kind: MatchKind.Listed, Field: 0) : words.Min(word => Best(x.Session, word))))
            .Where(x => words.Length == 0 || x.Score.Kind != MatchKind.Listed)
            .OrderBy(x => x.Session.IsCurrentSession)
            .ThenByDescending(x => x.Score)
            .ThenBy(x => words.Length > 0 ? StateOrder(x.Session.State) : 0)
            .ThenByDescending(x => x.Session.IdleTime ?? TimeSpan.MinValue)
            .ThenBy(x => StateOrder(x.Session.State))
            .ThenBy(x => x.Session.ServerName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(x => x.Session.SessionId)
            .ThenBy(x => x.Position)
            .Take(Math.Max(options.Limit, 0))
            .Select(x => (x.Session, x.Score.Kind))
            .ToList();
    }

    /// <summary>How a word matches one field; Listed for not at all.</summary>
    public static MatchKind KindIn(string field, string word, bool isAddress = false)
    {
        if (field.Length == 0)
        {
            return MatchKind.Listed;
        }

        if (field.Equals(word, IgnoreCase))
        {
            return MatchKind.Exact;
        }

        if (field.StartsWith(word, IgnoreCase))
        {
            return MatchKind.Prefix;
        }

        if (isAddress)
        {
            return MatchKind.Listed;
        }

        return field.Contains(word, IgnoreCase) ? MatchKind.Substring
            : IsSubsequence(word, field) ? MatchKind.Fuzzy
            : IsTypo(word, field) ? MatchKind.Typo
            : MatchKind.Listed;
    }

    /// <summary>The best kind and field (user 4, DOMAIN\user 3, client 2, address 1, station 0) of a word in a session.</summary>
    private static (MatchKind Kind, int Field) Best(SessionInfo session, string word)
    {
        (MatchKind, int)[] found =
        [
            (KindIn(session.UserName, word), 4),
            (session.DomainName.Length == 0 ? MatchKind.Listed : KindIn(session.QualifiedUserName, word), 3),
            (KindIn(session.ClientName, word), 2),
            (KindIn(session.ClientAddress, word, isAddress: true), 1),
            (KindIn(session.StationName, word), 0),
        ];
        var best = found.Where(x => x.Item1 != MatchKind.Listed).DefaultIfEmpty((MatchKind.Listed, 0)).Max();
        return best;
    }

    private static bool Passes(SessionInfo session, SessionQuery query, MatchOptions options) =>
        (options.IncludeSystemSessions || !session.IsSystemSession)
        && (options.ShowOwnSession || !session.IsCurrentSession)
        && (query.SessionId is null || session.SessionId == query.SessionId)
        && (query.Server is null || ServerNames.AreSame(query.Server, session.ServerName))
        && (query.Idle is null || query.Idle.Accepts(session.IdleTime))
        && (query.States is null || query.States.Contains(session.State));

    private static int StateOrder(SessionState state) => state == SessionState.Disconnected ? 0 : state == SessionState.Active ? 2 : 1;

    private static bool SameChar(char left, char right) => string.Equals(left.ToString(), right.ToString(), IgnoreCase);

    private static bool IsSubsequence(string word, string field)
    {
        var next = 0;
        foreach (var c in field)
        {
            if (next < word.Length && SameChar(c, word[next]))
            {
                next++;
            }
        }

        return next == word.Length;
    }

    /// <summary>Four or more characters (no surrogates), one edit from the start of the field or of a part after a non-alphanumeric character.</summary>
    private static bool IsTypo(string word, string field)
    {
        if (word.Length < 4 || word.Any(char.IsSurrogate))
        {
            return false;
        }

        for (var start = 0; start < field.Length; start++)
        {
            if (start > 0 && char.IsLetterOrDigit(field[start - 1]))
            {
                continue;
            }

            for (var length = word.Length - 1; length <= word.Length + 1 && start + length <= field.Length; length++)
            {
                if (RestrictedEditDistance(word, field.Substring(start, length)) <= 1)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Optimal string alignment: insertions, deletions, substitutions and transpositions of neighbours.</summary>
    private static int RestrictedEditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = SameChar(a[i - 1], b[j - 1]) ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && SameChar(a[i - 1], b[j - 2]) && SameChar(a[i - 2], b[j - 1]))
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
