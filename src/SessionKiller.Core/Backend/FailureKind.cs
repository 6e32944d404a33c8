namespace SessionKiller.Core.Backend;

/// <summary>The ways a backend call can fail, as the product tells them apart.</summary>
public enum FailureKind
{
    AccessDenied,
    ServerUnavailable,
    SessionGone,
    NotSupported,
    TimedOut,
    Failed,
}
