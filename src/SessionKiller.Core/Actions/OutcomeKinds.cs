using SessionKiller.Core.Backend;

namespace SessionKiller.Core.Actions;

public static class OutcomeKinds
{
    /// <summary>The outcome a backend failure ends an action with.</summary>
    public static OutcomeKind From(FailureKind failure) => failure switch
    {
        FailureKind.AccessDenied => OutcomeKind.AccessDenied,
        FailureKind.ServerUnavailable => OutcomeKind.ServerUnavailable,
        FailureKind.SessionGone => OutcomeKind.Gone,
        FailureKind.NotSupported => OutcomeKind.NotSupported,
        FailureKind.TimedOut => OutcomeKind.TimedOut,
        _ => OutcomeKind.Failed,
    };
}
