using System.CommandLine;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Cli;

namespace SessionKiller.Cli;

/// <summary>
/// The whole CLI behind <see cref="Program"/>: parses, runs one command, returns the exit code. Nothing
/// escapes it: a usage error is one line and exit code 1, anything unexpected one line and exit code 9.
/// </summary>
internal sealed class CliApp(CliHost host)
{
    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        try
        {
            return await RunCommandAsync(args, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: cancelled, as the runner reports an action interrupted while it runs.
            return host.Report(ExitCodes.For(OutcomeKind.Cancelled), "Interrupted before the command finished.");
        }
        catch (Exception exception)
        {
            return host.Report(ExitCode.Failed, $"Unexpected failure ({exception.GetType().Name}): {exception.Message}");
        }
    }

    private async Task<int> RunCommandAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var commandLine = new CliCommandLine();
        var parse = commandLine.Parse(args);
        var command = parse.CommandResult.Command;
        var help = command == commandLine.Root ? "sessionkiller --help" : $"sessionkiller {command.Name} --help";
        if (parse.Errors.Count > 0)
        {
            return host.Report(ExitCode.UsageError, $"{parse.Errors[0].Message} See '{help}'.");
        }

        if (parse.Action is not null && parse.Action == commandLine.Root.Action)
        {
            return host.Report(ExitCode.UsageError, $"{CliCommandLine.NoCommand} See '{help}'.");
        }

        // Help and version: the only actions System.CommandLine runs itself.
        if (parse.Action is not null)
        {
            var configuration = new InvocationConfiguration
            {
                Output = host.Out,
                Error = host.Error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            };
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }

        if (host.Backend is not { } platformBackend)
        {
            await host.Error.WriteLineAsync(SessionBackendFactory.UnsupportedSystem).ConfigureAwait(false);
            return (int)ExitCode.NotSupported;
        }

        // A server that hangs holds the command no longer than the per-server timeout.
        var backend = new TimeBoundBackend(platformBackend, host.Settings.ServerTimeout, host.Time);

        return parse.CommandResult.Command == commandLine.List
            ? await new ListCommand(host, backend).RunAsync(commandLine.ReadList(parse), cancellationToken).ConfigureAwait(false)
            : commandLine.IsBulk(parse)
            ? await new BulkCommand(host, backend).RunAsync(commandLine.ReadBulk(parse), cancellationToken).ConfigureAwait(false)
            : await new ActionCommand(host, backend).RunAsync(commandLine.ReadAction(parse), cancellationToken).ConfigureAwait(false);
    }
}
