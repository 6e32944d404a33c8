using System.CommandLine;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Backend;
using SessionKiller.Core.HelperProtocol;

namespace SessionKiller.Cli;

/// <summary>
/// The whole CLI behind <see cref="Program"/>: parses, runs one command, returns the exit code. Nothing
/// escapes it: a usage error is one line and exit code 1, anything unexpected one line and exit code 9.
/// </summary>
internal sealed class CliApp(CliPorts ports)
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
            return ports.Report(ExitCodes.For(OutcomeKind.Cancelled), "Interrupted before the command finished.");
        }
        catch (Exception exception)
        {
            return ports.Report(ExitCode.Failed, $"Unexpected failure ({exception.GetType().Name}): {exception.Message}");
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
            return ports.Report(ExitCode.UsageError, $"{parse.Errors[0].Message} See '{help}'.");
        }

        if (commandLine.HelpInsideAValue(parse, args) is { } notHelp)
        {
            return ports.Report(ExitCode.UsageError, $"'{notHelp}' asks for help with a value: help takes none, and nothing was done. See '{help}'.");
        }

        if (parse.Action is not null && parse.Action == commandLine.Root.Action)
        {
            return ports.Report(ExitCode.UsageError, $"{CliCommandLine.NoCommand} See '{help}'.");
        }

        // Help and version: the only actions System.CommandLine runs itself.
        if (parse.Action is not null)
        {
            var configuration = new InvocationConfiguration
            {
                Output = ports.Out,
                Error = ports.Error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            };
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }

        if (parse.CommandResult.Command == commandLine.InstallHelper)
        {
            return new InstallHelperCommand(ports).Run();
        }

        if (ports.Backend is not { } platformBackend)
        {
            await ports.Error.WriteLineAsync(SessionBackendFactory.UnsupportedSystem).ConfigureAwait(false);
            return (int)ExitCode.NotSupported;
        }

        // Only `list --client` shows clients; every other read costs one call per session (see the factory).
        var listing = parse.CommandResult.Command == commandLine.List ? commandLine.ReadList(parse) : null;
        var sessions = listing?.Client == true ? platformBackend : SessionBackendFactory.WithoutClientDetails(platformBackend);

        // A server that hangs holds the command no longer than the per-server timeout.
        var backend = new TimeBoundBackend(sessions, ports.Settings.ServerTimeout, ports.Time);

        return listing is not null
            ? await new ListCommand(ports, backend).RunAsync(listing, cancellationToken).ConfigureAwait(false)
            : commandLine.IsBulk(parse)
            ? await new BulkCommand(ports, backend).RunAsync(commandLine.ReadBulk(parse), cancellationToken).ConfigureAwait(false)
            : await new ActionCommand(ports, backend).RunAsync(commandLine.ReadAction(parse), cancellationToken).ConfigureAwait(false);
    }
}
