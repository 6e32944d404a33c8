using SessionKiller.Core.Sessions;

namespace SessionKiller.Core.Query;

/// <summary>What a person typed after the keyword, parsed.</summary>
public sealed record SessionQuery
{
    public static SessionQuery Everyone { get; } = new();

    /// <summary>Free words and quoted phrases; each must match the user, DOMAIN\user, client name, client address or station.</summary>
    public IReadOnlyList<string> Terms { get; init; } = [];

    /// <summary><c>#3</c>: only this session id.</summary>
    public int? SessionId { get; init; }

    /// <summary><c>@rds01</c>: only this server.</summary>
    public string? Server { get; init; }

    /// <summary><c>idle:&gt;30m</c> or <c>idle:&lt;2h</c>.</summary>
    public IdleFilter? Idle { get; init; }

    /// <summary><c>state:disc</c>: the states a prefix named (one prefix can name several).</summary>
    public IReadOnlyList<SessionState>? States { get; init; }

    public bool IsEveryone => Terms.Count == 0 && SessionId is null && Server is null && Idle is null && States is null;
}

public enum IdleComparison
{
    LongerThan,
    ShorterThan,
}

/// <summary>An idle-time filter. Sessions whose idle time is unknown never pass it.</summary>
public sealed record IdleFilter(IdleComparison Comparison, TimeSpan Threshold)
{
    public bool Accepts(TimeSpan? idle) => idle is { } value && (Comparison == IdleComparison.LongerThan ? value > Threshold : value < Threshold);
}
