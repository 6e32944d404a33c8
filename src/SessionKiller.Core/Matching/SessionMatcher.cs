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
/// The keystroke path works from a <see cref="SessionSearchIndex"/> built once per list (the catalog's lists carry
/// theirs): it walks the sessions pre-sorted, rules most out by character masks, first characters and lengths, and
/// looks only for the kinds of match that could still make the cut. It allocates nothing per session, and
/// highlight arrays are built only for the sessions returned. <see cref="MatchWithoutIndex"/> is the plain
/// reference it is tested against.
/// </remarks>
public static class SessionMatcher
{
    /// <summary>Tiers of a candidate: the caller's own session below every other, then the score.</summary>
    private const int OthersTier = TermMatcher.BestScore + 1;

    private const int TierCount = 2 * OthersTier;

    public static IReadOnlyList<SessionMatch> Match(IReadOnlyList<SessionInfo> sessions, SessionQuery query, MatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(options);

        if (options.Limit <= 0 || sessions.Count == 0)
        {
            return [];
        }

        var index = SessionSearchIndex.For(sessions);
        var terms = CreateTermMatchers(query.Terms);
        var filter = new SessionFilter(query, options);
        return terms.Length == 0 ? List(index, filter, options.Limit) : MatchWords(index, terms, filter, options.Limit);
    }

    /// <summary>Without words the listing order is fixed: the first sessions of it that pass the filters.</summary>
    private static SessionMatch[] List(SessionSearchIndex index, SessionFilter filter, int limit)
    {
        var found = new List<SessionMatch>(Math.Min(limit, 64));
        foreach (ref readonly var entry in index.ListingOrder.AsSpan())
        {
            if (filter.Accepts(entry, index))
            {
                found.Add(new SessionMatch(index.Sessions[entry.Index]!, MatchKind.Listed, []));
                if (found.Count == limit)
                {
                    break;
                }
            }
        }

        return [.. found];
    }

    /// <summary>
    /// Looks first only for other people's prefix and exact matches, which is cheap (first characters and lengths
    /// rule out most sessions); when those are enough, nothing weaker can make the cut. Otherwise the whole search runs.
    /// </summary>
    private static SessionMatch[] MatchWords(SessionSearchIndex index, TermMatcher[] terms, SessionFilter filter, int limit)
    {
        if (limit < index.WordOrder.Length && Walk(index, terms, filter, limit, closedBelow: OthersTier + TermMatcher.BestBelowPrefix) is { } found)
        {
            return found;
        }

        return Walk(index, terms, filter, limit, closedBelow: -1)!;
    }

    /// <summary>
    /// With words, sessions are ranked by tier (own session or not, then score) and, within a tier, by the index's
    /// word order. Walking that order, a tier once filled up to the limit is closed: a later session of it or of a
    /// lower tier cannot make the cut, so only the kinds that could still beat it are looked for.
    /// </summary>
    /// <param name="closedBelow">The tier up to which none are looked for; when it is not -1, null unless the limit was reached.</param>
    private static SessionMatch[]? Walk(SessionSearchIndex index, TermMatcher[] terms, SessionFilter filter, int limit, int closedBelow)
    {
        var order = index.WordOrder;
        var required = 0UL;
        foreach (var term in terms)
        {
            required |= term.Mask;
        }

        var pool = ArrayPool<int>.Shared.Rent(order.Length * 2);
        Span<int> tierCounts = stackalloc int[TierCount];
        tierCounts.Clear();
        try
        {
            var count = 0;

            // Tiers up to 'closed' cannot make the cut any more; 'open' counts the candidates kept in the tiers above it.
            var closed = closedBelow;
            var open = 0;
            foreach (ref readonly var entry in order.AsSpan())
            {
                // Every word must match some field, so the characters of all words must be somewhere in the session.
                if ((required & ~entry.AnyMask) != 0 || !filter.Accepts(entry, index))
                {
                    continue;
                }

                var baseTier = entry.IsOwn ? 0 : OthersTier;
                var atLeast = Math.Max(TermMatcher.NoMatch + 1, closed + 1 - baseTier);
                if (atLeast > TermMatcher.BestScore)
                {
                    continue;
                }

                // When only prefixes or exact matches can still make the cut, the first characters and the lengths tell.
                if (atLeast > TermMatcher.BestBelowPrefix && !MayStartOrEqual(entry, terms, exact: atLeast > TermMatcher.BestBelowExact))
                {
                    continue;
                }

                var at = entry.Index;
                var session = index.Sessions[at]!;
                var masks = index.Masks.AsSpan(at * SessionSearchIndex.MasksPerSession, SessionSearchIndex.MasksPerSession);
                var weakest = TermMatcher.BestScore;
                foreach (var term in terms)
                {
                    weakest = Math.Min(weakest, term.Score(session, index.Qualified[at], masks, atLeast));
                    if (weakest < atLeast)
                    {
                        break;
                    }
                }

                if (weakest < atLeast)
                {
                    continue;
                }

                var tier = baseTier + weakest;
                pool[2 * count] = at;
                pool[(2 * count) + 1] = tier;
                count++;
                tierCounts[tier]++;
                open++;

                // A tier is closed once the tiers from it up hold enough: a later session of it would rank after all of them.
                while (open >= limit)
                {
                    open -= tierCounts[++closed];
                }
            }

            return closedBelow >= 0 && count < limit ? null : Collect(index, terms, pool.AsSpan(0, 2 * count), tierCounts, limit);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(pool);
        }
    }

