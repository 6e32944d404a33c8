using System.Globalization;
using Community.PowerToys.Run.Plugin.SessionKiller.Properties;
using Community.PowerToys.Run.Plugin.SessionKiller.Settings;
using Microsoft.CommandPalette.Extensions.Toolkit;
using SessionKiller.Core.Settings;

namespace SessionKiller.CommandPalette.Settings;

/// <summary>
/// The plugin's options on CmdPal's settings page, through the Toolkit's JSON settings manager. The value
/// they map to is the plugin's (<see cref="PluginSettings"/>: Core's settings plus the message text);
/// missing or odd values fall back to the defaults, as in the plugin.
/// </summary>
internal sealed class ExtensionSettingsManager : JsonSettingsManager
{
    private const string Prefix = "sessionKiller.";
    private static readonly string KeepValue = ((int)TimeoutPolicy.Keep).ToString(CultureInfo.InvariantCulture);
    private static readonly string LogOffValue = ((int)TimeoutPolicy.LogOff).ToString(CultureInfo.InvariantCulture);

    private readonly PluginSettings defaults = PluginSettings.CreateDefault();
    private readonly ToggleSetting confirmBeforeLogoff;
    private readonly TextSetting askFirstText;
    private readonly TextSetting askFirstTimeoutSeconds;
    private readonly ChoiceSetSetting onNoAnswer;
    private readonly TextSetting servers;
    private readonly ToggleSetting showOwnSession;
    private readonly TextSetting refreshIntervalSeconds;
    private readonly TextSetting messageText;

    public ExtensionSettingsManager(string filePath)
    {
        FilePath = filePath;
        var core = defaults.Core;
        confirmBeforeLogoff = new(Key(nameof(SessionKillerSettings.ConfirmBeforeLogoff)), Resources.Setting_ConfirmBeforeLogoff, Resources.Setting_ConfirmBeforeLogoff_Description, core.ConfirmBeforeLogoff);
        askFirstText = new(Key(nameof(SessionKillerSettings.AskFirstText)), Resources.Setting_AskFirstText, Resources.Setting_AskFirstText_Description, core.AskFirstText) { Multiline = true };
        askFirstTimeoutSeconds = new(Key(nameof(SessionKillerSettings.AskFirstTimeoutSeconds)), Resources.Setting_AskFirstTimeout, Resources.Setting_AskFirstTimeout_Description, Number(core.AskFirstTimeoutSeconds));
        onNoAnswer = new(
            Key(nameof(SessionKillerSettings.OnNoAnswer)),
            Resources.Setting_OnNoAnswer,
            Resources.Setting_OnNoAnswer_Description,
            [new(Resources.Setting_OnNoAnswer_Keep, KeepValue), new(Resources.Setting_OnNoAnswer_LogOff, LogOffValue)]);
        servers = new(Key(nameof(SessionKillerSettings.Servers)), Resources.Setting_Servers, Resources.Setting_Servers_Description, "") { Multiline = true };
        showOwnSession = new(Key(nameof(SessionKillerSettings.ShowOwnSession)), Resources.Setting_ShowOwnSession, Resources.Setting_ShowOwnSession_Description, core.ShowOwnSession);
        refreshIntervalSeconds = new(Key(nameof(SessionKillerSettings.RefreshIntervalSeconds)), Resources.Setting_RefreshInterval, Resources.Setting_RefreshInterval_Description, Number(core.RefreshIntervalSeconds));
        messageText = new(Key(nameof(PluginSettings.MessageText)), Resources.Setting_MessageText, Resources.Setting_MessageText_Description, defaults.MessageText) { Multiline = true };

        Settings.Add(confirmBeforeLogoff);
        Settings.Add(askFirstText);
        Settings.Add(askFirstTimeoutSeconds);
        Settings.Add(onNoAnswer);
        Settings.Add(servers);
        Settings.Add(showOwnSession);
        Settings.Add(refreshIntervalSeconds);
        Settings.Add(messageText);
    }

    /// <summary>The options as they stand now, as the product's settings value.</summary>
    public PluginSettings Read()
    {
        var core = defaults.Core with
        {
            ConfirmBeforeLogoff = confirmBeforeLogoff.Value,
            AskFirstText = Text(askFirstText, defaults.Core.AskFirstText),
            AskFirstTimeoutSeconds = Number(askFirstTimeoutSeconds, defaults.Core.AskFirstTimeoutSeconds, SessionKillerSettings.MinAskFirstTimeoutSeconds, SessionKillerSettings.MaxAskFirstTimeoutSeconds),
            OnNoAnswer = onNoAnswer.Value == LogOffValue ? TimeoutPolicy.LogOff : TimeoutPolicy.Keep,
            Servers = (servers.Value ?? "").ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            ShowOwnSession = showOwnSession.Value,
            RefreshIntervalSeconds = Number(refreshIntervalSeconds, defaults.Core.RefreshIntervalSeconds, SessionKillerSettings.MinRefreshIntervalSeconds, SessionKillerSettings.MaxRefreshIntervalSeconds),
        };
        return new PluginSettings(core, Text(messageText, defaults.MessageText));
    }

    /// <summary>Sets every option from a settings value (what the settings page would submit).</summary>
    public void Write(PluginSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var core = settings.Core;
        confirmBeforeLogoff.Value = core.ConfirmBeforeLogoff;
        askFirstText.Value = core.AskFirstText;
        askFirstTimeoutSeconds.Value = Number(core.AskFirstTimeoutSeconds);
        onNoAnswer.Value = core.OnNoAnswer == TimeoutPolicy.LogOff ? LogOffValue : KeepValue;
        servers.Value = string.Join("\n", core.Servers);
        showOwnSession.Value = core.ShowOwnSession;
        refreshIntervalSeconds.Value = Number(core.RefreshIntervalSeconds);
        messageText.Value = settings.MessageText;
    }

    private static string Key(string name) => Prefix + name;

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static int Number(TextSetting setting, int fallback, int min, int max) =>
        double.TryParse(setting.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? (int)Math.Clamp(Math.Round(value), min, max)
            : fallback;

    private static string Text(TextSetting setting, string fallback) =>
        string.IsNullOrWhiteSpace(setting.Value) ? fallback : setting.Value.ReplaceLineEndings("\n").Trim();
}
