using SessionKiller.Core.Actions;
using SessionKiller.Core.Audit;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Settings;

namespace SessionKiller.Cli;

/// <summary>Everything the CLI touches outside itself, so tests can run the whole of it in-process.</summary>
/// <param name="Backend">The sessions port; null on a system the CLI does not support yet.</param>
internal sealed record CliPorts(
    ISessionBackend? Backend,
    IConfirmationPrompt Prompt,
    IAuditLog AuditLog,
    TextWriter Out,
    TextWriter Error)
{
    /// <summary>Whether a person can answer a y/N question on standard input.</summary>
    public bool StdinIsInteractive { get; init; }

    /// <summary><c>DOMAIN\user</c> of the person running the command, for the audit log.</summary>
    public string Actor { get; init; } = "";

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Whether this process runs elevated (administrator on Windows, root on Linux), as its audit lines say.</summary>
    public bool RunsElevated { get; init; }

    public SessionKillerSettings Settings { get; init; } = SessionKillerSettings.Default;

    /// <summary>Where <c>install-helper</c> copies from and to.</summary>
    public HelperInstallPlaces HelperInstall { get; init; } = HelperInstallPlaces.ThisComputer();
}
