using System.Collections;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SessionKiller.Core.Sessions;

namespace SessionKiller.Core.Matching;

/// <summary>
/// What the matcher needs of a list of sessions, worked out once per list instead of on every keystroke: each
/// session's fields and masks of their characters (a word with a character no field has is rejected without reading
/// a name), what the filters look at, and the sessions in <see cref="Ranking"/>'s order, for all servers and per
/// server, so a query walks only the server it names, in order, reading little, until it has enough.
/// </summary>
/// <remarks>The catalog's lists (<see cref="IndexedSessions"/>) carry their index; any other list is indexed per call.</remarks>
internal sealed class SessionSearchIndex
{
    private readonly Orders all;
    private readonly Dictionary<string, Orders> byServer = new(ServerNames.Comparer);

    public SessionSearchIndex(IReadOnlyList<SessionInfo> list)
    {
        Entries = new Entry[list.Count];
        var present = new List<int>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is { } session)
            {
                Entries[i] = new Entry(session);
                present.Add(i);
            }
        }

        all = new Orders(Sorted(present, Ranking.CompareUnscored(list, withWords: false)), Sorted(present, Ranking.CompareUnscored(list, withWords: true)));
        foreach (var group in present.GroupBy(i => ServerNames.Normalize(list[i].ServerName), ServerNames.Comparer))
        {
            var members = group.ToHashSet();
            byServer[group.Key] = new Orders(Array.FindAll(all.Listing, members.Contains), Array.FindAll(all.Words, members.Contains));
        }
    }

    /// <summary>One per position in the list (default for a null session, which no order holds).</summary>
    public Entry[] Entries { get; }

    public static SessionSearchIndex For(IReadOnlyList<SessionInfo> sessions) =>
        sessions is IndexedSessions indexed ? indexed.Index : new SessionSearchIndex(sessions);

    /// <summary>Positions into <see cref="Entries"/> in ranking order among equal scores; only the server's when one is named.</summary>
    public int[] Order(string? server, bool withWords)
    {
        var orders = server is null ? all : byServer.GetValueOrDefault(ServerNames.Normalize(server));
        return orders is null ? [] : withWords ? orders.Words : orders.Listing;
    }

    /// <summary>
    /// One bit per ASCII character, ASCII letters folded to upper case the way ordinal ignore-case compares them
    /// (only ASCII matches ASCII there); characters outside ASCII set no bit and so never rule anything out.
    /// Bits may be shared (a shift keeps the low six bits), which only makes the test less sharp, never wrong.
    /// </summary>
    public static ulong CharMask(ReadOnlySpan<char> text)
    {
        var mask = 0UL;
        foreach (var c in text)
        {
            if (c < 128)
            {
                mask |= 1UL << FoldAscii(c);
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
            if (text[i - 1] < 128 && text[i] < 128)
            {
                mask |= 1UL << ((FoldAscii(text[i - 1]) * 31) + FoldAscii(text[i]));
            }
        }

        return mask;
    }

    /// <summary>One bit per length; lengths from 63 on share the last bit.</summary>
    public static ulong LengthBit(int length) => 1UL << Math.Min(length, 63);

    private static int FoldAscii(char c) => char.IsAsciiLetterLower(c) ? c - ('a' - 'A') : c;

    private static int[] Sorted(List<int> positions, Comparison<int> order)
    {
        var sorted = positions.ToArray();
        Array.Sort(sorted, order);
        return sorted;
    }

    private sealed record Orders(int[] Listing, int[] Words);

    /// <summary>The fields of a session a word is matched against, with their masks, and what the filters read.</summary>
    [StructLayout(LayoutKind.Auto)]
    internal readonly struct Entry
    {
        private readonly FieldMasks masks;
        private readonly FieldTexts texts;
        private readonly FieldStarts starts;

        public Entry(SessionInfo session)
        {
            Session = session;
            Qualified = session.DomainName.Length == 0 ? "" : session.QualifiedUserName;
            for (var field = 0; field < WordMatcher.FieldCount; field++)
            {
                var text = (MatchField)field switch
                {
                    MatchField.UserName => session.UserName,
                    MatchField.QualifiedUserName => Qualified,
                    MatchField.Client => session.ClientName,
                    MatchField.Address => session.ClientAddress,
                    _ => session.StationName,
                };
                texts[field] = text;
                starts[field] = text.Length == 0 ? '\0' : WordMatcher.Fold(text[0]);
                masks[field] = CharMask(text);
                masks[WordMatcher.FieldCount + field] = PairMask(text);
                AnyChars |= masks[field];
                if (text.Length != 0)
                {
                    FirstChars |= CharMask(text.AsSpan(0, 1));
                    Lengths |= LengthBit(text.Length);
                }
            }

            Idle = session.IdleTime;
            SessionId = session.SessionId;
            State = session.State;
            IsSystem = session.IsSystemSession;
            IsOwn = session.IsCurrentSession;
        }

        public SessionInfo Session { get; }

        /// <summary>DOMAIN\user, or empty when there is no domain (then the user name alone is the field).</summary>
        public string Qualified { get; }

        /// <summary>The characters of all fields together (<see cref="CharMask"/>).</summary>
        public ulong AnyChars { get; }

        /// <summary>The first characters of the fields: what an exact or prefix match must start with.</summary>
        public ulong FirstChars { get; }

        /// <summary>The lengths of the fields (<see cref="LengthBit"/>): what an exact match must have.</summary>
        public ulong Lengths { get; }

        public TimeSpan? Idle { get; }

        public int SessionId { get; }

        public SessionState State { get; }

        public bool IsSystem { get; }

        public bool IsOwn { get; }

        public string Field(MatchField field) => texts[(int)field];

        public int Length(MatchField field) => texts[(int)field].Length;

        /// <summary>The field's first character, folded as ordinal ignore-case compares (<c>\0</c> when empty).</summary>
        public char Start(MatchField field) => starts[(int)field];

        public ulong Chars(MatchField field) => masks[(int)field];

        public ulong Pairs(MatchField field) => masks[WordMatcher.FieldCount + (int)field];
    }

    [InlineArray(WordMatcher.FieldCount)]
    private struct FieldTexts
    {
        private string first;
    }

    [InlineArray(WordMatcher.FieldCount)]
    private struct FieldStarts
    {
        private char first;
    }

    /// <summary>The characters, then the pairs of neighbours, of each field.</summary>
    [InlineArray(2 * WordMatcher.FieldCount)]
    private struct FieldMasks
    {
        private ulong first;
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
