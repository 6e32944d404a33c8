using Community.PowerToys.Run.Plugin.SessionKiller.Tests.Support;
using Microsoft.PowerToys.Settings.UI.Library;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Catalog;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Tests.Support;
using Wox.Plugin;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Tests;

/// <summary>An exception escaping into PowerToys Run crashes it: every entry point must hold, whatever breaks behind it.</summary>
[UseCulture]
public sealed class EntryPointGuardTests : IDisposable
{
    private static readonly ActionContext Enter = new() { SpecialKeyState = new SpecialKeyState() };

    private readonly ManualClock clock = new(TestSessions.Now);
    private readonly PluginHarness plugin;

    public EntryPointGuardTests()
    {
        plugin = new PluginHarness(clock);
        plugin.Serve("RDS01", TestSessions.User("bob", id: 3));
    }

    public void Dispose() => plugin.Dispose();

    [Fact]
    public async Task Query_returns_nothing_instead_of_throwing()
    {
        await plugin.StartAsync("RDS01");
        clock.Broken = true;

        Assert.Empty(plugin.Query("bob"));
        Assert.Empty(plugin.Main.Query(new Query("logoff bob", "logoff"), delayedExecution: true));
    }

    [Fact]
    public void Query_without_a_query_or_before_Init_does_not_throw()
    {
        Assert.NotNull(plugin.Main.Query(null!));
        Assert.NotNull(plugin.Main.Query(new Query("logoff", "logoff"), delayedExecution: true));
    }

    [Fact]
    public async Task Init_survives_an_API_that_throws_and_still_starts_reading()
    {
        plugin.Api.GetCurrentTheme().Throws(new InvalidOperationException("no theme"));
        plugin.Configure(options => options[Settings.SettingsMapper.Servers].TextValue = "RDS01");

        plugin.Main.Init(new PluginInitContext { API = plugin.Api });
        plugin.Main.Init(null!);
        await plugin.Main.Catalog.RefreshAsync();

        Assert.Single(plugin.Query("bob"));
    }

    [Fact]
    public void UpdateSettings_survives_options_that_throw_and_keeps_the_settings_it_had()
    {
        var before = plugin.Main.Settings;

        plugin.Main.UpdateSettings(new PowerLauncherPluginSettings { AdditionalOptions = Throwing() });
        plugin.Main.UpdateSettings(null!);

        Assert.Same(before, plugin.Main.Settings);
    }

    [Fact]
    public async Task A_result_action_whose_prompt_throws_reports_a_failure_and_acts_on_nobody()
    {
        await plugin.StartAsync("RDS01");
        plugin.Prompt.ConfirmAsync(Arg.Any<Confirmation>(), Arg.Any<CancellationToken>()).Throws(new InvalidOperationException("no desktop"));

        plugin.Only("bob").Action(Enter);

        var (text, detail) = await plugin.NextNotificationAsync();
        Assert.Equal(@"Could not act on CONTOSO\bob (session 3 on RDS01).", text);
        Assert.Contains("no desktop", detail, StringComparison.Ordinal);
        await plugin.Backend.DidNotReceive().LogOffAsync(Arg.Any<string>(), Arg.Any<int>(), Arg.Any<bool>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_result_action_whose_backend_throws_reports_a_failure()
    {
        await plugin.StartAsync("RDS01");
        plugin.Backend.LogOffAsync(Arg.Any<string>(), Arg.Any<int>(), Arg.Any<bool>(), Arg.Any<CancellationToken>()).Throws(new InvalidOperationException("wtsapi32 exploded"));

        Assert.True(plugin.Only("bob").Action(Enter));

        Assert.Contains("wtsapi32 exploded", (await plugin.NextNotificationAsync()).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_result_action_that_cannot_even_start_keeps_Run_open()
    {
        using var broken = new PluginHarness(clock, services => services with { AuditLog = null! });
        broken.Serve("RDS01", TestSessions.User("bob", id: 3));
        await broken.StartAsync("RDS01");

        Assert.False(broken.Only("bob").Action(Enter));
    }

    [Fact]
    public async Task An_elevation_check_that_throws_counts_as_not_elevated()
    {
        using var unsure = new PluginHarness(clock, services => services with { IsElevated = () => throw new PlatformNotSupportedException() });
        unsure.Serve("RDS01", TestSessions.User("bob", id: 3));
        unsure.Backend.LogOffAsync(Arg.Any<string>(), Arg.Any<int>(), Arg.Any<bool>(), Arg.Any<CancellationToken>()).Returns(BackendFailure.AccessDenied());
        unsure.Elevation.RunElevatedAsync(Arg.Any<ActionRequest>(), Arg.Any<CancellationToken>()).Returns(new ElevatedResult(OutcomeKind.Done));
        await unsure.StartAsync("RDS01");

        Assert.True(unsure.Main.Launcher.Launch(SessionAction.LogOff, TestSessions.User("bob", id: 3), out var finished));
        await finished;

        await unsure.Elevation.Received(1).RunElevatedAsync(Arg.Any<ActionRequest>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_context_action_whose_clipboard_throws_keeps_Run_open()
    {
        await plugin.StartAsync("RDS01");
        plugin.Clipboard.TrySetText(Arg.Any<string>()).Throws(new InvalidOperationException("clipboard busy"));

        var copy = plugin.Main.LoadContextMenus(plugin.Only("bob"))[4];

        Assert.False(copy.Action(Enter));
    }

    [Fact]
    public async Task A_notification_that_throws_does_not_stop_the_server_from_being_read_again()
    {
        await plugin.StartAsync("RDS01");
        plugin.Api.When(api => api.ShowNotification(Arg.Any<string>(), Arg.Any<string>())).Throw(new InvalidOperationException("no toasts"));
        var reads = plugin.Reads("RDS01");

        Assert.True(plugin.Main.Launcher.Launch(SessionAction.Disconnect, TestSessions.User("bob", id: 3), out var finished));
        await finished;

        Assert.Equal(reads + 2, plugin.Reads("RDS01"));
    }

    [Fact]
    public async Task A_backend_that_throws_while_listing_shows_the_server_as_failed()
    {
        plugin.Backend.EnumerateSessionsAsync("RDS02", Arg.Any<CancellationToken>()).Throws(new InvalidOperationException("broken pipe"));
        await plugin.StartAsync("RDS01", "RDS02");

        var failure = Assert.Single(plugin.Query(), result => result.ContextData is ServerSnapshot);

        Assert.Contains("broken pipe", failure.SubTitle, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_Dispose_every_entry_point_still_holds()
    {
        await plugin.StartAsync("RDS01");
        var result = plugin.Only("bob");

        plugin.Main.Dispose();
        plugin.Main.Dispose();

        plugin.Main.ReloadData();
        plugin.Main.UpdateSettings(new PowerLauncherPluginSettings());
        Assert.NotNull(plugin.Query("bob"));
        Assert.NotNull(plugin.Main.LoadContextMenus(result));
        Assert.NotNull(plugin.Main.AdditionalOptions);
    }

    private static IEnumerable<PluginAdditionalOption> Throwing()
    {
        yield return new PluginAdditionalOption { Key = Settings.SettingsMapper.ShowOwnSession, Value = false };
        throw new InvalidOperationException("settings file is corrupt");
    }
}
