using SessionKiller.Core.Sessions;

namespace SessionKiller.Core.Matching;

/// <summary>The fields a term is matched against, in the order they rank when the match kind is the same.</summary>
internal enum MatchField
{
    Station = 0,
    Client = 1,
    QualifiedUserName = 2,
    UserName = 3,
}

/// <summary>One word of a query, matched against the fields of a session without allocating.</summary>
/// <remarks>
/// A score packs the match kind and the field: <c>kind * 4 + field</c>, so a better kind always wins and, for the
/// same kind, the user name beats DOMAIN\user, which beats the client name, which beats the station. Zero: no match.
/// </remarks>
internal sealed class TermMatcher
{
    public const int NoMatch = 0;

    public const int BestScore = ((int)MatchKind.Exact * 4) + (int)MatchField.UserName;

    /// <summary>DOMAIN\user is built into a buffer of this size on the stack; longer names get a heap buffer.</summary>
    public const int StackBufferLength = 256;

    private readonly string term;
    private readonly string foldedTerm;
    private readonly bool hasSurrogates;

    /// <summary>The term's pairs of neighbouring ASCII characters (<see cref="SessionSearchIndex.PairMask"/>); none with surrogates.</summary>
    private readonly ulong pairs;


    public TermMatcher(string term)
    {
        this.term = term;
        hasSurrogates = term.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF');
        Mask = hasSurrogates ? 0 : SessionSearchIndex.CharMask(term);
        pairs = hasSurrogates ? 0 : SessionSearchIndex.PairMask(term);
        FirstChar = hasSurrogates || !char.IsAscii(term[0]) ? 0 : SessionSearchIndex.CharMask(term.AsSpan(0, 1));
        Length = SessionSearchIndex.LengthBit(term.Length);
        foldedTerm = string.Create(term.Length, term, static (target, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                target[i] = Fold(source[i]);
            }
        });
    }

    /// <summary>
    /// The term's ASCII characters (<see cref="SessionSearchIndex.CharMask"/>): a field without one of them fails the
    /// subsequence test and so cannot match. None with surrogates, which are not matched one char at a time.
    /// </summary>
    public ulong Mask { get; }

    /// <summary>
    /// The term's first character when it is ASCII (<see cref="SessionSearchIndex.CharMask"/>): an exact or prefix
    /// match needs a field starting with it (only ASCII matches ASCII). None when it says nothing.
    /// </summary>
    public ulong FirstChar { get; }

    /// <summary>The term's length (<see cref="SessionSearchIndex.LengthBit"/>): an exact match needs a field as long.</summary>
    public ulong Length { get; }

    /// <summary>The best score short of a prefix: above it, only prefix and exact matches count, in any field.</summary>
    public const int BestBelowPrefix = ((int)MatchKind.Substring * 4) + (int)MatchField.UserName;

    /// <summary>The best score short of an exact match: above it, only exact matches count, in any field.</summary>
    public const int BestBelowExact = ((int)MatchKind.Prefix * 4) + (int)MatchField.UserName;

    public static MatchKind KindOf(int score) => (MatchKind)(score / 4);

    public static MatchField FieldOf(int score) => (MatchField)(score % 4);

    /// <summary>DOMAIN\user written into <paramref name="buffer"/> (or a new array when it does not fit); empty when there is no domain.</summary>
    public static ReadOnlySpan<char> Qualify(SessionInfo session, Span<char> buffer)
    {
        var domain = session.DomainName;
        var user = session.UserName;
        if (domain.Length == 0)
        {
            return default;
        }

        var length = domain.Length + 1 + user.Length;
        var target = length <= buffer.Length ? buffer[..length] : new char[length];
        domain.CopyTo(target);
        target[domain.Length] = '\\';
        user.CopyTo(target[(domain.Length + 1)..]);
        return target;
    }

    /// <summary>The best score of this term over the session's fields.</summary>
    /// <param name="qualified">The session's DOMAIN\user from <see cref="Qualify"/> (empty when it has no domain).</param>
    public int Score(SessionInfo session, ReadOnlySpan<char> qualified)
    {
        var best = Score(session.UserName, MatchField.UserName);
        if (best >= BestScore)
        {
            return best;
        }

        // A field can only improve the score when its exact match would beat the best so far.
        if (!qualified.IsEmpty && best < Potential(MatchField.QualifiedUserName))
        {
            best = Math.Max(best, Score(qualified, MatchField.QualifiedUserName));
        }

        if (best < Potential(MatchField.Client))
        {
            best = Math.Max(best, Score(session.ClientName, MatchField.Client));
        }

        if (best < Potential(MatchField.Station))
        {
            best = Math.Max(best, Score(session.StationName, MatchField.Station));
        }

        return best;
    }

    /// <summary>
    /// The best score of this term over the session's fields when it is at least <paramref name="atLeast"/>, else
    /// something below it: fields and kinds that cannot reach it are not looked at.
    /// </summary>
    /// <param name="masks">The session's masks from <see cref="SessionSearchIndex"/>: characters, then pairs, of user, DOMAIN\user, client, station.</param>
    public int Score(SessionInfo session, string qualified, ReadOnlySpan<ulong> masks, int atLeast)
    {
        // A field can only matter when it may reach the bar and has every ASCII character of the term: when it
        // lacks one, the subsequence test, which every kind implies, fails.
        var best = NoMatch;
        best = ScoreAtLeast(session.UserName, MatchField.UserName, masks[0], masks[4], Math.Max(atLeast, best + 1), best);
        if (qualified.Length != 0)
        {
            best = ScoreAtLeast(qualified, MatchField.QualifiedUserName, masks[1], masks[5], Math.Max(atLeast, best + 1), best);
        }

        best = ScoreAtLeast(session.ClientName, MatchField.Client, masks[2], masks[6], Math.Max(atLeast, best + 1), best);
        return ScoreAtLeast(session.StationName, MatchField.Station, masks[3], masks[7], Math.Max(atLeast, best + 1), best);
    }

    /// <summary>Marks in <paramref name="marks"/> (one per character of the user name) the characters this term matched.</summary>
    // No match scores 0, which reads as the station: nothing to mark.
    public void MarkUserName(SessionInfo session, ReadOnlySpan<char> qualified, Span<bool> marks) =>
        MarkUserName(session, qualified, marks, Score(session, qualified));

    private int ScoreAtLeast(ReadOnlySpan<char> field, MatchField which, ulong fieldMask, ulong fieldPairs, int needed, int best)
    {
        if ((Mask & ~fieldMask) != 0 || field.Length < term.Length)
        {
            return best;
        }

        // The weakest kind that, in this field, still reaches the score needed.
        var weakest = (needed - (int)which + 3) / 4;
        if (weakest > (int)MatchKind.Exact)
        {
            return best;
        }

        // From a substring up, the field must also have every pair of neighbours the term has.
        var kind = weakest <= (int)MatchKind.Fuzzy || hasSurrogates ? KindIn(field)
            : (pairs & ~fieldPairs) != 0 ? MatchKind.Listed
            : KindAtLeast(field, (MatchKind)weakest);
        var score = kind == MatchKind.Listed ? NoMatch : ((int)kind * 4) + (int)which;
        return Math.Max(best, score);
    }

    /// <summary>Like <see cref="KindIn"/> for a term without surrogates, but only tells kinds from <paramref name="weakest"/> up.</summary>
    private MatchKind KindAtLeast(ReadOnlySpan<char> field, MatchKind weakest)
    {
        switch (weakest)
        {
            case MatchKind.Exact:
                return field.Length == term.Length && field.Equals(term, StringComparison.OrdinalIgnoreCase) ? MatchKind.Exact : MatchKind.Listed;
            case MatchKind.Prefix:
                return !field.StartsWith(term, StringComparison.OrdinalIgnoreCase) ? MatchKind.Listed
                    : field.Length == term.Length ? MatchKind.Exact : MatchKind.Prefix;
            default:
                var index = field.IndexOf(term, StringComparison.OrdinalIgnoreCase);
                return index < 0 ? MatchKind.Listed
                    : index > 0 ? MatchKind.Substring
                    : field.Length == term.Length ? MatchKind.Exact : MatchKind.Prefix;
        }
    }

    /// <summary>Like <see cref="MarkUserName(SessionInfo, ReadOnlySpan{char}, Span{bool})"/> when this term's score is already known.</summary>
    public void MarkUserName(SessionInfo session, ReadOnlySpan<char> qualified, Span<bool> marks, int score)
    {
        switch (FieldOf(score))
        {
            case MatchField.UserName:
                Mark(session.UserName, KindOf(score), marks, offset: 0);
                break;
            case MatchField.QualifiedUserName:
                // Only the characters after "DOMAIN\" belong to the user name.
                Mark(qualified, KindOf(score), marks, offset: session.DomainName.Length + 1);
                break;
            default:
                break;
        }
    }

    private static int Potential(MatchField field) => ((int)MatchKind.Exact * 4) + (int)field;

    private int Score(ReadOnlySpan<char> field, MatchField which)
    {
        var kind = KindIn(field);
        return kind == MatchKind.Listed ? NoMatch : ((int)kind * 4) + (int)which;
    }

    /// <summary>How this term matches one field; <see cref="MatchKind.Listed"/> stands for "not at all".</summary>
    private MatchKind KindIn(ReadOnlySpan<char> field)
    {
        // Every other kind implies the fuzzy one, and the subsequence scan is the cheapest check: most fields
        // of most sessions fail it and never reach IndexOf. Not so for surrogate pairs, which the ordinal
        // comparison folds as pairs and the fuzzy scan (one char at a time) does not.
        if (field.Length < term.Length || (!hasSurrogates && FuzzyEnd(field) < 0))
        {
            return MatchKind.Listed;
        }

        var index = field.IndexOf(term, StringComparison.OrdinalIgnoreCase);
        if (index == 0)
        {
            return field.Length == term.Length ? MatchKind.Exact : MatchKind.Prefix;
        }

        if (index > 0)
        {
            return MatchKind.Substring;
        }

        return !hasSurrogates || FuzzyEnd(field) >= 0 ? MatchKind.Fuzzy : MatchKind.Listed;
    }

    private void Mark(ReadOnlySpan<char> field, MatchKind kind, Span<bool> marks, int offset)
    {
        if (kind == MatchKind.Fuzzy)
        {
            MarkFuzzy(field, marks, offset);
            return;
        }

        var index = field.IndexOf(term, StringComparison.OrdinalIgnoreCase);
        if (index >= 0)
        {
            MarkRange(index, index + term.Length, marks, offset);
        }
    }

    private static void MarkRange(int start, int end, Span<bool> marks, int offset)
    {
        for (var i = Math.Max(start, offset); i < end && i - offset < marks.Length; i++)
        {
            marks[i - offset] = true;
        }
    }

    /// <summary>
    /// Marks a compact alignment: the earliest place the subsequence ends, then the latest start that still
    /// reaches it, then the leftmost characters inside that window (so "jdoe" in "john.doe" marks j, d, o, e).
    /// </summary>
    private void MarkFuzzy(ReadOnlySpan<char> field, Span<bool> marks, int offset)
    {
        var end = FuzzyEnd(field);
        if (end < 0)
        {
            return;
        }

        var start = end + 1;
        for (var j = foldedTerm.Length - 1; j >= 0; j--)
        {
            start = LastIndexOfFolded(field[..start], foldedTerm[j]);
        }

        var position = start;
        foreach (var folded in foldedTerm)
        {
            position += IndexOfFolded(field[position..], folded);
            var mark = position - offset;
            if (mark >= 0 && mark < marks.Length)
            {
                marks[mark] = true;
            }

            position++;
        }
    }

    /// <summary>The index where the earliest case-insensitive subsequence match of the term ends, or -1.</summary>
    private int FuzzyEnd(ReadOnlySpan<char> field)
    {
        // The last character must be there, far enough in: one vectorized search rules out most fields that
        // share only a start with the term (every "CONTOSO\..." for "contosoob").
        if (LastIndexOfFolded(field, foldedTerm[^1]) < foldedTerm.Length - 1)
        {
            return -1;
        }

        var position = 0;
        foreach (var folded in foldedTerm)
        {
            var found = IndexOfFolded(field[position..], folded);
            if (found < 0)
            {
                return -1;
            }

            position += found + 1;
        }

        return position - 1;
    }

    /// <summary>
    /// The case folding of <see cref="StringComparison.OrdinalIgnoreCase"/> for one character: ASCII letters fold to
    /// upper case, other characters to their invariant upper case, except that nothing outside ASCII folds into it
    /// (ordinal comparison keeps "ſ" apart from "S" and "ı" apart from "I").
    /// </summary>
    private static char Fold(char c)
    {
        if (char.IsAscii(c))
        {
            return char.IsAsciiLetterLower(c) ? (char)(c - ('a' - 'A')) : c;
        }

        var upper = char.ToUpperInvariant(c);
        return char.IsAscii(upper) ? c : upper;
    }

    /// <summary>The first character of <paramref name="text"/> that folds to <paramref name="folded"/>, or -1.</summary>
    /// <remarks>Only ASCII folds to ASCII, so an ASCII letter is one of two characters: a vectorized search.</remarks>
    private static int IndexOfFolded(ReadOnlySpan<char> text, char folded)
    {
        if (char.IsAsciiLetterUpper(folded))
        {
            return text.IndexOfAny(folded, (char)(folded + ('a' - 'A')));
        }

        if (char.IsAscii(folded))
        {
            return text.IndexOf(folded);
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (Fold(text[i]) == folded)
            {
                return i;
            }
        }

        return -1;
    }

    private static int LastIndexOfFolded(ReadOnlySpan<char> text, char folded)
    {
        if (char.IsAsciiLetterUpper(folded))
        {
            return text.LastIndexOfAny(folded, (char)(folded + ('a' - 'A')));
        }

        if (char.IsAscii(folded))
        {
            return text.LastIndexOf(folded);
        }

        for (var i = text.Length - 1; i >= 0; i--)
        {
            if (Fold(text[i]) == folded)
            {
                return i;
            }
        }

        return -1;
    }
}
