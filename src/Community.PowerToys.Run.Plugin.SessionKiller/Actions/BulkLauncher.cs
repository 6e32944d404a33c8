using Community.PowerToys.Run.Plugin.SessionKiller.Settings;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Bulk;
using SessionKiller.Core.Sessions;
using static Community.PowerToys.Run.Plugin.SessionKiller.PluginWall;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Actions;

/// <summary>
/// Starts a bulk action from the bulk item (on PowerToys Run's UI thread): one confirmation naming the
/// count, every user and the open applications; then Core's bulk runner in the background, one
/// notification with the counts, and a fresh read of every server it touched.
/// </summary>
internal sealed class BulkLauncher(
    PluginServices services,
    Func<PluginSettings> settings,
    Func<string, Task> refreshServer,
    Action<BulkSummary> report)
{
    /// <summary>How long the UI thread waits for the open applications before confirming without them.</summary>
    internal static readonly TimeSpan ApplicationsLimit = TimeSpan.FromSeconds(3);

    /// <returns>Whether PowerToys Run hides: it stays open only when the person said No.</returns>
    public bool Launch(SessionAction action, BulkSelection selection) => Launch(action, selection, out _);

    /// <param name="finished">Completes when the summary was reported and the servers read again.</param>
    internal bool Launch(SessionAction action, BulkSelection selection, out Task finished)
    {
        finished = Task.CompletedTask;
        var current = settings();
        var backend = new TimeBoundBackend(services.Backend, current.Core.ServerTimeout, services.Time);

        // A bulk action is always confirmed, whatever "confirm before logoff" says: one Enter must not sign out a room.
        var confirmation = BulkConfirmation.BuildAsync(backend, action, selection.Sessions, ApplicationsLimit, CancellationToken.None).GetAwaiter().GetResult();
        if (!services.Prompt.ConfirmAsync(confirmation, CancellationToken.None).GetAwaiter().GetResult())
        {
            return false;
        }

        var requests = selection.Sessions.Select(session => ActionRequests.For(action, session, current, services.Actor)).ToArray();
        var elevated = ActionLauncher.RunsElevated(services);

        // As for one session: each audit line says whether the process that acted runs elevated.
        var context = new RunnerContext(services.Actor, current.Core) { Time = services.Time, RunsElevated = elevated };
        var elevation = elevated ? null : services.Elevation as IBulkElevation;
        var runner = new BulkRunner(backend, services.AuditLog, context, elevation);
        finished = Task.Run(() => RunAsync(runner, new BulkRequest(action, requests), selection.Servers));
        return true;
    }

    private async Task RunAsync(BulkRunner runner, BulkRequest bulk, IReadOnlyList<string> servers)
    {
        try
        {
            report(await runner.RunAsync(bulk).ConfigureAwait(false));
        }
        catch (Exception exception)
        {
            Wall.Report(exception, nameof(RunAsync));
        }

        foreach (var server in servers.Select(ServerNames.Normalize).Distinct(ServerNames.Comparer))
        {
            await ActionLauncher.RefreshQuietlyAsync(refreshServer, server).ConfigureAwait(false);
        }
    }
}
