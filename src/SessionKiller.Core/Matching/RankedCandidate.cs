using SessionKiller.Core.Sessions;

namespace SessionKiller.Core.Matching;

/// <summary>A session that passed the filters, with its sort keys precomputed (16 bytes: cheap to move while sorting).</summary>
internal struct RankedCandidate
{
    /// <summary>Idle ticks, compared largest first; <see cref="long.MinValue"/> when unknown, so unknown comes last.</summary>
    public long IdleTicks;

    /// <summary>
    /// Two keys, smaller first: above the lowest two bits, what comes before idle time (own session last, better
    /// score, and with words the state order); in the lowest two bits, what comes after it (the state order when
    /// listing without words).
    /// </summary>
    public int Keys;

    /// <summary>Position in the caller's list: leads to the server name and id for the last tie-breaks.</summary>
    public int Index;

    /// <summary>Disconnected first (the usual target), then the other non-active states, then Active.</summary>
    public static int StateOrder(SessionState state) => state switch
    {
        SessionState.Disconnected => 0,
        SessionState.Active => 2,
        _ => 1,
    };

    public static RankedCandidate Create(int index, TimeSpan? idle, int beforeIdle, int afterIdle) =>
        new() { Index = index, IdleTicks = idle?.Ticks ?? long.MinValue, Keys = (beforeIdle << 2) | afterIdle };
}

/// <summary>The order of candidates, best first; total and repeatable (the caller's order settles full ties).</summary>
internal readonly struct CandidateOrder(IReadOnlyList<SessionInfo> sessions) : IComparer<RankedCandidate>
{
    public int Compare(RankedCandidate x, RankedCandidate y) => CompareRanked(x, y);

    public int CompareRanked(in RankedCandidate left, in RankedCandidate right)
    {
        var order = (left.Keys >> 2).CompareTo(right.Keys >> 2);
        if (order != 0)
        {
            return order;
        }

        order = right.IdleTicks.CompareTo(left.IdleTicks);
        if (order != 0)
        {
            return order;
        }

        order = (left.Keys & 3).CompareTo(right.Keys & 3);
        if (order != 0)
        {
            return order;
        }

        var leftSession = sessions[left.Index];
        var rightSession = sessions[right.Index];
        order = string.Compare(leftSession.ServerName, rightSession.ServerName, StringComparison.OrdinalIgnoreCase);
        if (order != 0)
        {
            return order;
        }

        order = leftSession.SessionId.CompareTo(rightSession.SessionId);
        return order != 0 ? order : left.Index.CompareTo(right.Index);
    }

    /// <summary>
    /// Puts the best <paramref name="count"/> candidates, best first, at the start of <paramref name="candidates"/>:
    /// a heap of the best so far with the worst on top (O(n log count)), then sorted in place; or, when most are
    /// wanted, a sort of all.
    /// </summary>
    public void SelectBest(Span<RankedCandidate> candidates, int count)
    {
        if (count > candidates.Length / 2)
        {
            candidates.Sort(this);
            return;
        }

        var heap = candidates[..count];
        for (var i = (count / 2) - 1; i >= 0; i--)
        {
            SiftDown(heap, i, count);
        }

        for (var i = count; i < candidates.Length; i++)
        {
            if (count > 0 && CompareRanked(candidates[i], heap[0]) < 0)
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

    private void SiftDown(Span<RankedCandidate> heap, int root, int length)
    {
        while (true)
        {
            var worst = root;
            var left = (2 * root) + 1;
            var right = left + 1;
            if (left < length && CompareRanked(heap[left], heap[worst]) > 0)
            {
                worst = left;
            }

            if (right < length && CompareRanked(heap[right], heap[worst]) > 0)
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
