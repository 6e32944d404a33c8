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
    private readonly string upperTerm;

    public TermMatcher(string term)
    {
        this.term = term;
        upperTerm = term.ToUpperInvariant();
    }

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

    /// <summary>Marks in <paramref name="marks"/> (one per character of the user name) the characters this term matched.</summary>
    public void MarkUserName(SessionInfo session, ReadOnlySpan<char> qualified, Span<bool> marks)
    {
        // No match scores 0, which reads as the station: nothing to mark.
        var score = Score(session, qualified);
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
        if (field.Length < term.Length)
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

        return FuzzyEnd(field) >= 0 ? MatchKind.Fuzzy : MatchKind.Listed;
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

        var start = end;
        for (int i = end, j = upperTerm.Length - 1; i >= 0; i--)
        {
            if (char.ToUpperInvariant(field[i]) == upperTerm[j] && --j < 0)
            {
                start = i;
                break;
            }
        }

        for (int i = start, j = 0; i <= end && j < upperTerm.Length; i++)
        {
            if (char.ToUpperInvariant(field[i]) == upperTerm[j])
            {
                j++;
                var mark = i - offset;
                if (mark >= 0 && mark < marks.Length)
                {
                    marks[mark] = true;
                }
            }
        }
    }

    /// <summary>The index where the earliest case-insensitive subsequence match of the term ends, or -1.</summary>
    private int FuzzyEnd(ReadOnlySpan<char> field)
    {
        var j = 0;
        for (var i = 0; i < field.Length; i++)
        {
            if (char.ToUpperInvariant(field[i]) == upperTerm[j] && ++j == upperTerm.Length)
            {
                return i;
            }
        }

        return -1;
    }
}
