using Community.PowerToys.Run.Plugin.SessionKiller.Properties;
using Community.PowerToys.Run.Plugin.SessionKiller.Settings;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Sessions;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Actions;

/// <summary>The request a launcher hands Core's runner; host-neutral, shared by PowerToys Run and the Command Palette.</summary>
internal static class ActionRequests
{
    /// <summary>Binds the request to the identity shown and spells out the settings, so an elevated helper gets the same.</summary>
    public static ActionRequest For(SessionAction action, SessionInfo session, PluginSettings settings, string actor)
    {
        var request = new ActionRequest(action, session.Identity);
        var core = settings.Core;
        return action switch
        {
            SessionAction.AskFirst => request with
            {
                MessageTitle = core.AskFirstTitle,
                MessageText = core.AskFirstText,
                AskTimeout = core.AskFirstTimeout,
                OnNoAnswer = core.OnNoAnswer,
            },
            SessionAction.SendMessage => request with
            {
                MessageTitle = Placeholders.FillNames(Resources.Message_DefaultTitle, session.Identity, actor),
                MessageText = Placeholders.FillNames(settings.MessageText, session.Identity, actor),
            },
            _ => request,
        };
    }
}
