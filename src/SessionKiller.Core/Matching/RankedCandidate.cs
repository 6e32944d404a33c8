using SessionKiller.Core.Sessions;

namespace SessionKiller.Core.Matching;

/// <summary>A session that passed the filters, with its sort keys precomputed; smaller sorts first.</summary>
internal struct RankedCandidate
{
    /// <summary>Position in the caller's list: the last tie-break, so the order is total and repeatable.</summary>
    public int Index;

    /// <summary>Own session last, then the better score first, then (when there are words) the state order.</summary>
    public int Rank;

    /// <summary>Idle ticks, compared largest first; <see cref="long.MinValue"/> when unknown, so unknown comes last.</summary>
    public long IdleTicks;

    /// <summary>The state order when there are no words (listing is by idle time first).</summary>
    public int Tail;

    public int SessionId;

    public string ServerName;

    /// <summary>Disconnected first (the usual target), then the other non-active states, then Active.</summary>
    public static int StateOrder(SessionState state) => state switch
    {
        SessionState.Disconnected => 0,
        SessionState.Active => 2,
        _ => 1,
    };

    public static int Compare(in RankedCandidate left, in RankedCandidate right)
    {
        var order = left.Rank.CompareTo(right.Rank);
        if (order != 0)
        {
            return order;
        }

        order = right.IdleTicks.CompareTo(left.IdleTicks);
        if (order != 0)
        {
            return order;
        }

        order = left.Tail.CompareTo(right.Tail);
        if (order != 0)
        {
            return order;
        }

        order = string.Compare(left.ServerName, right.ServerName, StringComparison.OrdinalIgnoreCase);
        if (order != 0)
        {
            return order;
        }

        order = left.SessionId.CompareTo(right.SessionId);
        return order != 0 ? order : left.Index.CompareTo(right.Index);
    }

    /// <summary>
    /// Puts the best <paramref name="count"/> candidates, best first, at the start of <paramref name="candidates"/>:
    /// a heap of the best so far with the worst on top (O(n log count)), then sorted in place. No allocation.
    /// </summary>
    public static void SelectBest(Span<RankedCandidate> candidates, int count)
    {
        var heap = candidates[..count];
        for (var i = (count / 2) - 1; i >= 0; i--)
        {
            SiftDown(heap, i, count);
        }

        for (var i = count; i < candidates.Length; i++)
        {
            if (Compare(candidates[i], heap[0]) < 0)
            {
                heap[0] = candidates[i];
                SiftDown(heap, 0, count);
            }
        }

        // Heap sort: moving the worst to the end each time leaves the best first.
        for (var end = count - 1; end > 0; end--)
        {
            (heap[0], heap[end]) = (heap[end], heap[0]);
            SiftDown(heap, 0, end);
        }
    }

    private static void SiftDown(Span<RankedCandidate> heap, int root, int length)
    {
        while (true)
        {
            var worst = root;
            var left = (2 * root) + 1;
            var right = left + 1;
            if (left < length && Compare(heap[left], heap[worst]) > 0)
            {
                worst = left;
            }

            if (right < length && Compare(heap[right], heap[worst]) > 0)
            {
                worst = right;
            }

            if (worst == root)
            {
                return;
            }

            (heap[root], heap[worst]) = (heap[worst], heap[root]);
            root = worst;
        }
    }
}
