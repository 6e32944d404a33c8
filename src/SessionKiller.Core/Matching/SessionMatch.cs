using SessionKiller.Core.Sessions;

namespace SessionKiller.Core.Matching;

/// <summary>How well a session matched; a larger value ranks first.</summary>
public enum MatchKind
{
    /// <summary>The query had no words: every session that passed the filters.</summary>
    Listed = 0,

    /// <summary>A word of four or more characters, one transposition, substitution, insertion or deletion away.</summary>
    Typo = 1,

    /// <summary>The word's characters in order, with others between them.</summary>
    Fuzzy = 2,
    Substring = 3,
    Prefix = 4,
    Exact = 5,
}

/// <summary>A session that matched, how well, and which characters of its user name to highlight.</summary>
/// <param name="UserNameHighlights">Indexes into <see cref="SessionInfo.UserName"/> (titles start with it).</param>
public sealed record SessionMatch(SessionInfo Session, MatchKind Kind, IReadOnlyList<int> UserNameHighlights);

public sealed record MatchOptions
{
    public static MatchOptions Default { get; } = new();

    /// <summary>Show session 0, listeners and sessions without a user (the CLI's <c>--all</c>).</summary>
    public bool IncludeSystemSessions { get; init; }

    /// <summary>Show the caller's own session (always last).</summary>
    public bool ShowOwnSession { get; init; } = true;

    /// <summary>At most this many matches, best first.</summary>
    public int Limit { get; init; } = int.MaxValue;
}
