using System.Text;
using Community.PowerToys.Run.Plugin.SessionKiller.Properties;
using Community.PowerToys.Run.Plugin.SessionKiller.Results;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Sessions;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Prompt;

/// <summary>The one confirmation of a bulk action, in the user's language: the count, every user, the servers, the open applications.</summary>
internal static class BulkConfirmationLayout
{
    public static (string Title, string Text) For(Confirmation confirmation, IReadOnlyList<SessionInfo> group)
    {
        var title = confirmation.Action switch
        {
            SessionAction.AskFirst => Resources.Bulk_Confirm_Title_AskFirst,
            SessionAction.Disconnect => Resources.Bulk_Confirm_Title_Disconnect,
            SessionAction.SendMessage => Resources.Bulk_Confirm_Title_SendMessage,
            _ => Resources.Bulk_Confirm_Title_LogOff,
        };
        var users = group.Select(session => session.QualifiedUserName).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var servers = group.Select(session => Words.Server(session.ServerName)).Distinct(ServerNames.Comparer);

        var text = new StringBuilder();
        text.AppendLine(Words.Format(Resources.Bulk_Confirm_Users, users.Length, string.Join(", ", users)));
        text.AppendLine(Words.Format(Resources.Bulk_Confirm_Servers, string.Join(", ", servers)));
        if (confirmation.Action is SessionAction.LogOff or SessionAction.AskFirst)
        {
            if (confirmation.Applications.Count > 0)
            {
                text.AppendLine(Words.Format(Resources.Confirm_Applications, string.Join(", ", confirmation.Applications)));
                text.AppendLine(Resources.Confirm_UnsavedWork);
            }
            else if (!confirmation.ApplicationsUnknown)
            {
                text.AppendLine(Resources.Confirm_NoApplications);
            }

            if (confirmation.ApplicationsUnknown)
            {
                text.AppendLine(Resources.Bulk_Confirm_ApplicationsUnknown);
            }
        }

        if (confirmation.Action == SessionAction.AskFirst)
        {
            text.AppendLine(Resources.Confirm_AskFirstNoAnswer);
        }

        text.Append(Resources.Bulk_Confirm_Recheck);
        return (Words.Format(title, group.Count), text.ToString());
    }
}
