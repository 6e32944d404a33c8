using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace SessionKiller.Core.Matching;

/// <summary>The fields a word is matched against, in the order they rank when the kind of match is the same.</summary>
internal enum MatchField
{
    Station = 0,
    Address = 1,
    Client = 2,
    QualifiedUserName = 3,
    UserName = 4,
}

/// <summary>One word of a query, matched against the fields of a session without allocating.</summary>
/// <remarks>
/// A score packs the kind of match and the field: <c>kind * FieldCount + field</c>, so a better kind always wins
/// and, for the same kind, the better field. Zero: no match. A client address matches only exactly or by its start
/// (<c>10.1.</c>): its digits would match nearly any word of digits as a subsequence.
/// </remarks>
internal sealed class WordMatcher
{
    public const int FieldCount = 5;
    public const int NoMatch = 0;
    public const int BestScore = ((int)MatchKind.Exact * FieldCount) + (int)MatchField.UserName;

    /// <summary>The best score short of a prefix: above it, only prefixes and exact matches count, in any field.</summary>
    public const int BestBelowPrefix = ((int)MatchKind.Substring * FieldCount) + (int)MatchField.UserName;

    /// <summary>Shorter words match no typo: one edit away from three letters is nearly everything.</summary>
    public const int ShortestWithTypos = 4;

    /// <summary>A transposition breaks three pairs of neighbours of the word (ab, bc, cd in abcd to acbd); other edits fewer.</summary>
    private const int MaxPairsOneEditBreaks = 3;

    private static readonly SearchValues<char> AsciiLettersAndDigits =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private const int BestBelowExact = ((int)MatchKind.Prefix * FieldCount) + (int)MatchField.UserName;

    private readonly string word;
    private readonly string folded;
    private readonly bool hasSurrogates;
    private readonly bool allowsTypos;

    /// <summary>The word's ASCII characters (<see cref="SessionSearchIndex.CharMask"/>); none with surrogates, which are not matched one char at a time.</summary>
    private readonly ulong chars;

    private readonly ulong pairs;

    /// <summary>The first character when it is ASCII: an exact or prefix match needs a field starting with it (only ASCII matches ASCII).</summary>
    private readonly ulong firstChar;

    private readonly ulong length;

