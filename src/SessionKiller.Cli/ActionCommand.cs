using SessionKiller.Core.Actions;
using SessionKiller.Core.Backend;
using SessionKiller.Core.HelperProtocol;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Text;

namespace SessionKiller.Cli;

/// <summary>
/// <c>logoff</c>, <c>disconnect</c>, <c>ask</c>, <c>message</c>: resolves the target to exactly one
/// session and hands the request to Core's runner, which re-reads, refuses, confirms, acts and audits.
/// With <c>--outcome-file</c> (the plugin's elevated helper) the exact outcome also goes to that file,
/// created before anything is done.
/// </summary>
internal sealed class ActionCommand(CliPorts ports, ISessionBackend backend)
{
    public async Task<int> RunAsync(ActionInvocation invocation, CancellationToken cancellationToken)
    {
        if (invocation.OutcomeFile is not { } outcomePath)
        {
            return (await RunToEndingAsync(invocation, cancellationToken).ConfigureAwait(false)).Code;
        }

        FileStream channel;
        try
        {
            channel = OutcomeFile.Create(outcomePath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return ports.Report(ExitCode.Failed, $"{exception.Message} Nothing was done.");
        }

        using (channel)
        {
            var ending = await RunToEndingAsync(invocation, cancellationToken).ConfigureAwait(false);
            try
            {
                OutcomeFile.Write(channel, new HelperOutcome(ending.Kind, ending.Sentence, Environment.ProcessId)
                {
                    Audited = ending.Audited,
                    AuditLogPath = ending.AuditLogPath,
                });
            }
            catch (IOException exception)
            {
                ports.Report(ExitCode.Failed, $"The outcome could not be written to {outcomePath}: {exception.Message}");
            }

            return ending.Code;
        }
    }

    private async Task<Ending> RunToEndingAsync(ActionInvocation invocation, CancellationToken cancellationToken)
    {
        var request = invocation.RequestWithoutResolving();
        if (request is null)
        {
            var read = await backend.EnumerateSessionsAsync(invocation.Server, cancellationToken).ConfigureAwait(false);
            if (read.Failure is { } failure)
            {
                return Report(ExitCodes.For(failure.Kind), OutcomeKinds.From(failure.Kind), $"{invocation.Server}: {failure}");
            }

            var matches = read.Value!.Where(invocation.Target.Matches).OrderBy(session => session.SessionId).ToList();
            switch (matches.Count)
            {
                case 0:
                    return Report(ExitCode.NoMatch, OutcomeKind.Gone, $"No session on {invocation.Server} matches '{invocation.Target.Text}'.");
                case > 1:
                    var ending = Report(ExitCode.SeveralMatches, OutcomeKind.Failed, $"{matches.Count} sessions on {invocation.Server} match '{invocation.Target.Text}'; nothing was done. Name one with #ID:");
                    SessionTable.Write(ports.Error, matches, ports.Time.LocalTimeZone, indent: "  ");
                    return ending;
            }

            request = invocation.RequestFor(matches[0]);
        }

        var prompt = ports.StdinIsInteractive ? ports.Prompt : new NoTerminalPrompt();
        var context = new RunnerContext(ports.Actor, ports.Settings) { Time = ports.Time, RunsElevated = ports.RunsElevated };
        var outcome = await new ActionRunner(backend, prompt, ports.AuditLog, context).RunAsync(request, cancellationToken).ConfigureAwait(false);
        return Report(outcome, prompt is NoTerminalPrompt { WasAsked: true });
    }

    private Ending Report(ExitCode code, OutcomeKind kind, string sentence) => new((int)ports.Report(code, sentence), kind, sentence);

    private Ending Report(ActionOutcome outcome, bool confirmationImpossible)
    {
        var code = ExitCodes.For(outcome.Kind);
        var ending = new Ending((int)code, outcome.Kind, outcome.Sentence, outcome.Audited, outcome.AuditLogPath);
        if (confirmationImpossible && outcome.Kind == OutcomeKind.Cancelled)
        {
            var sentence = $"Not confirmed: there is no terminal to ask on; pass {CliSyntax.YesOption} to go ahead. Nothing was done.";
            ports.Report(code, sentence);
            return ending with { Sentence = sentence };
        }

        if (code != ExitCode.Done)
        {
            ports.Report(code, outcome.Sentence);
            return ending;
        }

        ports.Out.WriteLine(DisplayText.OneLine(outcome.Sentence));
        if (!outcome.Audited)
        {
            ports.Report(code, "Warning: the audit line for this action could not be written.");
        }

        return ending;
    }

    /// <summary>How the command ended: for the exit code, and for the outcome file.</summary>
    private sealed record Ending(int Code, OutcomeKind Kind, string Sentence, bool Audited = true, string? AuditLogPath = null);

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
