using Community.PowerToys.Run.Plugin.SessionKiller.Settings;
using SessionKiller.CommandPalette.Settings;
using SessionKiller.CommandPalette.Tests.Support;
using SessionKiller.Core.Settings;
using SessionKiller.Core.Tests.Support;

namespace SessionKiller.CommandPalette.Tests;

[UseCulture]
public sealed class SettingsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sk-cmdpal-settings-").FullName;

    private string FilePath => Path.Combine(folder, "settings.json");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Every_option_survives_a_save_and_a_load_through_the_Toolkits_settings_file()
    {
        var chosen = PluginSettings.CreateDefault() is var defaults
            ? new PluginSettings(
                defaults.Core with
                {
                    ConfirmBeforeLogoff = false,
                    AskFirstText = "Please sign out, {user}.\nThanks, {admin}",
                    AskFirstTimeoutSeconds = 120,
                    OnNoAnswer = TimeoutPolicy.LogOff,
                    Servers = ["RDS01", "RDS02.contoso.com"],
                    ShowOwnSession = false,
                    RefreshIntervalSeconds = 45,
                },
                "Maintenance at 18:00.")
            : null!;
        var writer = new ExtensionSettingsManager(FilePath);
        writer.Write(chosen);
        writer.SaveSettings();

        var reader = new ExtensionSettingsManager(FilePath);
        reader.LoadSettings();
        var read = reader.Read();

        Assert.Equal(chosen.MessageText, read.MessageText);
        Assert.Equal(chosen.Core.Servers, read.Core.Servers);
        Assert.Equal(chosen.Core with { Servers = [] }, read.Core with { Servers = [] });
    }

    [Fact]
    public void Without_a_settings_file_the_options_are_the_plugins_defaults()
    {
        var manager = new ExtensionSettingsManager(FilePath);
        manager.LoadSettings();

        var read = manager.Read();
        var defaults = PluginSettings.CreateDefault();

        Assert.Equal(defaults.MessageText, read.MessageText);
        Assert.Equal(defaults.Core with { Servers = [] }, read.Core with { Servers = [] });
        Assert.Empty(read.Core.Servers);
    }

    [Theory]
    [InlineData("banana", 60)]
    [InlineData("5", SessionKillerSettings.MinAskFirstTimeoutSeconds)]
    [InlineData("99999", SessionKillerSettings.MaxAskFirstTimeoutSeconds)]
    [InlineData("90.4", 90)]
    public void An_odd_number_in_the_file_falls_back_or_is_clamped_as_in_the_plugin(string written, int expected)
    {
        File.WriteAllText(FilePath, $$"""{ "sessionKiller.AskFirstTimeoutSeconds": "{{written}}" }""");
        var manager = new ExtensionSettingsManager(FilePath);
        manager.LoadSettings();

        Assert.Equal(expected, manager.Read().Core.AskFirstTimeoutSeconds);
    }

    [Fact]
    public void Saving_keeps_what_other_extensions_wrote_in_the_same_file()
    {
        File.WriteAllText(FilePath, """{ "someoneElse.Option": "kept" }""");
        var manager = new ExtensionSettingsManager(FilePath);
        manager.SaveSettings();

        Assert.Contains("someoneElse.Option", File.ReadAllText(FilePath));
        Assert.Contains("sessionKiller.ConfirmBeforeLogoff", File.ReadAllText(FilePath));
    }

    [Fact]
    public async Task A_changed_server_list_is_read_at_once_without_restarting_CmdPal()
    {
        using var harness = new ExtensionHarness();
        harness.Serve("RDS01", TestSessions.User("bob", server: "RDS01"));
        harness.Serve("RDS09", TestSessions.User("zoe", server: "RDS09"));
        await harness.StartAsync("RDS01");
        Assert.DoesNotContain(harness.Search("zoe"), item => item.Title.StartsWith("zoe", StringComparison.Ordinal));

        harness.Configure(settings => settings with { Core = settings.Core with { Servers = ["RDS01", "RDS09"] } });
        await harness.Provider.Catalog.RefreshAsync();

        Assert.StartsWith("zoe", Assert.Single(harness.Search("zoe")).Title);
        Assert.Contains("RDS09", File.ReadAllText(harness.SettingsPath));
    }
}
