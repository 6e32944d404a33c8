using System.Globalization;
using System.Text;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Settings;

namespace SessionKiller.Core.Actions;

/// <summary>Writes what the confirmation shows: who, where, how idle, and the work at risk.</summary>
internal static class ConfirmationText
{
    public static async Task<Confirmation> BuildAsync(ISessionBackend backend, ActionRequest request, SessionInfo session, SessionKillerSettings settings, CancellationToken cancellationToken)
    {
        var processes = await backend.ListProcessesAsync(session.ServerName, session.SessionId, cancellationToken).ConfigureAwait(false);
        var applications = processes.IsSuccess ? ApplicationList.From(processes.Value!) : [];
        var warning = session.IsCurrentSession ? ConfirmationWarning.OwnSession
            : session.IsConsole ? ConfirmationWarning.Console
            : ConfirmationWarning.None;
        return new Confirmation(
            request.Action,
            session,
            warning,
            applications,
            Title(request, session),
            Text(request, session, warning, applications, processes.Failure, settings))
        {
            ApplicationsUnknown = !processes.IsSuccess,
        };
    }

    private static string Title(ActionRequest request, SessionInfo session) => request.Action switch
    {
        SessionAction.AskFirst => $"Ask {session.UserName} to sign out?",
        SessionAction.Disconnect => $"Disconnect {session.UserName}?",
        SessionAction.SendMessage => $"Send a message to {session.UserName}?",
        _ => $"Sign out {session.UserName}?",
    };

    private static string Text(ActionRequest request, SessionInfo session, ConfirmationWarning warning, IReadOnlyList<string> applications, BackendFailure? processFailure, SessionKillerSettings settings)
    {
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        if (warning == ConfirmationWarning.OwnSession)
        {
            text.AppendLine("This is YOUR OWN session: you will be signed out yourself.").AppendLine();
        }
        else if (warning == ConfirmationWarning.Console)
        {
            text.AppendLine("This is the console session: someone may be sitting at this computer.").AppendLine();
        }

        var verb = request.Action == SessionAction.AskFirst ? "Ask" : "Sign out";
        text.Append(culture, $"{verb} {session.QualifiedUserName} (session {session.SessionId} on {session.ServerName})");
        text.AppendLine(request.Action == SessionAction.AskFirst ? " to sign out?" : "?");
        text.Append(culture, $"State: {session.State}");
        text.Append(session.IdleTime is { } idle ? $", idle {DurationText.Format(idle)}" : ", idle time unknown");
        if (session.ClientName.Length > 0)
        {
            text.Append(culture, $", from {session.ClientName}");
        }

        text.AppendLine(".");
        if (processFailure is not null)
        {
            text.AppendLine(culture, $"Open applications could not be read: {processFailure}.");
        }
        else if (applications.Count == 0)
        {
            text.AppendLine("No open applications were found.");
        }
        else
        {
            var shown = string.Join(", ", applications.Take(ApplicationList.MaxShown));
            var more = applications.Count > ApplicationList.MaxShown ? $" and {applications.Count - ApplicationList.MaxShown} more" : "";
            text.AppendLine(culture, $"Open applications: {shown}{more}.");
            text.AppendLine("Unsaved work in them will be lost.");
        }

        if (request.Action == SessionAction.AskFirst)
        {
            var timeout = request.AskTimeout ?? settings.AskFirstTimeout;
            text.AppendLine(culture, $"Without an answer within {(long)timeout.TotalSeconds} s they will be signed out.");
        }

        return text.ToString().TrimEnd();
    }
}
