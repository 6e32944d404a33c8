using SessionKiller.Linux.Logind;
using SessionKiller.Linux.Processes;
using SessionKiller.Linux.Utmp;

namespace SessionKiller.Linux;

/// <summary>
/// What the Linux backend reads and writes on this machine, and how long it waits: the defaults are the
/// machine's own; tests point them at stand-ins.
/// </summary>
internal sealed record LinuxBackendOptions
{
    public string UtmpPath { get; init; } = UtmpFile.DefaultPath;

    /// <summary>The layout of utmp records; null on an architecture whose layout this backend does not know.</summary>
    public UtmpLayout? UtmpLayout { get; init; } = Utmp.UtmpLayout.ForThisMachine;

    public string ProcRoot { get; init; } = "/proc";

    public string DevRoot { get; init; } = "/dev";

    public string SysRoot { get; init; } = "/sys";

    /// <summary>The system bus address, or null when there is none (then logind is not asked).</summary>
    public Func<string?> SystemBusAddress { get; init; } = () => LogindClient.SystemBusAddress();

    /// <summary>The uid of an account by name, null when there is none.</summary>
    public Func<string, uint?> UserIdOf { get; init; } = Accounts.UserAccounts.IdOf;

    /// <summary>What sends the signals of a log off without logind.</summary>
    public Func<ProcessTable, IProcessSignaller> Signaller { get; init; } = table => new ProcessSignaller(table);

    /// <summary>Marks a login's record (by utmp path and line) ended in utmp and wtmp, as its login program would have.</summary>
    public Func<string, string, bool> CloseUtmpRecord { get; init; } = UtmpFile.CloseRecord;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public TerminationTimings Timings { get; init; } = TerminationTimings.Default;

    /// <summary>How long a log off through logind waits for the session's leader to go: within the CLI's default 10 s per call.</summary>
    public TimeSpan LogindLogOffWait { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Who the caller is, for the header of a message: user, host and terminal.</summary>
    public string SenderName { get; init; } = Environment.UserName;

    public string SenderHost { get; init; } = Environment.MachineName;

    public static LinuxBackendOptions Default { get; } = new();
}