    private static bool MayStartOrEqual(in SessionSearchIndex.Entry entry, TermMatcher[] terms, bool exact)
    {
        foreach (var term in terms)
        {
            if ((term.FirstChar != 0 && (entry.FirstChars & term.FirstChar) == 0) || (exact && (entry.Lengths & term.Length) == 0))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The best <paramref name="limit"/> of the kept candidates: by tier, highest first, each tier in walking order.</summary>
    private static SessionMatch[] Collect(SessionSearchIndex index, TermMatcher[] terms, ReadOnlySpan<int> kept, ReadOnlySpan<int> tierCounts, int limit)
    {
        var total = 0;
        foreach (var tierCount in tierCounts)
        {
            total += tierCount;
        }

        var results = new SessionMatch[Math.Min(limit, total)];
        Span<char> qualifiedBuffer = stackalloc char[TermMatcher.StackBufferLength];
        var next = 0;
        for (var tier = tierCounts.Length - 1; tier >= 0 && next < results.Length; tier--)
        {
            if (tierCounts[tier] == 0)
            {
                continue;
            }

            for (var i = 0; i < kept.Length && next < results.Length; i += 2)
            {
                if (kept[i + 1] == tier)
                {
                    var score = tier % OthersTier;
                    results[next++] = terms.Length == 1
                        ? Describe(index.Sessions[kept[i]]!, terms[0], index.Qualified[kept[i]], score)
                        : Describe(index.Sessions[kept[i]]!, terms, qualifiedBuffer);
                }
            }
        }

        return results;
    }

    /// <summary>The same results as <see cref="Match"/>, found without the index: the reference the index is tested against.</summary>
    internal static IReadOnlyList<SessionMatch> MatchWithoutIndex(IReadOnlyList<SessionInfo> sessions, SessionQuery query, MatchOptions options)
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

    /// <summary>The match of a single word whose score is known: its field and kind say what to highlight.</summary>
    private static SessionMatch Describe(SessionInfo session, TermMatcher term, string qualified, int score)
    {
        var userName = session.UserName;
        var marks = userName.Length <= 256 ? stackalloc bool[userName.Length] : new bool[userName.Length];
        term.MarkUserName(session, qualified, marks, score);
        return new SessionMatch(session, TermMatcher.KindOf(score), ToIndexes(marks));
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

        /// <summary>The same test as <see cref="Accepts(SessionInfo)"/>, on what the index keeps of the session.</summary>
        public bool Accepts(in SessionSearchIndex.Entry entry, SessionSearchIndex index) =>
            (options.IncludeSystemSessions || !entry.IsSystem)
            && (options.ShowOwnSession || !entry.IsOwn)
            && (query.SessionId is not { } id || entry.SessionId == id)
            && (query.States is null || ((uint)entry.State < 64 && (stateMask & (1UL << (int)entry.State)) != 0))
            && (query.Idle is null || query.Idle.Accepts(entry.Idle))
            && (query.Server is null || ServerNames.AreSame(query.Server, index.Sessions[entry.Index]!.ServerName));

        public bool Accepts(SessionInfo session) =>
            (options.IncludeSystemSessions || !session.IsSystemSession)
            && (options.ShowOwnSession || !session.IsCurrentSession)
            && (query.SessionId is not { } id || session.SessionId == id)
            && (query.Server is null || ServerNames.AreSame(query.Server, session.ServerName))
            && (query.Idle is null || query.Idle.Accepts(session.IdleTime))
            && (query.States is null || ((uint)session.State < 64 && (stateMask & (1UL << (int)session.State)) != 0));
    }
}
