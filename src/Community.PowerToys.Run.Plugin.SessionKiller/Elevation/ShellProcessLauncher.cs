using System.Diagnostics;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Elevation;

internal sealed class ShellProcessLauncher : IProcessLauncher
{
    public async Task<int> RunAsync(ProcessStartInfo startInfo, CancellationToken cancellationToken)
    {
        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"{startInfo.FileName} did not start.");
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return process.ExitCode;
    }
}
