using SessionKiller.Core.Actions;

namespace SessionKiller.Core.Bulk;

/// <summary>The words after a count in a bulk summary ("21 signed out"), in English; hosts that translate have their own.</summary>
public static class BulkWords
{
    public static string For(OutcomeKind kind, SessionAction action) => kind switch
    {
        OutcomeKind.Done => action switch
        {
            SessionAction.Disconnect => "disconnected",
            SessionAction.SendMessage => "messaged",
            _ => "signed out",
        },
        OutcomeKind.Declined => "said No",
        OutcomeKind.NoAnswer => "did not answer (still signed in)",
        OutcomeKind.Cancelled => "cancelled (not touched)",
        OutcomeKind.Refused => "refused (system, console or own session)",
        OutcomeKind.Changed => "changed since listed (not touched)",
        OutcomeKind.Gone => "gone since listed",
        OutcomeKind.NobodyToAsk => "disconnected, nobody to ask",
        OutcomeKind.AccessDenied => "access denied",
        OutcomeKind.ServerUnavailable => "server unreachable",
        OutcomeKind.NotSupported => "not supported",
        OutcomeKind.TimedOut => "server did not answer in time",
        OutcomeKind.Unknown => "answered too late (may still happen)",
        _ => "failed",
    };
}
