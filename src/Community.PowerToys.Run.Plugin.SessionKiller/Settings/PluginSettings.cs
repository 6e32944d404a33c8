using Community.PowerToys.Run.Plugin.SessionKiller.Properties;
using SessionKiller.Core.Settings;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Settings;

/// <summary>The product's settings plus what only the plugin needs: the text "Send message" sends.</summary>
internal sealed record PluginSettings(SessionKillerSettings Core, string MessageText)
{
    /// <summary>The defaults, with the texts a user sees in the user's language.</summary>
    public static PluginSettings CreateDefault() =>
        new(
            SessionKillerSettings.Default with { AskFirstTitle = Resources.AskFirst_DefaultTitle, AskFirstText = Resources.AskFirst_DefaultText },
            Resources.Message_DefaultText);
}
