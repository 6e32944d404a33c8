using Community.PowerToys.Run.Plugin.SessionKiller.Properties;
using Community.PowerToys.Run.Plugin.SessionKiller.Settings;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Sessions;
using static Community.PowerToys.Run.Plugin.SessionKiller.PluginWall;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Actions;

/// <summary>
/// Starts an action from a result or a context menu (on PowerToys Run's UI thread) through Core's runner,
/// and ends it with a notification and a fresh read of the server it touched.
/// </summary>
internal sealed class ActionLauncher(
    PluginServices services,
    Func<PluginSettings> settings,
    Func<string, Task> refreshServer,
    Action<ActionOutcome> report)
{
    /// <summary>How long the UI thread waits for the runner to reach its confirmation.</summary>
    internal static readonly TimeSpan ForegroundLimit = TimeSpan.FromSeconds(5);

    /// <returns>Whether PowerToys Run hides: it stays open only when the person said No.</returns>
    public bool Launch(SessionAction action, SessionInfo session) => Launch(action, session, out _);

    /// <param name="finished">Completes when the outcome was reported and the server read again.</param>
    internal bool Launch(SessionAction action, SessionInfo session, out Task finished)
    {
        var current = settings();
        var handoff = new ForegroundHandoff(services.Prompt);
        var elevated = RunsElevated(services);
        var context = new RunnerContext(services.Actor, current.Core)
        {
            Time = services.Time,
            Elevation = elevated ? null : services.Elevation,
            RunsElevated = elevated,
        };
        // A server that hangs costs an action at most the per-server timeout, as it costs the catalog. An
        // action that ends after that may have taken effect: the catalog then reads its server again.
        var backend = new TimeBoundBackend(services.Backend, current.Core.ServerTimeout, services.Time)
        {
            ActionEndedLate = server => _ = RefreshQuietlyAsync(server),
        };
        var runner = new ActionRunner(new ActingBackend(backend, handoff), handoff, services.AuditLog, context);
        var request = Request(action, session, current, services.Actor);
        var run = Task.Run(() => runner.RunAsync(request));

        var declined = handoff.Attend(run, ForegroundLimit);
        finished = FinishAsync(run, session.ServerName, reportOutcome: !declined);
        return !declined;
    }

    internal static ActionRequest Request(SessionAction action, SessionInfo session, PluginSettings settings, string actor) =>
        ActionRequests.For(action, session, settings, actor);

    internal static bool RunsElevated(PluginServices services)
    {
        try
        {
            return services.IsElevated();
        }
        catch (Exception exception)
        {
            // Not knowing means asking UAC when the backend is denied: the helper then decides.
            Wall.Report(exception, nameof(RunsElevated));
            return false;
        }
    }

    private Task RefreshQuietlyAsync(string serverName) => RefreshQuietlyAsync(refreshServer, serverName);

    /// <summary>Reads a server again after an action; a failure is logged, never thrown into Run.</summary>
    internal static async Task RefreshQuietlyAsync(Func<string, Task> refreshServer, string serverName)
    {
        try
        {
            await refreshServer(serverName).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Wall.Report(exception, nameof(RefreshQuietlyAsync));
        }
    }

    private async Task FinishAsync(Task<ActionOutcome> run, string serverName, bool reportOutcome)
    {
        try
        {
            var outcome = await run.ConfigureAwait(false);
            if (reportOutcome)
            {
                report(outcome);
            }
        }
        catch (Exception exception)
        {
            Wall.Report(exception, nameof(FinishAsync));
        }

        await RefreshQuietlyAsync(serverName).ConfigureAwait(false);
    }
}
