using Community.PowerToys.Run.Plugin.SessionKiller.Settings;
using Community.PowerToys.Run.Plugin.SessionKiller.Tests.Support;
using Microsoft.PowerToys.Settings.UI.Library;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Settings;
using SessionKiller.Core.Tests.Support;
using OptionType = Microsoft.PowerToys.Settings.UI.Library.PluginAdditionalOption.AdditionalOptionType;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Tests;

[UseCulture]
public sealed class SettingsTests : IDisposable
{
    private readonly PluginHarness plugin = new();

    public void Dispose() => plugin.Dispose();

    [Theory]
    [InlineData(SettingsMapper.ConfirmBeforeLogoff, OptionType.Checkbox, "Confirm before logging off")]
    [InlineData(SettingsMapper.AskFirstText, OptionType.MultilineTextbox, "Ask-first message")]
    [InlineData(SettingsMapper.AskFirstTimeoutSeconds, OptionType.Numberbox, "Ask-first timeout (seconds)")]
    [InlineData(SettingsMapper.OnNoAnswer, OptionType.Combobox, "When there is no answer")]
    [InlineData(SettingsMapper.Servers, OptionType.MultilineTextbox, "Servers")]
    [InlineData(SettingsMapper.ShowOwnSession, OptionType.Checkbox, "Show my own session")]
    [InlineData(SettingsMapper.RefreshIntervalSeconds, OptionType.Numberbox, "Refresh interval (seconds)")]
    [InlineData(SettingsMapper.MessageText, OptionType.MultilineTextbox, "Message for “Send message”")]
    public void Every_setting_is_an_option_of_the_right_kind(string key, OptionType type, string label)
    {
        var option = Assert.Single(plugin.Main.AdditionalOptions, option => option.Key == key);

        Assert.Equal(type, option.PluginOptionType);
        Assert.Equal(label, option.DisplayLabel);
        Assert.False(string.IsNullOrWhiteSpace(option.DisplayDescription));
    }

