using System.Collections;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SessionKiller.Core.Sessions;

namespace SessionKiller.Core.Matching;

/// <summary>
/// What the matcher needs of a list of sessions, worked out once per list instead of on every keystroke: each
/// session's DOMAIN\user, a mask of the characters in each field (a word with a character no field has is
/// rejected without reading a name), what the filters look at, and the sessions pre-sorted in both ranking orders,
/// so a query walks them in order, reading little, until it has enough.
/// </summary>
/// <remarks>
/// The catalog's lists (<see cref="IndexedSessions"/>) carry their index. Any other list gets one cached per list
/// instance; since such a list may have been edited since, the index keeps the sessions it was built from and is
/// built again when they differ.
/// </remarks>
internal sealed class SessionSearchIndex
{
    /// <summary>Masks per session: the characters of user, DOMAIN\user, client, station, then their pairs of neighbours.</summary>
    public const int MasksPerSession = 8;

    private static readonly ConditionalWeakTable<IReadOnlyList<SessionInfo>, SessionSearchIndex> Cache = [];

    public SessionSearchIndex(IReadOnlyList<SessionInfo> list)
    {
        var count = list.Count;
        Sessions = new SessionInfo?[count];
        Qualified = new string[count];
        Masks = new ulong[count * MasksPerSession];
        var entries = new Entry[count];
        var listing = new List<RankedCandidate>(count);
        var words = new List<RankedCandidate>(count);
        for (var i = 0; i < count; i++)
        {
            var session = list[i];
            Sessions[i] = session;
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
            masks[4] = PairMask(session.UserName);
            masks[5] = PairMask(Qualified[i]);
            masks[6] = PairMask(session.ClientName);
            masks[7] = PairMask(session.StationName);
            entries[i] = new Entry(i, session, masks[0] | masks[1] | masks[2] | masks[3], Qualified[i]);

            var stateOrder = RankedCandidate.StateOrder(session.State);
            listing.Add(RankedCandidate.Create(i, session.IdleTime, session.IsCurrentSession ? 1 : 0, afterIdle: stateOrder));

            // With words the own session and the score come first; they are sorted out per query.
            words.Add(RankedCandidate.Create(i, session.IdleTime, stateOrder, afterIdle: 0));
        }

        var order = new CandidateOrder(list);
        ListingOrder = Sorted(listing, order, entries);
        WordOrder = Sorted(words, order, entries);
    }

    /// <summary>The sessions the index was built from, by their position in the list.</summary>
    public SessionInfo?[] Sessions { get; }

    /// <summary>DOMAIN\user per session, or empty when it has no domain.</summary>
    public string[] Qualified { get; }

    /// <summary><see cref="MasksPerSession"/> character masks per session (see <see cref="CharMask"/>).</summary>
    public ulong[] Masks { get; }

    /// <summary>The sessions (nulls left out) in the order of a listing: own last, longest idle first, then state.</summary>
    public Entry[] ListingOrder { get; }

    /// <summary>The sessions (nulls left out) in the order used among equal scores with words: state, then longest idle.</summary>
    public Entry[] WordOrder { get; }

    public static SessionSearchIndex For(IReadOnlyList<SessionInfo> sessions)
    {
        if (sessions is IndexedSessions indexed)
        {
            return indexed.Index;
        }

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

    /// <summary>
    /// One bit per pair of neighbouring ASCII characters, folded as in <see cref="CharMask"/> and hashed into 64 bits: a
    /// field holds a word (or starts with it, or is it) only when it has every pair the word has.
    /// </summary>
    public static ulong PairMask(ReadOnlySpan<char> text)
    {
        var mask = 0UL;
        for (var i = 1; i < text.Length; i++)
        {
            int first = text[i - 1], second = text[i];
            if (first < 128 && second < 128)
            {
                first = char.IsAsciiLetterLower((char)first) ? first - ('a' - 'A') : first;
                second = char.IsAsciiLetterLower((char)second) ? second - ('a' - 'A') : second;
                mask |= 1UL << ((first * 31) + second);
            }
        }

        return mask;
    }

    /// <summary>One bit per length; lengths from 63 on share the last bit.</summary>
    public static ulong LengthBit(int length) => 1UL << Math.Min(length, 63);

    private static ReadOnlySpan<char> First(string text) => text.AsSpan(0, Math.Min(text.Length, 1));

    private static Entry[] Sorted(List<RankedCandidate> candidates, CandidateOrder order, Entry[] entries)
    {
        var span = CollectionsMarshal.AsSpan(candidates);
        span.Sort(order);
        var sorted = new Entry[span.Length];
        for (var i = 0; i < span.Length; i++)
        {
            sorted[i] = entries[span[i].Index];
        }

        return sorted;
    }

    private bool IsFor(IReadOnlyList<SessionInfo> list)
    {
        if (list.Count != Sessions.Length)
        {
            return false;
        }

        for (var i = 0; i < Sessions.Length; i++)
        {
            if (!ReferenceEquals(list[i], Sessions[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>What the filters and the first word test read of one session, side by side in the walking order.</summary>
    [StructLayout(LayoutKind.Auto)]
    internal readonly struct Entry
    {
        public Entry(int index, SessionInfo session, ulong anyMask, string qualified)
        {
            Index = index;
            AnyMask = anyMask;
            FirstChars = CharMask(First(session.UserName)) | CharMask(First(qualified)) | CharMask(First(session.ClientName)) | CharMask(First(session.StationName));
            Lengths = LengthBit(session.UserName.Length) | LengthBit(session.ClientName.Length) | LengthBit(session.StationName.Length)
                | (qualified.Length == 0 ? 0 : LengthBit(qualified.Length));
            SessionId = session.SessionId;
            State = session.State;
            IsSystem = session.IsSystemSession;
            IsOwn = session.IsCurrentSession;
            Idle = session.IdleTime;
        }

        /// <summary>Position in the list.</summary>
        public int Index { get; }

        /// <summary>The characters of all four fields together.</summary>
        public ulong AnyMask { get; }

        /// <summary>The first characters of the four fields (<see cref="CharMask"/>): what an exact or prefix match must start with.</summary>
        public ulong FirstChars { get; }

        /// <summary>The lengths of the four fields (<see cref="LengthBit"/>): what an exact match must have.</summary>
        public ulong Lengths { get; }

        public int SessionId { get; }

        public SessionState State { get; }

        public bool IsSystem { get; }

        public bool IsOwn { get; }

        public TimeSpan? Idle { get; }
    }
}

/// <summary>An immutable list of sessions that carries its search index, built on first use (the catalog builds it off the keystroke path).</summary>
internal sealed class IndexedSessions(SessionInfo[] sessions) : IReadOnlyList<SessionInfo>
{
    private SessionSearchIndex? index;

    public SessionSearchIndex Index => LazyInitializer.EnsureInitialized(ref index, () => new SessionSearchIndex(this));

    public int Count => sessions.Length;

    public SessionInfo this[int index] => sessions[index];

    public IEnumerator<SessionInfo> GetEnumerator() => ((IEnumerable<SessionInfo>)sessions).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
