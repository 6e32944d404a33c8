using SessionKiller.Linux.Logind;
using SessionKiller.Linux.Processes;
using SessionKiller.Linux.Utmp;

namespace SessionKiller.Linux;

/// <summary>Where this machine keeps what the backend reads, and how long it waits. Tests point it elsewhere.</summary>
internal sealed record LinuxSystem
{
    public string UtmpPath { get; init; } = UtmpFile.DefaultPath;

    public string ProcRoot { get; init; } = "/proc";

    public string DevRoot { get; init; } = "/dev";

    public string SysRoot { get; init; } = "/sys";

    /// <summary>The system bus address, or null when there is none (then logind is not asked).</summary>
    public Func<string?> SystemBusAddress { get; init; } = () => LogindClient.SystemBusAddress();

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public TerminationTimings Timings { get; init; } = TerminationTimings.Default;

    /// <summary>How long a log off through logind waits for the session's leader to go: within the CLI's default 10 s per call.</summary>
    public TimeSpan LogindLogOffWait { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Who the caller is, for the header of a message: user, host and terminal.</summary>
    public string SenderName { get; init; } = Environment.UserName;

    public string SenderHost { get; init; } = Environment.MachineName;

    public static LinuxSystem Default { get; } = new();
}
