using System.Globalization;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Bulk;
using SessionKiller.Core.HelperProtocol;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Text;

namespace SessionKiller.Cli;

/// <summary>
/// <c>logoff|disconnect|ask|message --where QUERY</c>: reads the servers, takes every session the query
/// names (never your own, the console, session 0 or listeners), refuses a set larger than <c>--max</c>,
/// confirms once, and hands the set to Core's bulk runner, which re-verifies each session on its own.
/// </summary>
internal sealed class BulkCommand(CliPorts host, ISessionBackend backend)
{
    public async Task<int> RunAsync(BulkInvocation invocation, CancellationToken cancellationToken)
    {
        var servers = invocation.ServersToRead;
        var reads = await Task.WhenAll(servers.Select(server => ServerReads.ReadAsync(backend, server, cancellationToken))).ConfigureAwait(false);
        var listed = new List<SessionInfo>();
        ExitCode? readFailure = null;
        for (var i = 0; i < servers.Count; i++)
        {
            if (reads[i].Failure is { } failure)
            {
                readFailure ??= ExitCodes.For(failure.Kind);
                host.Report(ExitCodes.For(failure.Kind), $"{servers[i]}: {failure} Its sessions were not acted on.");
                continue;
            }

            listed.AddRange(reads[i].Value!.OrderBy(session => session.SessionId));
        }

        var sessions = BulkSelection.Matching(invocation.Where, listed).Where(BulkSelection.IsActionable).ToArray();
        if (sessions.Length == 0)
        {
            return readFailure is { } code
                ? (int)code
                : host.Report(ExitCode.NoMatch, $"No session on {string.Join(", ", servers)} matches '{invocation.WhereText}'; nothing was done.");
        }

        if (sessions.Length > invocation.Max)
        {
            host.Report(
                ExitCode.SeveralMatches,
                string.Create(CultureInfo.InvariantCulture, $"{sessions.Length} sessions match '{invocation.WhereText}', more than {BulkSyntax.MaxOption} {invocation.Max}; nothing was done. Raise {BulkSyntax.MaxOption} to act on all of them:"));
            SessionTable.Write(host.Error, sessions, host.Time.LocalTimeZone, indent: "  ");
            return (int)ExitCode.SeveralMatches;
        }

        if (!invocation.Confirmed && !await ConfirmAsync(invocation, sessions, cancellationToken).ConfigureAwait(false))
        {
            return host.Report(
                ExitCode.Declined,
                host.StdinIsInteractive
                    ? "Not confirmed: nothing was done."
                    : $"Not confirmed: there is no terminal to ask on; pass {CliSyntax.YesOption} to go ahead. Nothing was done.");
        }

        var bulk = new BulkRequest(invocation.Action, [.. sessions.Select(invocation.RequestFor)]);
        var context = new RunnerContext(host.Actor, host.Settings) { Time = host.Time };
        var summary = await new BulkRunner(backend, host.AuditLog, context).RunAsync(bulk, cancellationToken).ConfigureAwait(false);
        return Report(summary, invocation.Json, readFailure);
    }

    private async Task<bool> ConfirmAsync(BulkInvocation invocation, SessionInfo[] sessions, CancellationToken cancellationToken)
    {
        if (!host.StdinIsInteractive)
        {
            return false;
        }

        SessionTable.Write(host.Error, sessions, host.Time.LocalTimeZone, indent: "  ");
        var confirmation = await BulkConfirmation.BuildAsync(backend, invocation.Action, sessions, host.Settings.ServerTimeout, cancellationToken).ConfigureAwait(false);
        return await host.Prompt.ConfirmAsync(confirmation, cancellationToken).ConfigureAwait(false);
    }

    private int Report(BulkSummary summary, bool json, ExitCode? readFailure)
    {
        foreach (var outcome in summary.Outcomes)
        {
            host.Out.WriteLine(json ? BulkJson.Line(summary.BulkId, outcome) : DisplayText.OneLine(outcome.Sentence));
        }

        if (summary.Outcomes.Any(outcome => !outcome.Audited))
        {
            host.Report(ExitCode.Failed, "Warning: some audit lines of this run could not be written.");
        }

        var sentence = $"{summary.Sentence} (bulk {summary.BulkId})";
        if (summary.FirstNotDone is { } notDone)
        {
            return host.Report(ExitCodes.For(notDone.Kind), sentence);
        }

        if (readFailure is { } code)
        {
            return host.Report(code, sentence + " Some servers could not be read.");
        }

        if (!json)
        {
            host.Out.WriteLine(sentence);
        }

        return (int)ExitCode.Done;
    }
}
