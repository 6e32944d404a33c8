namespace SessionKiller.Core.Actions;

/// <summary>How an action ended.</summary>
public enum OutcomeKind
{
    /// <summary>The action was carried out.</summary>
    Done,

    /// <summary>The user who was asked first said No.</summary>
    Declined,

    /// <summary>The user who was asked first did not answer, and the policy kept them signed in.</summary>
    NoAnswer,

    /// <summary>The person running the action said No to the confirmation, or cancelled elevation.</summary>
    Cancelled,

    /// <summary>The target is never acted on: session 0, a listener, a session without a user.</summary>
    Refused,

    /// <summary>The id now belongs to another user or another logon: nothing was done.</summary>
    Changed,

    /// <summary>The session no longer exists: nothing was done.</summary>
    Gone,

    /// <summary>Ask first on a disconnected session: nobody is there to answer.</summary>
    NobodyToAsk,

    AccessDenied,
    ServerUnavailable,
    NotSupported,
    /// <summary>A read of the server did not answer in time: nothing was done.</summary>
    TimedOut,

    /// <summary>The server did not answer an action in time: the call goes on and may still take effect.</summary>
    Unknown,

    Failed,
}