    [Fact]
    public void The_defaults_are_as_documented()
    {
        var options = plugin.Main.AdditionalOptions.ToDictionary(option => option.Key);

        Assert.True(options[SettingsMapper.ConfirmBeforeLogoff].Value);
        Assert.True(options[SettingsMapper.ShowOwnSession].Value);
        Assert.Equal(60, options[SettingsMapper.AskFirstTimeoutSeconds].NumberValue);
        Assert.Equal(10, options[SettingsMapper.AskFirstTimeoutSeconds].NumberBoxMin);
        Assert.Equal(3600, options[SettingsMapper.AskFirstTimeoutSeconds].NumberBoxMax);
        Assert.Equal(30, options[SettingsMapper.RefreshIntervalSeconds].NumberValue);
        Assert.Equal("", options[SettingsMapper.Servers].TextValue);
        Assert.Equal(0, options[SettingsMapper.OnNoAnswer].ComboBoxValue);
        Assert.Equal([new("Keep signed in", "0"), new KeyValuePair<string, string>("Sign out", "1")], options[SettingsMapper.OnNoAnswer].ComboBoxItems);
        var askText = options[SettingsMapper.AskFirstText].TextValue;
        Assert.Contains("{user}", askText, StringComparison.Ordinal);
        Assert.Contains("{admin}", askText, StringComparison.Ordinal);
        Assert.Contains("{seconds}", askText, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", askText, StringComparison.Ordinal);
    }

    [Fact]
    public void Changed_options_come_back_as_settings_and_as_options()
    {
        plugin.Configure(options =>
        {
            options[SettingsMapper.ConfirmBeforeLogoff].Value = false;
            options[SettingsMapper.AskFirstText].TextValue = "Line one {user}\r\rLine three";
            options[SettingsMapper.AskFirstTimeoutSeconds].NumberValue = 300;
            options[SettingsMapper.OnNoAnswer].ComboBoxValue = 1;
            options[SettingsMapper.Servers].TextValue = " RDS01 \r\rrds02\r";
            options[SettingsMapper.ShowOwnSession].Value = false;
            options[SettingsMapper.RefreshIntervalSeconds].NumberValue = 120;
            options[SettingsMapper.MessageText].TextValue = "Bye";
        });

        var core = plugin.Main.Settings.Core;
        Assert.False(core.ConfirmBeforeLogoff);
        Assert.Equal("Line one {user}\n\nLine three", core.AskFirstText);
        Assert.Equal(300, core.AskFirstTimeoutSeconds);
        Assert.Equal(TimeoutPolicy.LogOff, core.OnNoAnswer);
        Assert.Equal(["RDS01", "rds02"], core.Servers);
        Assert.False(core.ShowOwnSession);
        Assert.Equal(120, core.RefreshIntervalSeconds);
        Assert.Equal("Bye", plugin.Main.Settings.MessageText);

        var again = plugin.Main.AdditionalOptions.ToDictionary(option => option.Key);
        Assert.Equal("Line one {user}\r\rLine three", again[SettingsMapper.AskFirstText].TextValue);
        Assert.Equal("RDS01\rrds02", again[SettingsMapper.Servers].TextValue);
        Assert.Equal(1, again[SettingsMapper.OnNoAnswer].ComboBoxValue);
        Assert.Equal(300, again[SettingsMapper.AskFirstTimeoutSeconds].NumberValue);
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(99999, 3600)]
    [InlineData(double.NaN, 60)]
    [InlineData(45.6, 46)]
    public void Timeouts_outside_the_range_are_brought_into_it(double typed, int expected)
    {
        plugin.Configure(options => options[SettingsMapper.AskFirstTimeoutSeconds].NumberValue = typed);

        Assert.Equal(expected, plugin.Main.Settings.Core.AskFirstTimeoutSeconds);
    }

    [Fact]
    public void Missing_options_and_empty_texts_fall_back_to_the_defaults()
    {
        plugin.Main.UpdateSettings(new PowerLauncherPluginSettings
        {
            AdditionalOptions = [new PluginAdditionalOption { Key = SettingsMapper.AskFirstText, TextValue = "   " }, null!, new PluginAdditionalOption()],
        });

        Assert.Equal(PluginSettings.CreateDefault(), plugin.Main.Settings with { Core = plugin.Main.Settings.Core with { Servers = [] } });
        Assert.Equal([ServerNames.Local], plugin.Main.Settings.Core.EffectiveServers);
    }

    [Fact]
    public void No_options_at_all_are_the_defaults()
    {
        plugin.Main.UpdateSettings(new PowerLauncherPluginSettings());

        Assert.True(plugin.Main.Settings.Core.ConfirmBeforeLogoff);
        Assert.Equal(60, plugin.Main.Settings.Core.AskFirstTimeoutSeconds);
    }

    [Fact]
    public async Task New_servers_apply_without_a_restart()
    {
        plugin.Serve("RDS01", TestSessions.User("bob", id: 3)).Serve("RDS02", TestSessions.User("ann", id: 4, server: "RDS02"));
        await plugin.StartAsync("RDS01");
        Assert.Single(plugin.Query());

        plugin.Configure(options => options[SettingsMapper.Servers].TextValue = "RDS02");
        await plugin.WaitForReadsAsync("RDS02", 1);
        await plugin.Main.Catalog.RefreshAsync();

        var result = Assert.Single(plugin.Query());
        Assert.Equal("ann", ((SessionInfo)result.ContextData).UserName);
    }

    [Fact]
    [UseCulture("de")]
    public void In_German_the_settings_page_and_the_default_texts_are_German()
    {
        // The default texts are taken in the language PowerToys runs in when it loads the plugin.
        using var german = new PluginHarness();
        var options = german.Main.AdditionalOptions.ToDictionary(option => option.Key);

        Assert.Equal("Vor dem Abmelden bestätigen", options[SettingsMapper.ConfirmBeforeLogoff].DisplayLabel);
        Assert.Equal("Angemeldet lassen", options[SettingsMapper.OnNoAnswer].ComboBoxItems[0].Key);
        Assert.Contains("{seconds}", options[SettingsMapper.AskFirstText].TextValue, StringComparison.Ordinal);
        Assert.StartsWith("{admin} muss Sie", options[SettingsMapper.AskFirstText].TextValue, StringComparison.Ordinal);
    }
}
