using System.Diagnostics;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Elevation;

/// <summary>Starts a process and waits for it: the seam that keeps <see cref="CliElevation"/> testable.</summary>
internal interface IProcessLauncher
{
    /// <returns>The exit code.</returns>
    /// <exception cref="System.ComponentModel.Win32Exception">The process could not be started (1223: the user cancelled UAC).</exception>
    Task<int> RunAsync(ProcessStartInfo startInfo, CancellationToken cancellationToken);
}
