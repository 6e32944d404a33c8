using SessionKiller.Core.Actions;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Cli;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Text;

namespace SessionKiller.Cli;

/// <summary>
/// <c>logoff</c>, <c>disconnect</c>, <c>ask</c>, <c>message</c>: resolves the target to exactly one
/// session and hands the request to Core's runner, which re-reads, refuses, confirms, acts and audits.
/// </summary>
internal sealed class ActionCommand(CliHost host, ISessionBackend backend)
{
    public async Task<int> RunAsync(ActionInvocation invocation, CancellationToken cancellationToken)
    {
        var request = invocation.RequestWithoutResolving();
        if (request is null)
        {
            var read = await backend.EnumerateSessionsAsync(invocation.Server, cancellationToken).ConfigureAwait(false);
            if (read.Failure is { } failure)
            {
                return host.Report(ExitCodes.For(failure.Kind), $"{invocation.Server}: {failure}");
            }

            var matches = read.Value!.Where(invocation.Target.Matches).OrderBy(session => session.SessionId).ToList();
            switch (matches.Count)
            {
                case 0:
                    return host.Report(ExitCode.NoMatch, $"No session on {invocation.Server} matches '{invocation.Target.Text}'.");
                case > 1:
                    host.Report(ExitCode.SeveralMatches, $"{matches.Count} sessions on {invocation.Server} match '{invocation.Target.Text}'; nothing was done. Name one with #ID:");
                    SessionTable.Write(host.Error, matches, host.Time.LocalTimeZone, indent: "  ");
                    return (int)ExitCode.SeveralMatches;
            }

            request = invocation.RequestFor(matches[0]);
        }

        var prompt = host.StdinIsInteractive ? host.Prompt : new NoTerminalPrompt();
        var runner = new ActionRunner(backend, prompt, host.AuditLog, new RunnerContext(host.Actor, host.Settings) { Time = host.Time });
        var outcome = await runner.RunAsync(request, cancellationToken).ConfigureAwait(false);
        return Report(outcome, prompt is NoTerminalPrompt { WasAsked: true });
    }

    private int Report(ActionOutcome outcome, bool confirmationImpossible)
    {
        var code = ExitCodes.For(outcome.Kind);
        if (confirmationImpossible && outcome.Kind == OutcomeKind.Cancelled)
        {
            return host.Report(code, $"Not confirmed: there is no terminal to ask on; pass {CliSyntax.YesOption} to go ahead. Nothing was done.");
        }

        if (code != ExitCode.Done)
        {
            return host.Report(code, outcome.Sentence);
        }

        host.Out.WriteLine(DisplayText.OneLine(outcome.Sentence));
        if (!outcome.Audited)
        {
            host.Report(code, "Warning: the audit line for this action could not be written.");
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
