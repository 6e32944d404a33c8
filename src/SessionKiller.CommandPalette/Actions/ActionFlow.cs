using Community.PowerToys.Run.Plugin.SessionKiller.Actions;
using Community.PowerToys.Run.Plugin.SessionKiller.Prompt;
using Community.PowerToys.Run.Plugin.SessionKiller.Results;
using Community.PowerToys.Run.Plugin.SessionKiller.Settings;
using Microsoft.CommandPalette.Extensions;
using Microsoft.CommandPalette.Extensions.Toolkit;
using SessionKiller.CommandPalette.Commands;
using SessionKiller.CommandPalette.Properties;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Sessions;
using static SessionKiller.CommandPalette.ExtensionWall;

namespace SessionKiller.CommandPalette.Actions;

/// <summary>
/// Runs an action from an item's command through Core's runner (re-verify, refuse, confirm, act or
/// elevate, audit) and turns the run into what CmdPal shows: a Confirm dialog whose primary command acts,
/// then a toast with the outcome. A run that outlasts a keystroke's patience (ask first waits for the
/// user's answer) goes on in the background behind a status message and ends in a toast.
/// </summary>
internal sealed class ActionFlow(ExtensionServices services, Func<PluginSettings> settings, Func<string, Task> refreshServer)
{
    /// <summary>How long a command waits for the runner to ask its question or finish.</summary>
    internal static readonly TimeSpan AttendLimit = TimeSpan.FromSeconds(5);

    /// <summary>How long the primary command waits for the outcome before it reports it later, in a toast.</summary>
    internal static readonly TimeSpan OutcomeLimit = TimeSpan.FromSeconds(5);

    /// <summary>A confirmation CmdPal never answered (the dialog was cancelled) counts as No after this.</summary>
    internal static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromMinutes(2);

    public ICommandResult Start(SessionAction action, SessionInfo session)
    {
        var current = settings();
        var bridge = new ConfirmationBridge();
        var context = new RunnerContext(services.Actor, current.Core)
        {
            Time = services.Time,
            Elevation = RunsElevated() ? null : services.Elevation,
        };

        // A server that hangs costs an action at most the per-server timeout, as it costs the catalog.
        var backend = new TimeBoundBackend(services.Backend, current.Core.ServerTimeout, services.Time);
        var runner = new ActionRunner(backend, bridge, services.AuditLog, context);
        var request = ActionRequests.For(action, session, current, services.Actor);
        var run = Task.Run(() => runner.RunAsync(request));
        _ = run.ContinueWith(_ => RefreshAsync(session.ServerName), TaskScheduler.Default).Unwrap();

        // Ask first waits for the user's answer: it never holds CmdPal, unless it must confirm first.
        Task.WaitAny([run, bridge.Asked], action == SessionAction.AskFirst && !NeedsAnswerFirst(current) ? TimeSpan.Zero : AttendLimit);
        if (bridge.Asked.IsCompletedSuccessfully)
        {
            bridge.ExpireAfter(ConfirmationLifetime, services.Time);
            return Confirm(bridge.Asked.Result, bridge, run, session);
        }

        return Conclude(run, action, session, action == SessionAction.AskFirst ? TimeSpan.Zero : OutcomeLimit);
    }

    private static bool NeedsAnswerFirst(PluginSettings settings) =>
        settings.Core.ConfirmBeforeLogoff && settings.Core.OnNoAnswer == SessionKiller.Core.Settings.TimeoutPolicy.LogOff;

    /// <summary>The runner's question as CmdPal's dialog: critical, naming the user and the open applications.</summary>
    private static CommandResult Confirm(Confirmation confirmation, ConfirmationBridge bridge, Task<ActionOutcome> run, SessionInfo session)
    {
        var (title, text) = ConfirmationLayout.For(confirmation);
        var primary = new FlowCommand(ActionName(confirmation.Action), () =>
        {
            // Answered twice (or too late): the run already has its answer; report what it does.
            bridge.Answer(true);
            return Conclude(run, confirmation.Action, session, confirmation.Action == SessionAction.AskFirst ? TimeSpan.Zero : OutcomeLimit);
        });
        return CommandResult.Confirm(new ConfirmationArgs
        {
            Title = title,
            Description = text,
            PrimaryCommand = primary,
            IsPrimaryCommandCritical = true,
        });
    }

    /// <summary>The outcome in a toast now, or, when it takes longer, a status message now and the toast later.</summary>
    private static CommandResult Conclude(Task<ActionOutcome> run, SessionAction action, SessionInfo session, TimeSpan limit)
    {
        if (limit > TimeSpan.Zero && run.Wait(limit))
        {
            return Toast(run.Result);
        }

        var working = new StatusMessage
        {
            Message = Words.Format(Resources.Status_Working, ActionName(action), Words.Who(session.Identity)),
            State = MessageState.Info,
            Progress = new ProgressState { IsIndeterminate = true },
        };
        ExtensionHost.ShowStatus(working, StatusContext.Extension);
        _ = FinishInBackgroundAsync(run, working);
        return CommandResult.KeepOpen();
    }

    private static async Task FinishInBackgroundAsync(Task<ActionOutcome> run, StatusMessage working)
    {
        try
        {
            var outcome = await run.ConfigureAwait(false);
            ExtensionHost.HideStatus(working);
            var (message, state) = ToastText(outcome);
            new ToastStatusMessage(new StatusMessage { Message = message, State = state }).Show();
        }
        catch (Exception exception)
        {
            ExtensionHost.HideStatus(working);
            Wall.Report(exception, nameof(FinishInBackgroundAsync));
        }
    }

    private static CommandResult Toast(ActionOutcome outcome)
    {
        var (message, state) = ToastText(outcome);

        // Done: CmdPal closes after the toast, as Run hides; otherwise it stays open on the list.
        return CommandResult.ShowToast(new ToastArgs
        {
            Message = message,
            Result = state == MessageState.Success ? CommandResult.Dismiss() : CommandResult.KeepOpen(),
        });
    }

    internal static (string Message, MessageState State) ToastText(ActionOutcome outcome)
    {
        var (text, detail) = OutcomeText.For(outcome);
        var state = outcome.Kind switch
        {
            OutcomeKind.Done => MessageState.Success,
            OutcomeKind.Declined or OutcomeKind.Cancelled or OutcomeKind.NoAnswer => MessageState.Info,
            OutcomeKind.Refused or OutcomeKind.Changed or OutcomeKind.Gone or OutcomeKind.NobodyToAsk => MessageState.Warning,
            _ => MessageState.Error,
        };
        return (detail is null ? text : text + " " + detail, state);
    }

    internal static string ActionName(SessionAction action) => action switch
    {
        SessionAction.AskFirst => Resources.Action_AskFirst,
        SessionAction.Disconnect => Resources.Action_Disconnect,
        SessionAction.SendMessage => Resources.Action_SendMessage,
        _ => Resources.Action_LogOff,
    };

    private async Task RefreshAsync(string serverName)
    {
        try
        {
            await refreshServer(serverName).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Wall.Report(exception, nameof(RefreshAsync));
        }
    }

    private bool RunsElevated()
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
}
