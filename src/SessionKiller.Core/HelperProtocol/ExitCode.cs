using SessionKiller.Core.Actions;
using SessionKiller.Core.Backend;

namespace SessionKiller.Core.HelperProtocol;

/// <summary>
/// The exit codes of <c>sessionkiller</c>, for scripts. Several outcomes share a code, so the plugin reads
/// its elevated helper's exact outcome from an <see cref="OutcomeFile"/>, never from the code.
/// </summary>
public enum ExitCode
{
    /// <summary>The command did what was asked.</summary>
    Done = 0,

    /// <summary>The command line was wrong: unknown or repeated option, bad value, missing argument.</summary>
    UsageError = 1,

    /// <summary>No session matches the target.</summary>
    NoMatch = 2,

    /// <summary>More than one session matches the target; they are listed on stderr and nothing was done.</summary>
    SeveralMatches = 3,

    /// <summary>Nothing was done because someone said no: the user asked first said No or did not answer
    /// (with <c>keep</c>), nobody was there to ask, the confirmation was refused or impossible, or Ctrl+C.</summary>
    Declined = 4,

    /// <summary>Access denied: run elevated.</summary>
    AccessDenied = 5,

    /// <summary>The server could not be reached or did not answer in time (an action then may still happen).</summary>
    ServerUnavailable = 6,

    /// <summary>The session changed (another user or another logon) or is gone since it was listed: nothing was done.</summary>
    SessionChanged = 7,

    /// <summary>Not supported on this system.</summary>
    NotSupported = 8,

    /// <summary>Any other failure, including a refused target (session 0, a listener, a session without a user).</summary>
    Failed = 9,
}

/// <summary>The one table between outcomes, backend failures and exit codes.</summary>
public static class ExitCodes
{
    // Every outcome has its row; several share a code.
    private static readonly (OutcomeKind Outcome, ExitCode Code)[] Table =
    [
        (OutcomeKind.Done, ExitCode.Done),
        (OutcomeKind.Declined, ExitCode.Declined),
        (OutcomeKind.NoAnswer, ExitCode.Declined),
        (OutcomeKind.Cancelled, ExitCode.Declined),
        (OutcomeKind.NobodyToAsk, ExitCode.Declined),
        (OutcomeKind.AccessDenied, ExitCode.AccessDenied),
        (OutcomeKind.ServerUnavailable, ExitCode.ServerUnavailable),
        (OutcomeKind.TimedOut, ExitCode.ServerUnavailable),
        (OutcomeKind.Unknown, ExitCode.ServerUnavailable),
        (OutcomeKind.Changed, ExitCode.SessionChanged),
        (OutcomeKind.Gone, ExitCode.SessionChanged),
        (OutcomeKind.NotSupported, ExitCode.NotSupported),
        (OutcomeKind.Failed, ExitCode.Failed),
        (OutcomeKind.Refused, ExitCode.Failed),
    ];

    public static ExitCode For(OutcomeKind outcome)
    {
        foreach (var row in Table)
        {
            if (row.Outcome == outcome)
            {
                return row.Code;
            }
        }

        return ExitCode.Failed;
    }

    /// <summary>The code of the outcome the runner makes of a backend failure, for failures met outside the runner.</summary>
    public static ExitCode For(FailureKind failure) => For(OutcomeKinds.From(failure));
}
