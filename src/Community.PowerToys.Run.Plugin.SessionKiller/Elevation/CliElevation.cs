using System.ComponentModel;
using System.Diagnostics;
using Community.PowerToys.Run.Plugin.SessionKiller.Properties;
using Community.PowerToys.Run.Plugin.SessionKiller.Results;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Elevation;
using SessionKiller.Core.HelperProtocol;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Elevation;

/// <summary>
/// Runs an action through the <c>sessionkiller.exe</c> that <see cref="HelperLocator"/> verified, started
/// with a UAC prompt. The helper re-verifies the session itself (<c>--expect-user</c>, <c>--expect-logon</c>)
/// and hands back its exact outcome through a new file in the user's temp folder (<see cref="OutcomeFile"/>);
/// only that file, written by the process started here, makes the run count: its exit code alone never does.
/// </summary>
/// <param name="outcomeFolder">Where the helper's outcome file is created; null for the user's temp folder.</param>
internal sealed class CliElevation(IProcessLauncher launcher, HelperLocator helpers, string? outcomeFolder = null) : IElevation
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

        var outcomePath = OutcomeFile.NewPath(outcomeFolder ?? Path.GetTempPath());
        ProcessStartInfo startInfo;
        try
        {
            startInfo = StartInfo(helperPath, request, outcomePath);
        }
        catch (ArgumentException exception)
        {
            // The request cannot be written as a command line (a value the CLI refuses): nothing was started.
            return new ElevatedResult(OutcomeKind.Failed, exception.Message);
        }

        try
        {
            var exit = await launcher.RunAsync(startInfo, cancellationToken).ConfigureAwait(false);
            return ReadOutcome(outcomePath, exit);
        }
        catch (Win32Exception exception) when (exception.NativeErrorCode == ErrorCancelled)
        {
            return new ElevatedResult(OutcomeKind.Cancelled);
        }
        catch (Win32Exception exception)
        {
            return new ElevatedResult(OutcomeKind.Failed, Words.Format(Resources.Elevation_StartFailed, exception.Message));
        }
        finally
        {
            TryDelete(outcomePath);
        }
    }

    private static ElevatedResult ReadOutcome(string outcomePath, ProcessExit exit)
    {
        if (OutcomeFile.TryRead(outcomePath, exit.ProcessId, out var problem) is not { } outcome)
        {
            return new ElevatedResult(OutcomeKind.Failed, Words.Format(Resources.Elevation_NoOutcome, exit.ExitCode, problem));
        }

        return new ElevatedResult(outcome.Kind, outcome.Sentence)
        {
            HelperReported = true,
            HelperAudited = outcome.Audited,
            AuditLogPath = outcome.AuditLogPath,
        };
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A file left in the temp folder harms nothing: its name is never used again.
        }
    }

    /// <summary>The helper by its full path (never a PATH lookup, never a shell command line), elevated.</summary>
    internal static ProcessStartInfo StartInfo(string helperPath, ActionRequest request, string outcomePath)
    {
        var startInfo = new ProcessStartInfo(helperPath)
        {
            UseShellExecute = true,
            Verb = "runas",
            WindowStyle = ProcessWindowStyle.Hidden,
            WorkingDirectory = Path.GetDirectoryName(helperPath),
        };
        foreach (var argument in HelperCommandLine.For(request, outcomeFile: outcomePath))
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }
}
