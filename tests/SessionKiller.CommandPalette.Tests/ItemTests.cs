using Community.PowerToys.Run.Plugin.SessionKiller.Results;
using Microsoft.CommandPalette.Extensions;
using Microsoft.CommandPalette.Extensions.Toolkit;
using SessionKiller.CommandPalette.Tests.Support;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Tests.Support;
using Windows.System;

namespace SessionKiller.CommandPalette.Tests;

[UseCulture]
public sealed class ItemTests : IDisposable
{
    private readonly ExtensionHarness harness = new();
    private readonly SessionInfo bob = TestSessions.User("bob", id: 3, state: SessionState.Disconnected, idle: TimeSpan.FromMinutes(134), client: "LAPTOP-7");

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task An_item_shows_the_title_and_subtitle_the_plugin_shows()
    {
        var item = await BobAsync();
        var text = new SessionText(harness.Time);

        Assert.Equal(SessionText.Title(bob), item.Title);
        Assert.Equal(text.Subtitle(bob), item.Subtitle);
        Assert.Equal("bob \u2014 Disconnected, idle 2 h 14 min", item.Title);
    }

    [Fact]
    public async Task Tags_show_the_state_and_the_idle_time()
    {
        var item = await BobAsync();

        Assert.Equal(["Disconnected", "idle 2 h 14 min"], item.Tags.Select(tag => tag.Text));
    }

    [Fact]
    public async Task The_details_pane_holds_every_field()
    {
        var details = (await BobAsync()).Details;

        Assert.Equal(@"CONTOSO\bob", details.Title);
        foreach (var fact in new[] { "3", "RDS01", "Disconnected", "2 h 14 min", "LAPTOP-7 (10.0.0.7)", "RDP-Tcp#1" })
        {
            Assert.Contains(fact, details.Body);
        }
    }

    [Fact]
    public async Task More_commands_are_ask_first_disconnect_send_message_and_copy_with_the_plugins_shortcuts()
    {
        var more = (await BobAsync()).MoreCommands.Cast<ICommandContextItem>().ToArray();

        Assert.Equal(["Ask first", "Disconnect", "Send message", "Copy details"], more.Select(item => item.Title));
        Assert.All(more, item => Assert.Equal(VirtualKeyModifiers.Control, item.RequestedShortcut.Modifiers));
        Assert.Equal([(int)VirtualKey.Enter, (int)VirtualKey.D, (int)VirtualKey.M, (int)VirtualKey.C], more.Select(item => item.RequestedShortcut.Vkey));
    }

    [Fact]
    public async Task Copy_details_copies_the_title_and_every_field()
    {
        var copy = Assert.IsType<CopyTextCommand>((await BobAsync()).MoreCommands.Cast<ICommandContextItem>().Last().Command);

        Assert.StartsWith(@"CONTOSO\bob" + Environment.NewLine, copy.Text);
        Assert.Contains("LAPTOP-7", copy.Text);
    }

    [Fact]
    public async Task The_top_level_command_carries_a_stable_id_for_its_alias()
    {
        await harness.StartAsync("RDS01");

        Assert.Same(harness.Page, ((ICommandProvider)harness.Provider).GetCommand("SessionKiller.SignUsersOut"));
        Assert.Null(((ICommandProvider)harness.Provider).GetCommand("something else"));
    }

    private async Task<IListItem> BobAsync()
    {
        harness.Serve("RDS01", bob);
        await harness.StartAsync("RDS01");
        return harness.Only("bob");
    }
}
