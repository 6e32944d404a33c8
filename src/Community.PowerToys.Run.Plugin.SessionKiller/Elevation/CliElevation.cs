using System.ComponentModel;
using System.Diagnostics;
using Community.PowerToys.Run.Plugin.SessionKiller.Properties;
using Community.PowerToys.Run.Plugin.SessionKiller.Results;
using SessionKiller.Core.Actions;
using SessionKiller.Core.HelperProtocol;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Elevation;

/// <summary>
/// Runs an action through the bundled <c>sessionkiller.exe</c>, started with a UAC prompt. The helper
/// re-verifies the session itself (<c>--expect-user</c>, <c>--expect-logon</c>) and says how it ended
/// through its exit code.
/// </summary>
internal sealed class CliElevation(IProcessLauncher launcher, string helperPath) : IElevation
{
    public const string HelperFileName = "sessionkiller.exe";

    /// <summary>ShellExecuteEx's answer when the user says No to the UAC prompt.</summary>
    private const int ErrorCancelled = 1223;

    public string HelperPath { get; } = helperPath;

    public async Task<ElevatedResult> RunElevatedAsync(ActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Path.IsPathFullyQualified(HelperPath) || !File.Exists(HelperPath))
        {
            return new ElevatedResult(OutcomeKind.Failed, Words.Format(Resources.Elevation_HelperMissing, HelperPath));
        }

        ProcessStartInfo startInfo;
        try
        {
            startInfo = StartInfo(request);
        }
        catch (ArgumentException exception)
        {
            // The request cannot be written as a command line (a value the CLI refuses): nothing was started.
            return new ElevatedResult(OutcomeKind.Failed, exception.Message);
        }

        try
        {
            var exitCode = await launcher.RunAsync(startInfo, cancellationToken).ConfigureAwait(false);
            return new ElevatedResult(ExitCodes.ToOutcome(exitCode));
        }
        catch (Win32Exception exception) when (exception.NativeErrorCode == ErrorCancelled)
        {
            return new ElevatedResult(OutcomeKind.Cancelled);
        }
        catch (Win32Exception exception)
        {
            return new ElevatedResult(OutcomeKind.Failed, Words.Format(Resources.Elevation_StartFailed, exception.Message));
        }
    }

    /// <summary>The helper by its full path (never a PATH lookup, never a shell command line), elevated.</summary>
    internal ProcessStartInfo StartInfo(ActionRequest request)
    {
        var startInfo = new ProcessStartInfo(HelperPath)
        {
            UseShellExecute = true,
            Verb = "runas",
            WindowStyle = ProcessWindowStyle.Hidden,
            WorkingDirectory = Path.GetDirectoryName(HelperPath),
        };
        foreach (var argument in HelperCommandLine.For(request))
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }
}
