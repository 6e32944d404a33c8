using SessionKiller.Core.Settings;

namespace SessionKiller.Core.Actions;

/// <summary>Who runs actions and under which settings; the host's elevation port, when it has one.</summary>
public sealed record RunnerContext(string Actor, SessionKillerSettings Settings)
{
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Where an action goes when the backend answers AccessDenied; null runs nothing elevated.</summary>
    public IElevation? Elevation { get; init; }

    /// <summary>Whether this process runs elevated: its audit lines say so.</summary>
    public bool RunsElevated { get; init; }
}
