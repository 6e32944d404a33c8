using System.ComponentModel;
using System.Diagnostics;
using Community.PowerToys.Run.Plugin.SessionKiller.Properties;
using Community.PowerToys.Run.Plugin.SessionKiller.Results;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Cli;
using SessionKiller.Core.Elevation;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Elevation;

/// <summary>
/// Runs an action through the <c>sessionkiller.exe</c> that <see cref="HelperLocator"/> verified, started
/// with a UAC prompt. The helper re-verifies the session itself (<c>--expect-user</c>, <c>--expect-logon</c>)
/// and says how it ended through its exit code.
/// </summary>
internal sealed class CliElevation(IProcessLauncher launcher, HelperLocator helpers) : IElevation
{
    public const string HelperFileName = ElevatedHelper.FileName;

    /// <summary>ShellExecuteEx's answer when the user says No to the UAC prompt.</summary>
    private const int ErrorCancelled = 1223;

    public async Task<ElevatedResult> RunElevatedAsync(ActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Held open (unchangeable) until the helper has run.
        using var helper = helpers.Locate();
        if (helper.Path is not { } helperPath)
        {
            return new ElevatedResult(OutcomeKind.Failed, helper.Problem);
        }

        ProcessStartInfo startInfo;
        try
        {
            startInfo = StartInfo(helperPath, request);
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
    internal static ProcessStartInfo StartInfo(string helperPath, ActionRequest request)
    {
        var startInfo = new ProcessStartInfo(helperPath)
        {
            UseShellExecute = true,
            Verb = "runas",
            WindowStyle = ProcessWindowStyle.Hidden,
            WorkingDirectory = Path.GetDirectoryName(helperPath),
        };
        foreach (var argument in HelperCommandLine.For(request))
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }
}
