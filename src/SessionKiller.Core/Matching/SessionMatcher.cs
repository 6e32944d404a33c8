using System.Buffers;
using SessionKiller.Core.Query;
using SessionKiller.Core.Sessions;

namespace SessionKiller.Core.Matching;

/// <summary>Finds the sessions a query names and ranks them, best first, in <see cref="Ranking"/>'s order.</summary>
/// <remarks>
/// The server a query names picks the sessions walked, and the filters are checked before any word. The walk goes
/// through the index's order, in which a session ranks after every earlier one of the same score, and keeps the
/// best keys found so far: once it holds enough, a session needs a better score than the worst kept, so only the
/// kinds of match that could still get in are looked for, and the walk ends when none can. Nothing is allocated
/// per session; highlights are worked out only for the sessions returned.
/// </remarks>
public static class SessionMatcher
{
    /// <summary>Up to this many results the best keys are kept sorted as they come; beyond it, all are sorted at the end.</summary>
    private const int KeptSorted = 64;

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
        var words = WordMatcher.For(query.Terms);
        var order = index.Order(query.Server, withWords: words.Length > 0);
        var filter = new SessionFilter(query, options);
        var sorted = options.Limit <= KeptSorted;
        var pooled = sorted ? null : ArrayPool<long>.Shared.Rent(order.Length);
        try
        {
            var best = new BestKeys(sorted ? stackalloc long[Math.Min(options.Limit, order.Length)] : pooled!, sorted);

            // Other people's exact and prefix matches are cheap to find (first characters and lengths rule out most
            // sessions); when they fill the list, nothing weaker can get in. Otherwise the whole search runs, keeping
            // what was found (so the list fills, and the bar rises, sooner) and not adding it twice.
            var found = WordMatcher.BestScore + 1;
            if (words.Length > 0 && sorted && options.Limit < order.Length)
            {
                best.Bar = Ranking.Key(own: false, WordMatcher.BestBelowPrefix, place: 0);
                Walk(index, order, words, filter, ref best, found);
                found = WordMatcher.BestBelowPrefix + 1;
                best.Bar = long.MaxValue;
            }

            if (!best.IsFull || found > WordMatcher.BestScore)
            {
                Walk(index, order, words, filter, ref best, found);
            }

            var keys = best.Sorted(options.Limit);
            var results = new SessionMatch[keys.Length];
            for (var i = 0; i < keys.Length; i++)
            {
                ref readonly var entry = ref index.Entries[order[Ranking.PlaceOf(keys[i])]];
                results[i] = words.Length == 0
                    ? new SessionMatch(entry.Session, MatchKind.Listed, [])
                    : Describe(entry, words, WordMatcher.KindOf(Ranking.ScoreOf(keys[i])));
            }

            return results;
        }
        finally
        {
            if (pooled is not null)
            {
                ArrayPool<long>.Shared.Return(pooled);
            }
        }
    }

    /// <param name="found">Other people's sessions scoring this or more are kept already.</param>
    private static void Walk(SessionSearchIndex index, int[] order, WordMatcher[] words, in SessionFilter filter, ref BestKeys best, int found)
    {
        for (var place = 0; place < order.Length; place++)
        {
            ref readonly var entry = ref index.Entries[order[place]];
            var needed = Ranking.ScoreToBeat(entry.IsOwn, place, best.Worst);
            if (needed > WordMatcher.BestScore)
            {
                // Later sessions rank after this one at the same score: when it cannot get in, only own sessions were skipped.
                if (!entry.IsOwn)
                {
                    return;
                }

                continue;
            }

            if (!filter.Accepts(entry))
            {
                continue;
            }

            // A session is as good as its weakest word.
            var score = WordMatcher.BestScore;
            foreach (var word in words)
            {
                score = Math.Min(score, word.Score(entry, needed));
                if (score < needed)
                {
                    break;
                }
            }

            if (score >= needed && (score < found || entry.IsOwn))
            {
                best.Add(Ranking.Key(entry.IsOwn, score, place));
            }
        }
    }

    private static SessionMatch Describe(in SessionSearchIndex.Entry entry, WordMatcher[] words, MatchKind kind)
    {
        var userName = entry.Session.UserName;
        var marks = userName.Length <= 256 ? stackalloc bool[userName.Length] : new bool[userName.Length];
        foreach (var word in words)
        {
            word.MarkUserName(entry, marks);
        }

        var indexes = new int[marks.Count(true)];
        for (int i = 0, next = 0; next < indexes.Length; i++)
        {
            if (marks[i])
            {
                indexes[next++] = i;
            }
        }

        return new SessionMatch(entry.Session, kind, indexes);
    }

    /// <summary>The best keys so far: kept sorted when few are wanted, else all collected and sorted at the end.</summary>
    private ref struct BestKeys(Span<long> keys, bool keptSorted)
    {
        private readonly Span<long> keys = keys;
        private int count;

        public readonly bool IsFull => count == keys.Length;

        /// <summary>What a key must be below to get in while there is room.</summary>
        public long Bar { get; set; } = long.MaxValue;

        /// <summary>What a key must be below to get in.</summary>
        public readonly long Worst => keptSorted && IsFull ? keys[^1] : Bar;

        public void Add(long key)
        {
            if (!keptSorted)
            {
                keys[count++] = key;
                return;
            }

            // Keys are distinct (each holds a place), so the search always gives where it goes.
            var at = ~keys[..count].BinarySearch(key);
            var end = Math.Min(count, keys.Length - 1);
            keys[at..end].CopyTo(keys[(at + 1)..]);
            keys[at] = key;
            count = end + 1;
        }

        public readonly ReadOnlySpan<long> Sorted(int limit)
        {
            var found = keys[..count];
            if (!keptSorted)
            {
                found.Sort();
            }

            return found[..Math.Min(limit, count)];
        }
    }

    /// <summary>The filters of a query and the options, checked before any word.</summary>
    private readonly struct SessionFilter(SessionQuery query, MatchOptions options)
    {
        private readonly ulong states = query.States?.Aggregate(0UL, (mask, state) => (uint)state < 64 ? mask | (1UL << (int)state) : mask) ?? ulong.MaxValue;

        public bool Accepts(in SessionSearchIndex.Entry entry) =>
            (options.IncludeSystemSessions || !entry.IsSystem)
            && (options.ShowOwnSession || !entry.IsOwn)
            && (query.SessionId is not { } id || entry.SessionId == id)
            && ((uint)entry.State < 64 ? (states & (1UL << (int)entry.State)) != 0 : query.States is null)
            && (query.Idle is null || query.Idle.Accepts(entry.Idle));
    }
}
