using Community.PowerToys.Run.Plugin.SessionKiller.Properties;
using Community.PowerToys.Run.Plugin.SessionKiller.Results;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Backend;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Actions;

/// <summary>The notification an action ends with: one localized sentence, and the technical detail when there is one.</summary>
internal static class OutcomeText
{
    public static (string Text, string? Detail) For(ActionOutcome outcome)
    {
        var target = outcome.Target;
        var who = Words.Who(target);
        var where = Words.Where(target.SessionId, target.ServerName);
        var server = Words.Server(target.ServerName);
        var format = outcome.Kind switch
        {
            OutcomeKind.Done => outcome.Action switch
            {
                SessionAction.AskFirst when outcome.Answer == MessageAnswer.Yes => Resources.Outcome_Done_AskFirst_Yes,
                SessionAction.AskFirst => Resources.Outcome_Done_AskFirst_NoAnswer,
                SessionAction.Disconnect => Resources.Outcome_Done_Disconnect,
                SessionAction.SendMessage => Resources.Outcome_Done_SendMessage,
                _ => Resources.Outcome_Done_LogOff,
            },
            OutcomeKind.Declined => Resources.Outcome_Declined,
            OutcomeKind.NoAnswer => Resources.Outcome_NoAnswer,
            OutcomeKind.Cancelled => Resources.Outcome_Cancelled,
            OutcomeKind.Refused => Resources.Outcome_Refused,
            OutcomeKind.Changed => Resources.Outcome_Changed,
            OutcomeKind.Gone => Resources.Outcome_Gone,
            OutcomeKind.NobodyToAsk => Resources.Outcome_NobodyToAsk,
            OutcomeKind.AccessDenied => Resources.Outcome_AccessDenied,
            OutcomeKind.ServerUnavailable => Resources.Outcome_ServerUnavailable,
            OutcomeKind.NotSupported => Resources.Outcome_NotSupported,
            OutcomeKind.TimedOut => Resources.Outcome_TimedOut,
            OutcomeKind.Unknown => Resources.Outcome_Unknown,
            _ => Resources.Outcome_Failed,
        };

        var details = new List<string>(2);
        if (outcome.Failure is { } failure)
        {
            details.Add(failure.ToString());
        }
        else if (outcome.Kind is OutcomeKind.Failed or OutcomeKind.Changed || (outcome.Elevated && outcome.Kind != OutcomeKind.Done))
        {
            // The sentence (Core's, or the elevated helper's own) names what went wrong or whom the session belongs to now.
            details.Add(outcome.Sentence);
        }

        if (!outcome.Audited)
        {
            details.Add(Resources.Outcome_NotAudited);
        }
        else if (outcome.Elevated && outcome.AuditLogPath is { } auditLog)
        {
            // An elevated helper logs machine-wide, not where the plugin's own lines go.
            details.Add(Words.Format(Resources.Outcome_AuditLog, auditLog));
        }

        // Core's sentence and the failure name users and servers: shown as one clean line, like every name.
        return (Words.Format(format, who, where, server), details.Count == 0 ? null : Words.Name(string.Join(" ", details)));
    }
}
