using SessionKiller.Core.Sessions;

namespace SessionKiller.Core.Settings;

/// <summary>What happens when the user asked first gives no answer before the timeout.</summary>
public enum TimeoutPolicy
{
    Keep = 0,
    LogOff = 1,
}

/// <summary>Every setting of the product, read the same way by the plugin and the CLI.</summary>
public sealed record SessionKillerSettings
{
    public const int MinAskFirstTimeoutSeconds = 10;
    public const int MaxAskFirstTimeoutSeconds = 3600;
    public const int MinRefreshIntervalSeconds = 5;
    public const int MaxRefreshIntervalSeconds = 3600;

    public static SessionKillerSettings Default { get; } = new();

    public bool ConfirmBeforeLogoff { get; init; } = true;

    public string AskFirstTitle { get; init; } = "Sign out requested";

    public string AskFirstText { get; init; } =
        "{admin} needs to sign you out of this computer, {user}. Save your work first.\n\n"
        + "Sign out now? Without an answer within {seconds} seconds this message closes.";

    public int AskFirstTimeoutSeconds { get; init; } = 60;

    public TimeoutPolicy OnNoAnswer { get; init; } = TimeoutPolicy.Keep;

    /// <summary>Servers to list; empty means this computer only.</summary>
    public IReadOnlyList<string> Servers { get; init; } = [];

    public bool ShowOwnSession { get; init; } = true;

    public int RefreshIntervalSeconds { get; init; } = 30;

    /// <summary>How long one server may take to answer before it is shown as stale.</summary>
    public int ServerTimeoutSeconds { get; init; } = 10;

    public TimeSpan AskFirstTimeout => TimeSpan.FromSeconds(Math.Clamp(AskFirstTimeoutSeconds, MinAskFirstTimeoutSeconds, MaxAskFirstTimeoutSeconds));

    public TimeSpan RefreshInterval => TimeSpan.FromSeconds(Math.Clamp(RefreshIntervalSeconds, MinRefreshIntervalSeconds, MaxRefreshIntervalSeconds));

    public TimeSpan ServerTimeout => TimeSpan.FromSeconds(Math.Clamp(ServerTimeoutSeconds, 1, 120));

    /// <summary>The configured servers, trimmed, de-duplicated, with this computer when none is named.</summary>
    public IReadOnlyList<string> EffectiveServers
    {
        get
        {
            var names = Servers
                .Where(name => !string.IsNullOrWhiteSpace(name))
                .Select(ServerNames.Normalize)
                .Distinct(ServerNames.Comparer)
                .ToArray();
            return names.Length == 0 ? [ServerNames.Local] : names;
        }
    }
}
