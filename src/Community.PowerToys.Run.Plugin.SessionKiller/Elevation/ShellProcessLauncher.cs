using System.Diagnostics;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Elevation;

internal sealed class ShellProcessLauncher : IProcessLauncher
{
    public async Task<ProcessExit> RunAsync(ProcessStartInfo startInfo, CancellationToken cancellationToken)
    {
        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"{startInfo.FileName} did not start.");
        var processId = process.Id;
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return new ProcessExit(process.ExitCode, processId);
    }
}