    private WordMatcher(string word)
    {
        this.word = word;
        folded = string.Create(word.Length, word, static (target, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                target[i] = Fold(source[i]);
            }
        });
        hasSurrogates = word.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF');
        allowsTypos = !hasSurrogates && word.Length >= ShortestWithTypos;
        chars = hasSurrogates ? 0 : SessionSearchIndex.CharMask(word);
        pairs = hasSurrogates ? 0 : SessionSearchIndex.PairMask(word);
        firstChar = hasSurrogates || !char.IsAscii(word[0]) ? 0 : SessionSearchIndex.CharMask(word.AsSpan(0, 1));
        length = SessionSearchIndex.LengthBit(word.Length);
    }

    /// <summary>Matchers for the words of a query; an empty word would match everything and adds nothing.</summary>
    public static WordMatcher[] For(IReadOnlyList<string>? words) =>
        words is null ? [] : [.. words.Where(word => !string.IsNullOrEmpty(word)).Select(word => new WordMatcher(word))];

    public static MatchKind KindOf(int score) => (MatchKind)(score / FieldCount);

    /// <summary>
    /// The best score of this word over the session's fields when it is at least <paramref name="atLeast"/>, else
    /// something below it: fields and kinds that cannot reach it are not looked at.
    /// </summary>
    public int Score(in SessionSearchIndex.Entry entry, int atLeast)
    {
        // Every kind but a typo needs all of the word's characters somewhere; a typo may miss one. From a prefix up,
        // some field must start with the word's first character, and an exact match needs a field as long.
        var missingAnywhere = BitOperations.PopCount(chars & ~entry.AnyChars);
        if (missingAnywhere > (allowsTypos && atLeast <= TypoBar ? 1 : 0)
            || (atLeast > BestBelowPrefix && ((entry.FirstChars & firstChar) != firstChar || (atLeast > BestBelowExact && (entry.Lengths & length) == 0))))
        {
            return NoMatch;
        }

        var best = NoMatch;
        for (var field = MatchField.UserName; field >= MatchField.Station; field--)
        {
            // The weakest kind that, in this field, still beats what is needed.
            var needed = Math.Max(atLeast, best + 1);
            var weakest = (MatchKind)Math.Max((int)MatchKind.Typo, (needed - (int)field + FieldCount - 1) / FieldCount);
            if (weakest > MatchKind.Exact)
            {
                break;
            }

            if (field == MatchField.Address && weakest < MatchKind.Prefix)
            {
                weakest = MatchKind.Prefix;
            }

            // The masks, the first character and the length rule out most fields without reading them.
            var missing = BitOperations.PopCount(chars & ~entry.Chars(field));
            var missingPairs = BitOperations.PopCount(pairs & ~entry.Pairs(field));
            var typoAllowed = allowsTypos && weakest == MatchKind.Typo && missingPairs <= MaxPairsOneEditBreaks;
            if (missing > (typoAllowed ? 1 : 0)
                || (weakest >= MatchKind.Substring && missingPairs != 0)
                || (weakest >= MatchKind.Prefix && !hasSurrogates && entry.Start(field) != folded[0])
                || (weakest == MatchKind.Exact && entry.Length(field) != word.Length))
            {
                continue;
            }

            // In DOMAIN\user, a typo starting in the user part is one in the user name, which ranks higher.
            var typoStarts = field == MatchField.QualifiedUserName ? entry.Session.DomainName.Length : int.MaxValue;
            var kind = missing == 1 ? (TypoAt(entry.Field(field), typoStarts, out _, out _) >= 0 ? MatchKind.Typo : MatchKind.Listed)
                : KindIn(entry.Field(field), weakest, typoAllowed, typoStarts);
            if (kind != MatchKind.Listed)
            {
                best = ((int)kind * FieldCount) + (int)field;
            }
        }

        return best;
    }

    /// <summary>Marks in <paramref name="marks"/> (one per character of the user name) the characters this word matched.</summary>
    public void MarkUserName(in SessionSearchIndex.Entry entry, Span<bool> marks)
    {
        var score = Score(entry, NoMatch + 1);
        var field = (MatchField)(score % FieldCount);
        if (score == NoMatch || field < MatchField.QualifiedUserName)
        {
            return;
        }

        // In DOMAIN\user only the characters after "DOMAIN\" belong to the user name.
        var offset = field == MatchField.UserName ? 0 : entry.Session.DomainName.Length + 1;
        var text = entry.Field(field).AsSpan();
        switch (KindOf(score))
        {
            case MatchKind.Typo:
                var start = TypoAt(text, int.MaxValue, out var windowLength, out var skipped);
                MarkRange(start, start + windowLength, skipped, marks, offset);
                break;
            case MatchKind.Fuzzy:
                MarkFuzzy(text, marks, offset);
                break;
            default:
                var index = text.IndexOf(word, StringComparison.OrdinalIgnoreCase);
                MarkRange(index, index + word.Length, skipped: -1, marks, offset);
                break;
        }
    }

    private const int TypoBar = ((int)MatchKind.Typo * FieldCount) + (int)MatchField.UserName;

    /// <summary>How this word matches one field whose masks allow it, from <paramref name="weakest"/> up; <see cref="MatchKind.Listed"/> for none of those.</summary>
    private MatchKind KindIn(string field, MatchKind weakest, bool typoAllowed, int typoStarts)
    {
        if (field.Length < word.Length)
        {
            return typoAllowed && TypoAt(field, typoStarts, out _, out _) >= 0 ? MatchKind.Typo : MatchKind.Listed;
        }

        switch (weakest)
        {
            case MatchKind.Exact:
                return field.Length == word.Length && field.Equals(word, StringComparison.OrdinalIgnoreCase) ? MatchKind.Exact : MatchKind.Listed;
            case MatchKind.Prefix:
                return !field.StartsWith(word, StringComparison.OrdinalIgnoreCase) ? MatchKind.Listed
                    : field.Length == word.Length ? MatchKind.Exact : MatchKind.Prefix;
        }

        // The subsequence scan is the cheapest check, and every kind from a substring up implies it: most fields fail
        // it and never reach IndexOf. Not so for surrogate pairs, which the ordinal comparison folds as pairs and the
        // scan, one char at a time, does not.
        if (weakest <= MatchKind.Fuzzy && !hasSurrogates && FuzzyEnd(field) < 0)
        {
            return typoAllowed && TypoAt(field, typoStarts, out _, out _) >= 0 ? MatchKind.Typo : MatchKind.Listed;
        }

        var index = field.IndexOf(word, StringComparison.OrdinalIgnoreCase);
        return index == 0 ? (field.Length == word.Length ? MatchKind.Exact : MatchKind.Prefix)
            : index > 0 ? MatchKind.Substring
            : weakest <= MatchKind.Fuzzy && (!hasSurrogates || FuzzyEnd(field) >= 0) ? MatchKind.Fuzzy
            : MatchKind.Listed;
    }

    /// <summary>
    /// Where the word, with one transposition of neighbours, substitution, insertion or deletion, starts the field or
    /// a part of it (after a character that is no letter or digit), or -1: the window it matched, and the one
    /// character of it that stands for no character of the word (-1 when every one does).
    /// </summary>
    /// <remarks>
    /// At each start the edit can only be where the word and the field first differ (any other place gives the same
    /// strings), so each start costs one comparison per kind of edit.
    /// </remarks>
    private int TypoAt(ReadOnlySpan<char> field, int lastStart, out int windowLength, out int skipped)
    {
        var m = folded.Length;
        for (var start = 0; start <= lastStart && start + m - 1 <= field.Length; start++)
        {
            if (start > 0 && char.IsLetterOrDigit(field[start - 1]))
            {
                // On to the next character that may end a part: the loop then looks at the one after it.
                var run = field[start..].IndexOfAnyExcept(AsciiLettersAndDigits);
                if (run < 0)
                {
                    break;
                }

                start += run;
                continue;
            }

            var rest = field[start..];
            var same = 0;
            while (same < m && same < rest.Length && Fold(rest[same]) == folded[same])
            {
                same++;
            }

            skipped = -1;
            windowLength = m;
            if (same == m)
            {
                return start;
            }

            if (same + 1 < m && rest.Length >= m && Fold(rest[same]) == folded[same + 1] && Fold(rest[same + 1]) == folded[same] && EqualsFolded(rest[(same + 2)..m], folded.AsSpan(same + 2)))
            {
                return start;
            }

            if (rest.Length >= m && EqualsFolded(rest[(same + 1)..m], folded.AsSpan(same + 1)))
            {
                skipped = start + same;
                return start;
            }

            if (EqualsFolded(rest[same..(m - 1)], folded.AsSpan(same + 1)))
            {
                windowLength = m - 1;
                return start;
            }

            if (rest.Length > m && EqualsFolded(rest[(same + 1)..(m + 1)], folded.AsSpan(same)))
            {
                windowLength = m + 1;
                skipped = start + same;
                return start;
            }
        }

        windowLength = 0;
        skipped = -1;
        return -1;
    }

    private static bool EqualsFolded(ReadOnlySpan<char> text, ReadOnlySpan<char> foldedText)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (Fold(text[i]) != foldedText[i])
            {
                return false;
            }
        }

        return true;
    }

    private static void MarkRange(int start, int end, int skipped, Span<bool> marks, int offset)
    {
        for (var i = Math.Max(start, offset); i < end && i - offset < marks.Length; i++)
        {
            marks[i - offset] |= i != skipped;
        }
    }

    /// <summary>
    /// Marks a compact alignment: the earliest place the subsequence ends, then the latest start that still
    /// reaches it, then the leftmost characters inside that window (so "jdoe" in "john.doe" marks j, d, o, e).
    /// </summary>
    private void MarkFuzzy(ReadOnlySpan<char> field, Span<bool> marks, int offset)
    {
        var start = FuzzyEnd(field) + 1;
        for (var j = folded.Length - 1; j >= 0; j--)
        {
            start = LastIndexOfFolded(field[..start], folded[j]);
        }

        var position = start;
        foreach (var c in folded)
        {
            position += IndexOfFolded(field[position..], c);
            if (position - offset >= 0 && position - offset < marks.Length)
            {
                marks[position - offset] = true;
            }

            position++;
        }
    }

    /// <summary>The index where the earliest case-insensitive subsequence match of the word ends, or -1.</summary>
    private int FuzzyEnd(ReadOnlySpan<char> field)
    {
        // The last character must be there, far enough in: one vectorized search rules out most fields that
        // share only a start with the word (every "CONTOSO\..." for "contosoob").
        if (LastIndexOfFolded(field, folded[^1]) < folded.Length - 1)
        {
            return -1;
        }

        var position = 0;
        foreach (var c in folded)
        {
            var found = IndexOfFolded(field[position..], c);
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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Fold(char c) => char.IsAsciiLetterLower(c) ? (char)(c - ('a' - 'A')) : c < 128 ? c : FoldOutsideAscii(c);

    private static char FoldOutsideAscii(char c)
    {
        var upper = char.ToUpperInvariant(c);
        return char.IsAscii(upper) ? c : upper;
    }

    /// <summary>The first character of <paramref name="text"/> that folds to <paramref name="c"/>, or -1.</summary>
    /// <remarks>Only ASCII folds to ASCII, so an ASCII letter is one of two characters: a vectorized search.</remarks>
    private static int IndexOfFolded(ReadOnlySpan<char> text, char c)
    {
        if (char.IsAscii(c))
        {
            return char.IsAsciiLetterUpper(c) ? text.IndexOfAny(c, (char)(c + ('a' - 'A'))) : text.IndexOf(c);
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (Fold(text[i]) == c)
            {
                return i;
            }
        }

        return -1;
    }

    private static int LastIndexOfFolded(ReadOnlySpan<char> text, char c)
    {
        if (char.IsAscii(c))
        {
            return char.IsAsciiLetterUpper(c) ? text.LastIndexOfAny(c, (char)(c + ('a' - 'A'))) : text.LastIndexOf(c);
        }

        for (var i = text.Length - 1; i >= 0; i--)
        {
            if (Fold(text[i]) == c)
            {
                return i;
            }
        }

        return -1;
    }
}
