using System.Diagnostics;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Elevation;

/// <summary>Starts a process and waits for it: the seam that keeps <see cref="CliElevation"/> testable.</summary>
internal interface IProcessLauncher
{
    /// <returns>The exit code, and the id of the process that ended.</returns>
    /// <exception cref="System.ComponentModel.Win32Exception">The process could not be started (1223: the user cancelled UAC).</exception>
    Task<ProcessExit> RunAsync(ProcessStartInfo startInfo, CancellationToken cancellationToken);
}

/// <summary>How a started process ended; its id tells the plugin whose outcome file to believe.</summary>
internal readonly record struct ProcessExit(int ExitCode, int ProcessId);
