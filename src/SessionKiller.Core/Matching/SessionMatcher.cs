using System.Buffers;
using SessionKiller.Core.Query;
using SessionKiller.Core.Sessions;

namespace SessionKiller.Core.Matching;

/// <summary>Finds the sessions a query names and ranks them, best first.</summary>
/// <remarks>
/// Order of the results:
/// <list type="number">
/// <item>The caller's own session is always last.</item>
/// <item>With words: by match kind (exact, prefix, substring, fuzzy), a session being as good as its weakest word;
/// for the same kind, by the field that word matched (user, DOMAIN\user, client, station); then Disconnected
/// sessions, then other non-active states, then Active ones; then the longest idle first.</item>
/// <item>Without words (a plain listing): the longest idle first, then the same state order.</item>
/// <item>Unknown idle time after any known one; then server name, session id, and the caller's order.</item>
/// </list>
/// The hot path allocates nothing per session: the candidates live in a pooled array, names are compared as spans,
/// and highlight arrays are built only for the sessions returned.
/// </remarks>
public static class SessionMatcher
{
    public static IReadOnlyList<SessionMatch> Match(IReadOnlyList<SessionInfo> sessions, SessionQuery query, MatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(options);

        if (options.Limit <= 0 || sessions.Count == 0)
        {
            return [];
        }

        var terms = CreateTermMatchers(query.Terms);
        var filter = new SessionFilter(query, options);
        Span<char> qualifiedBuffer = stackalloc char[TermMatcher.StackBufferLength];

        var pool = ArrayPool<RankedCandidate>.Shared.Rent(sessions.Count);
        var count = 0;
        try
        {
            for (var i = 0; i < sessions.Count; i++)
            {
                var session = sessions[i];
                if (session is null || !filter.Accepts(session))
                {
                    continue;
                }

                var score = Score(session, terms, qualifiedBuffer);
                if (score == TermMatcher.NoMatch)
                {
                    continue;
                }

                pool[count++] = Rank(session, i, score, hasTerms: terms.Length > 0);
            }

            var returned = Math.Min(count, options.Limit);
            var candidates = pool.AsSpan(0, count);
            new CandidateOrder(sessions).SelectBest(candidates, returned);

            var results = new SessionMatch[returned];
            for (var i = 0; i < returned; i++)
            {
                var session = sessions[candidates[i].Index];
                results[i] = terms.Length == 0
                    ? new SessionMatch(session, MatchKind.Listed, [])
                    : Describe(session, terms, qualifiedBuffer);
            }

            return results;
        }
        finally
        {
            ArrayPool<RankedCandidate>.Shared.Return(pool);
        }
    }

    private static TermMatcher[] CreateTermMatchers(IReadOnlyList<string>? terms)
    {
        if (terms is null || terms.Count == 0)
        {
            return [];
        }

        var matchers = new List<TermMatcher>(terms.Count);
        foreach (var term in terms)
        {
            // An empty word would match everything; it adds nothing to the query.
            if (!string.IsNullOrEmpty(term))
            {
                matchers.Add(new TermMatcher(term));
            }
        }

        return [.. matchers];
    }

    /// <summary>The weakest of the words' scores: every word must match, and a session is as good as its worst one.</summary>
    private static int Score(SessionInfo session, TermMatcher[] terms, Span<char> qualifiedBuffer)
    {
        if (terms.Length == 0)
        {
            return TermMatcher.BestScore;
        }

        var qualified = TermMatcher.Qualify(session, qualifiedBuffer);
        var weakest = TermMatcher.BestScore;
        foreach (var term in terms)
        {
            weakest = Math.Min(weakest, term.Score(session, qualified));
            if (weakest == TermMatcher.NoMatch)
            {
                break;
            }
        }

        return weakest;
    }

    private static RankedCandidate Rank(SessionInfo session, int index, int score, bool hasTerms)
    {
        var own = session.IsCurrentSession ? 1 : 0;
        var stateOrder = RankedCandidate.StateOrder(session.State);
        return hasTerms
            ? RankedCandidate.Create(index, session.IdleTime, (own * 1_000) + ((TermMatcher.BestScore - score) * 10) + stateOrder, afterIdle: 0)
            : RankedCandidate.Create(index, session.IdleTime, own, afterIdle: stateOrder);
    }

    private static SessionMatch Describe(SessionInfo session, TermMatcher[] terms, Span<char> qualifiedBuffer)
    {
        var qualified = TermMatcher.Qualify(session, qualifiedBuffer);
        var kind = TermMatcher.KindOf(Score(session, terms, qualifiedBuffer));

        var userName = session.UserName;
        var marks = userName.Length <= 256 ? stackalloc bool[userName.Length] : new bool[userName.Length];
        foreach (var term in terms)
        {
            term.MarkUserName(session, qualified, marks);
        }

        return new SessionMatch(session, kind, ToIndexes(marks));
    }

    private static int[] ToIndexes(ReadOnlySpan<bool> marks)
    {
        var count = 0;
        foreach (var mark in marks)
        {
            count += mark ? 1 : 0;
        }

        if (count == 0)
        {
            return [];
        }

        var indexes = new int[count];
        for (int i = 0, next = 0; i < marks.Length; i++)
        {
            if (marks[i])
            {
                indexes[next++] = i;
            }
        }

        return indexes;
    }

    /// <summary>The filters of a query and the options, checked before any name is compared.</summary>
    private readonly struct SessionFilter
    {
        private readonly SessionQuery query;
        private readonly MatchOptions options;
        private readonly ulong stateMask;

        public SessionFilter(SessionQuery query, MatchOptions options)
        {
            this.query = query;
            this.options = options;
            if (query.States is { } states)
            {
                foreach (var state in states)
                {
                    if ((uint)state < 64)
                    {
                        stateMask |= 1UL << (int)state;
                    }
                }
            }
        }

        public bool Accepts(SessionInfo session) =>
            (options.IncludeSystemSessions || !session.IsSystemSession)
            && (options.ShowOwnSession || !session.IsCurrentSession)
            && (query.SessionId is not { } id || session.SessionId == id)
            && (query.Server is null || ServerNames.AreSame(query.Server, session.ServerName))
            && (query.Idle is null || query.Idle.Accepts(session.IdleTime))
            && (query.States is null || ((uint)session.State < 64 && (stateMask & (1UL << (int)session.State)) != 0));
    }
}
