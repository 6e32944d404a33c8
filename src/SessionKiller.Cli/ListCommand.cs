using SessionKiller.Core.Backend;
using SessionKiller.Core.Bulk;
using SessionKiller.Core.HelperProtocol;
using SessionKiller.Core.Sessions;

namespace SessionKiller.Cli;

/// <summary>
/// <c>list</c>: reads every server named at once. A server that fails is reported on stderr and the
/// others are still listed; the exit code is that of the first failing server only when no server answered.
/// </summary>
internal sealed class ListCommand(CliPorts ports, ISessionBackend backend)
{
    public async Task<int> RunAsync(ListInvocation invocation, CancellationToken cancellationToken)
    {
        var servers = invocation.Servers.Count == 0
            ? [ServerNames.Normalize(invocation.Where?.Server)]
            : invocation.Servers.Select(ServerNames.Normalize).Distinct(ServerNames.Comparer).ToArray();
        var reads = await Task.WhenAll(servers.Select(server => ServerReads.ReadAsync(backend, server, cancellationToken))).ConfigureAwait(false);

        var sessions = new List<SessionInfo>();
        ExitCode? firstFailure = null;
        for (var i = 0; i < servers.Length; i++)
        {
            if (reads[i].Failure is { } failure)
            {
                var code = ExitCodes.For(failure.Kind);
                ports.Report(code, $"{servers[i]}: {failure}");
                firstFailure ??= code;
                continue;
            }

            var listed = reads[i].Value!.Where(session => invocation.All || !session.IsSystemSession).OrderBy(session => session.SessionId).ToArray();
            sessions.AddRange(invocation.Where is { } where ? BulkSelection.Matching(where, listed, includeSystemSessions: invocation.All) : listed);
        }

        var anyServerAnswered = reads.Any(read => read.IsSuccess);
        if (invocation.Json)
        {
            SessionJson.Write(ports.Out, sessions, invocation.Client);
        }
        else if (anyServerAnswered)
        {
            SessionTable.Write(ports.Out, sessions, ports.Time.LocalTimeZone, withClient: invocation.Client);
        }

        return anyServerAnswered ? (int)ExitCode.Done : (int)firstFailure!.Value;
    }
}
