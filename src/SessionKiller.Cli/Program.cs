using SessionKiller.Core.Audit;
using SessionKiller.Core.HelperProtocol;

namespace SessionKiller.Cli;

/// <summary>Wires the real console, backend and audit log to <see cref="CliApp"/>.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        using var interrupt = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // The first Ctrl+C ends the command cleanly; a second one ends the process.
            e.Cancel = !interrupt.IsCancellationRequested;
            interrupt.Cancel();
        };

        try
        {
            var ports = new CliPorts(
                SessionBackendFactory.Create(),
                new TerminalPrompt(Console.In, Console.Error),
                AuditLogLocation.OpenDefault(),
                Console.Out,
                Console.Error)
            {
                StdinIsInteractive = !Console.IsInputRedirected,
                Actor = $"{Environment.UserDomainName}\\{Environment.UserName}",
                RunsElevated = Environment.IsPrivilegedProcess,
            };
            return await new CliApp(ports).RunAsync(args, interrupt.Token).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            await Console.Error.WriteLineAsync($"{CliOutput.Prefix}Could not start ({exception.GetType().Name}): {exception.Message}").ConfigureAwait(false);
            return (int)ExitCode.Failed;
        }
    }
}
