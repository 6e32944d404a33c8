using SessionKiller.Core.Actions;
using SessionKiller.Core.Backend;
using SessionKiller.Core.HelperProtocol;
using SessionKiller.Core.Sessions;

namespace SessionKiller.Cli;

/// <summary>
/// <c>logoff</c>, <c>disconnect</c>, <c>ask</c>, <c>message</c>: resolves the target to exactly one
/// session and hands the request to Core's runner, which re-reads, refuses, confirms, acts and audits.
/// </summary>
internal sealed class ActionCommand(CliPorts ports, ISessionBackend backend)
{
    public async Task<int> RunAsync(ActionInvocation invocation, CancellationToken cancellationToken)
    {
        var request = invocation.RequestWithoutResolving();
        if (request is null)
        {
            var read = await backend.EnumerateSessionsAsync(invocation.Server, cancellationToken).ConfigureAwait(false);
            if (read.Failure is { } failure)
            {
                return ports.Report(ExitCodes.For(failure.Kind), $"{invocation.Server}: {failure}");
            }

            var matches = read.Value!.Where(invocation.Target.Matches).OrderBy(session => session.SessionId).ToList();
            switch (matches.Count)
            {
                case 0:
                    return ports.Report(ExitCode.NoMatch, $"No session on {invocation.Server} matches '{invocation.Target.Text}'.");
                case > 1:
                    ports.Report(ExitCode.SeveralMatches, $"{matches.Count} sessions on {invocation.Server} match '{invocation.Target.Text}'; nothing was done. Name one with #ID:");
                    SessionTable.Write(ports.Error, matches, ports.Time.LocalTimeZone, indent: "  ");
                    return (int)ExitCode.SeveralMatches;
            }

            request = invocation.RequestFor(matches[0]);
        }

        var prompt = ports.StdinIsInteractive ? ports.Prompt : new NoTerminalPrompt();
        var runner = new ActionRunner(backend, prompt, ports.AuditLog, new RunnerContext(ports.Actor, ports.Settings) { Time = ports.Time });
        var outcome = await runner.RunAsync(request, cancellationToken).ConfigureAwait(false);
        return Report(outcome, prompt is NoTerminalPrompt { WasAsked: true });
    }

    private int Report(ActionOutcome outcome, bool confirmationImpossible)
    {
        var code = ExitCodes.For(outcome.Kind);
        if (confirmationImpossible && outcome.Kind == OutcomeKind.Cancelled)
        {
            return ports.Report(code, $"Not confirmed: there is no terminal to ask on; pass {CliSyntax.YesOption} to go ahead. Nothing was done.");
        }

        if (code != ExitCode.Done)
        {
            return ports.Report(code, outcome.Sentence);
        }

        ports.Out.WriteLine(TerminalText.OneLine(outcome.Sentence));
        if (!outcome.Audited)
        {
            ports.Report(code, "Warning: the audit line for this action could not be written.");
        }

        return (int)code;
    }

    /// <summary>Standard input is a pipe or a file: nobody can answer, so the answer is no.</summary>
    private sealed class NoTerminalPrompt : IConfirmationPrompt
    {
        public bool WasAsked { get; private set; }

        public Task<bool> ConfirmAsync(Confirmation confirmation, CancellationToken cancellationToken)
        {
            WasAsked = true;
            return Task.FromResult(false);
        }
    }
}
