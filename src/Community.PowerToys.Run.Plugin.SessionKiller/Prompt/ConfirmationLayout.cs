using System.Text;
using Community.PowerToys.Run.Plugin.SessionKiller.Properties;
using Community.PowerToys.Run.Plugin.SessionKiller.Results;
using SessionKiller.Core.Actions;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Prompt;

/// <summary>The confirmation box, laid out from Core's facts in the user's language.</summary>
internal static class ConfirmationLayout
{
    public static (string Title, string Text) For(Confirmation confirmation)
    {
        if (confirmation.Group is { } group)
        {
            return BulkConfirmationLayout.For(confirmation, group);
        }

        var session = confirmation.Session;
        var title = confirmation.Action switch
        {
            SessionAction.AskFirst => Resources.Confirm_Title_AskFirst,
            SessionAction.Disconnect => Resources.Confirm_Title_Disconnect,
            SessionAction.SendMessage => Resources.Confirm_Title_SendMessage,
            _ => Resources.Confirm_Title_LogOff,
        };

        var text = new StringBuilder();
        var warning = confirmation.Warning switch
        {
            ConfirmationWarning.OwnSession => Resources.Confirm_OwnSession,
            ConfirmationWarning.Console => Resources.Confirm_Console,
            _ => null,
        };
        if (warning is not null)
        {
            text.AppendLine(warning).AppendLine();
        }

        var question = confirmation.Action == SessionAction.AskFirst ? Resources.Confirm_Question_AskFirst : Resources.Confirm_Question_LogOff;
        text.AppendLine(Words.Format(question, session.QualifiedUserName, Words.Where(session.SessionId, session.ServerName)));

        var facts = new List<string>(3) { Words.State(session.State), Words.Idle(session.IdleTime) };
        if (SessionText.From(session) is { } from)
        {
            facts.Add(from);
        }

        text.AppendLine(string.Join(", ", facts) + ".");
        text.AppendLine(confirmation.ApplicationsUnknown ? Resources.Confirm_ApplicationsUnknown : Applications(confirmation.Applications));
        if (confirmation.Action == SessionAction.AskFirst)
        {
            text.AppendLine(Resources.Confirm_AskFirstNoAnswer);
        }

        return (Words.Format(title, session.UserName), text.ToString().TrimEnd());
    }

    private static string Applications(IReadOnlyList<string> applications)
    {
        if (applications.Count == 0)
        {
            return Resources.Confirm_NoApplications;
        }

        var shown = string.Join(", ", applications.Take(ApplicationList.MaxShown));
        if (applications.Count > ApplicationList.MaxShown)
        {
            shown = Words.Format(Resources.Confirm_MoreApplications, shown, applications.Count - ApplicationList.MaxShown);
        }

        return Words.Format(Resources.Confirm_Applications, shown) + Environment.NewLine + Resources.Confirm_UnsavedWork;
    }
}
