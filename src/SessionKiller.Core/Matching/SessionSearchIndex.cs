using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SessionKiller.Core.Sessions;

namespace SessionKiller.Core.Matching;

/// <summary>
/// What the matcher needs of a list of sessions, worked out once per list instead of on every keystroke: each
/// session's DOMAIN\user, a mask of the characters in each field (a word with a character no field has is
/// rejected without reading a name), and the sessions pre-sorted in both ranking orders, so a query only walks
/// them until it has enough.
/// </summary>
/// <remarks>
/// Cached per list instance (the catalog replaces its list on refresh, never edits it); a list that was edited
/// after its index was built is noticed, because the index keeps the sessions it was built from, and indexed again.
/// </remarks>
internal sealed class SessionSearchIndex
{
    /// <summary>Masks per session: user, DOMAIN\user, client, station (the <see cref="MatchField"/> order reversed).</summary>
    public const int MasksPerSession = 4;

    private static readonly ConditionalWeakTable<IReadOnlyList<SessionInfo>, SessionSearchIndex> Cache = [];

    private readonly SessionInfo?[] sessions;

    private SessionSearchIndex(IReadOnlyList<SessionInfo> list)
    {
        var count = list.Count;
        sessions = new SessionInfo?[count];
        Qualified = new string[count];
        Masks = new ulong[count * MasksPerSession];
        var listing = new List<RankedCandidate>(count);
        var words = new List<RankedCandidate>(count);
        for (var i = 0; i < count; i++)
        {
            var session = list[i];
            sessions[i] = session;
            Qualified[i] = "";
            if (session is null)
            {
                continue;
            }

            Qualified[i] = session.DomainName.Length == 0 ? "" : session.QualifiedUserName;
            var masks = Masks.AsSpan(i * MasksPerSession, MasksPerSession);
            masks[0] = CharMask(session.UserName);
            masks[1] = CharMask(Qualified[i]);
            masks[2] = CharMask(session.ClientName);
            masks[3] = CharMask(session.StationName);

            var stateOrder = RankedCandidate.StateOrder(session.State);
            listing.Add(RankedCandidate.Create(i, session.IdleTime, session.IsCurrentSession ? 1 : 0, afterIdle: stateOrder));

            // With words the own session and the score come first; they are sorted out per query.
            words.Add(RankedCandidate.Create(i, session.IdleTime, stateOrder, afterIdle: 0));
        }

        var order = new CandidateOrder(list);
        ListingOrder = SortedIndexes(listing, order);
        WordOrder = SortedIndexes(words, order);
    }

    /// <summary>DOMAIN\user per session, or empty when it has no domain.</summary>
    public string[] Qualified { get; }

    /// <summary><see cref="MasksPerSession"/> character masks per session (see <see cref="CharMask"/>).</summary>
    public ulong[] Masks { get; }

    /// <summary>The sessions (nulls left out) in the order of a listing: own last, longest idle first, then state.</summary>
    public int[] ListingOrder { get; }

    /// <summary>The sessions (nulls left out) in the order used among equal scores with words: state, then longest idle.</summary>
    public int[] WordOrder { get; }

    public static SessionSearchIndex For(IReadOnlyList<SessionInfo> sessions)
    {
        if (Cache.TryGetValue(sessions, out var cached) && cached.IsFor(sessions))
        {
            return cached;
        }

        var fresh = new SessionSearchIndex(sessions);
        Cache.AddOrUpdate(sessions, fresh);
        return fresh;
    }

    /// <summary>
    /// One bit per ASCII character, ASCII letters folded to upper case the way ordinal ignore-case compares them
    /// (only ASCII matches ASCII there); characters outside ASCII set no bit and so never rule anything out.
    /// Bits may be shared (the mask keeps the low six bits), which only makes the test less sharp, never wrong.
    /// </summary>
    public static ulong CharMask(ReadOnlySpan<char> text)
    {
        var mask = 0UL;
        foreach (var c in text)
        {
            if (c < 128)
            {
                mask |= 1UL << (char.IsAsciiLetterLower(c) ? c - ('a' - 'A') : c);
            }
        }

        return mask;
    }

    private static int[] SortedIndexes(List<RankedCandidate> candidates, CandidateOrder order)
    {
        var span = CollectionsMarshal.AsSpan(candidates);
        span.Sort(order);
        var indexes = new int[span.Length];
        for (var i = 0; i < span.Length; i++)
        {
            indexes[i] = span[i].Index;
        }

        return indexes;
    }

    private bool IsFor(IReadOnlyList<SessionInfo> list)
    {
        if (list.Count != sessions.Length)
        {
            return false;
        }

        if (list is SessionInfo[] array)
        {
            for (var i = 0; i < array.Length; i++)
            {
                if (!ReferenceEquals(array[i], sessions[i]))
                {
                    return false;
                }
            }

            return true;
        }

        for (var i = 0; i < sessions.Length; i++)
        {
            if (!ReferenceEquals(list[i], sessions[i]))
            {
                return false;
            }
        }

        return true;
    }
}
