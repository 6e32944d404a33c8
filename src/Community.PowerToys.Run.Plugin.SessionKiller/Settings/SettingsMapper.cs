using Community.PowerToys.Run.Plugin.SessionKiller.Properties;
using Microsoft.PowerToys.Settings.UI.Library;
using SessionKiller.Core.Settings;
using OptionType = Microsoft.PowerToys.Settings.UI.Library.PluginAdditionalOption.AdditionalOptionType;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Settings;

/// <summary>Settings to PowerToys' additional options and back. Missing or odd values fall back to the defaults.</summary>
internal static class SettingsMapper
{
    public const string ConfirmBeforeLogoff = nameof(SessionKillerSettings.ConfirmBeforeLogoff);
    public const string AskFirstText = nameof(SessionKillerSettings.AskFirstText);
    public const string AskFirstTimeoutSeconds = nameof(SessionKillerSettings.AskFirstTimeoutSeconds);
    public const string OnNoAnswer = nameof(SessionKillerSettings.OnNoAnswer);
    public const string Servers = nameof(SessionKillerSettings.Servers);
    public const string ShowOwnSession = nameof(SessionKillerSettings.ShowOwnSession);
    public const string RefreshIntervalSeconds = nameof(SessionKillerSettings.RefreshIntervalSeconds);
    public const string MessageText = nameof(PluginSettings.MessageText);

    /// <summary>PowerToys' settings page writes "\r" between the lines of a multiline text.</summary>
    private const string OptionLineBreak = "\r";

    public static List<PluginAdditionalOption> Options(PluginSettings settings)
    {
        var core = settings.Core;
        return
        [
            new()
            {
                Key = ConfirmBeforeLogoff,
                PluginOptionType = OptionType.Checkbox,
                DisplayLabel = Resources.Setting_ConfirmBeforeLogoff,
                DisplayDescription = Resources.Setting_ConfirmBeforeLogoff_Description,
                Value = core.ConfirmBeforeLogoff,
            },
            new()
            {
                Key = AskFirstText,
                PluginOptionType = OptionType.MultilineTextbox,
                DisplayLabel = Resources.Setting_AskFirstText,
                DisplayDescription = Resources.Setting_AskFirstText_Description,
                TextValue = ToOption(core.AskFirstText),
            },
            new()
            {
                Key = AskFirstTimeoutSeconds,
                PluginOptionType = OptionType.Numberbox,
                DisplayLabel = Resources.Setting_AskFirstTimeout,
                DisplayDescription = Resources.Setting_AskFirstTimeout_Description,
                NumberValue = core.AskFirstTimeoutSeconds,
                NumberBoxMin = SessionKillerSettings.MinAskFirstTimeoutSeconds,
                NumberBoxMax = SessionKillerSettings.MaxAskFirstTimeoutSeconds,
                NumberBoxSmallChange = 10,
                NumberBoxLargeChange = 60,
            },
            new()
            {
                Key = OnNoAnswer,
                PluginOptionType = OptionType.Combobox,
                DisplayLabel = Resources.Setting_OnNoAnswer,
                DisplayDescription = Resources.Setting_OnNoAnswer_Description,
                ComboBoxItems =
                [
                    new(Resources.Setting_OnNoAnswer_Keep, ((int)TimeoutPolicy.Keep).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    new(Resources.Setting_OnNoAnswer_LogOff, ((int)TimeoutPolicy.LogOff).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ],
                ComboBoxValue = (int)core.OnNoAnswer,
            },
            new()
            {
                Key = Servers,
                PluginOptionType = OptionType.MultilineTextbox,
                DisplayLabel = Resources.Setting_Servers,
                DisplayDescription = Resources.Setting_Servers_Description,
                TextValue = string.Join(OptionLineBreak, core.Servers),
            },
            new()
            {
                Key = ShowOwnSession,
                PluginOptionType = OptionType.Checkbox,
                DisplayLabel = Resources.Setting_ShowOwnSession,
                DisplayDescription = Resources.Setting_ShowOwnSession_Description,
                Value = core.ShowOwnSession,
            },
            new()
            {
                Key = RefreshIntervalSeconds,
                PluginOptionType = OptionType.Numberbox,
                DisplayLabel = Resources.Setting_RefreshInterval,
                DisplayDescription = Resources.Setting_RefreshInterval_Description,
                NumberValue = core.RefreshIntervalSeconds,
                NumberBoxMin = SessionKillerSettings.MinRefreshIntervalSeconds,
                NumberBoxMax = SessionKillerSettings.MaxRefreshIntervalSeconds,
                NumberBoxSmallChange = 5,
                NumberBoxLargeChange = 30,
            },
            new()
            {
                Key = MessageText,
                PluginOptionType = OptionType.MultilineTextbox,
                DisplayLabel = Resources.Setting_MessageText,
                DisplayDescription = Resources.Setting_MessageText_Description,
                TextValue = ToOption(settings.MessageText),
            },
        ];
    }

    public static PluginSettings Read(IEnumerable<PluginAdditionalOption>? options)
    {
        var defaults = PluginSettings.CreateDefault();
        var byKey = new Dictionary<string, PluginAdditionalOption>(StringComparer.Ordinal);
        foreach (var option in options ?? [])
        {
            if (option?.Key is { } key)
            {
                byKey[key] = option;
            }
        }

        bool Flag(string key, bool fallback) => byKey.TryGetValue(key, out var option) ? option.Value : fallback;

        int Number(string key, int fallback, int min, int max) =>
            byKey.TryGetValue(key, out var option) && double.IsFinite(option.NumberValue)
                ? (int)Math.Clamp(Math.Round(option.NumberValue), min, max)
                : fallback;

        string Text(string key, string fallback) =>
            byKey.TryGetValue(key, out var option) && !string.IsNullOrWhiteSpace(option.TextValue) ? FromOption(option.TextValue) : fallback;

        var core = defaults.Core with
        {
            ConfirmBeforeLogoff = Flag(ConfirmBeforeLogoff, defaults.Core.ConfirmBeforeLogoff),
            AskFirstText = Text(AskFirstText, defaults.Core.AskFirstText),
            AskFirstTimeoutSeconds = Number(AskFirstTimeoutSeconds, defaults.Core.AskFirstTimeoutSeconds, SessionKillerSettings.MinAskFirstTimeoutSeconds, SessionKillerSettings.MaxAskFirstTimeoutSeconds),
            OnNoAnswer = byKey.TryGetValue(OnNoAnswer, out var policy) && policy.ComboBoxValue == (int)TimeoutPolicy.LogOff ? TimeoutPolicy.LogOff : TimeoutPolicy.Keep,
            Servers = byKey.TryGetValue(Servers, out var servers) ? Lines(servers.TextValue) : defaults.Core.Servers,
            ShowOwnSession = Flag(ShowOwnSession, defaults.Core.ShowOwnSession),
            RefreshIntervalSeconds = Number(RefreshIntervalSeconds, defaults.Core.RefreshIntervalSeconds, SessionKillerSettings.MinRefreshIntervalSeconds, SessionKillerSettings.MaxRefreshIntervalSeconds),
        };
        return new PluginSettings(core, Text(MessageText, defaults.MessageText));
    }

    private static string ToOption(string text) => text.ReplaceLineEndings(OptionLineBreak);

    private static string FromOption(string text) => text.ReplaceLineEndings("\n").Trim();

    private static string[] Lines(string? text) =>
        (text ?? "").ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
