using System.Globalization;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Sessions;

namespace SessionKiller.Core.Actions;

/// <summary>The one sentence each outcome ends with.</summary>
internal static class OutcomeSentences
{
    public static string For(OutcomeKind kind, SessionAction action, SessionIdentity target, BackendFailure? failure = null, string? detail = null)
    {
        var who = target.QualifiedUserName.Length == 0 ? $"session {target.SessionId}" : target.QualifiedUserName;
        var where = string.Create(CultureInfo.InvariantCulture, $"session {target.SessionId} on {target.ServerName}");
        var sentence = kind switch
        {
            OutcomeKind.Done => action switch
            {
                SessionAction.LogOff => $"{who} was signed out of {where}.",
                SessionAction.AskFirst => $"{who} was signed out of {where}{(detail is null ? "." : $" ({detail}).")}",
                SessionAction.Disconnect => $"{who} was disconnected from {where}; the session and its programs keep running.",
                _ => $"The message was sent to {who} ({where}).",
            },
            OutcomeKind.Declined => $"{who} said No: still signed in to {where}.",
            OutcomeKind.NoAnswer => $"{who} did not answer: still signed in to {where}, as the no-answer policy says.",
            OutcomeKind.Cancelled => $"Cancelled: nothing was done to {who}.",
            OutcomeKind.Refused => $"{where} is {detail ?? "a system session"}: SessionKiller never acts on it.",
            OutcomeKind.Changed => $"Nothing was done: {where} {detail ?? "changed"} since it was listed.",
            OutcomeKind.Gone => $"Nothing was done: {where} no longer exists ({who} may have signed out already).",
            OutcomeKind.NobodyToAsk => $"{who} is disconnected from {where}, so nobody can answer a question: sign them out directly or leave them.",
            OutcomeKind.AccessDenied => $"Access denied on {target.ServerName}: run as an administrator to act on {who}.",
            OutcomeKind.ServerUnavailable => $"{target.ServerName} cannot be reached{Reason(failure)}: nothing was done.",
            OutcomeKind.NotSupported => $"This is not supported on {target.ServerName}{Reason(failure)}.",
            OutcomeKind.TimedOut => $"{target.ServerName} did not answer in time{Reason(failure)}: nothing was done.",
            OutcomeKind.Unknown => $"{target.ServerName} did not answer in time{Reason(failure)}; it may still happen to {who}: read the server again to see.",
            _ => $"Could not act on {who} ({where}){Reason(failure ?? (detail is null ? null : BackendFailure.Failed(0, detail)))}.",
        };
        return sentence;
    }

    private static string Reason(BackendFailure? failure)
    {
        if (failure is null)
        {
            return "";
        }

        var text = failure.Text.Trim().TrimEnd('.');
        return failure.Code == 0
            ? $" ({text})"
            : string.Create(CultureInfo.InvariantCulture, $" ({text}, error {failure.Code})");
    }
}
