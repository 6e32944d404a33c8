using Community.PowerToys.Run.Plugin.SessionKiller.Prompt;
using Community.PowerToys.Run.Plugin.SessionKiller.Results;
using Community.PowerToys.Run.Plugin.SessionKiller.Tests.Support;
using NSubstitute;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Audit;
using SessionKiller.Core.Backend;
using System.Text.RegularExpressions;
using SessionKiller.Core.Bulk;
using SessionKiller.Core.Query;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Tests.Support;
using Wox.Plugin;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Tests;

[UseCulture]
public sealed class BulkItemTests : IDisposable
{
    private static readonly ActionContext Enter = new() { SpecialKeyState = new SpecialKeyState() };
    private static readonly ActionContext CtrlEnter = new() { SpecialKeyState = new SpecialKeyState { CtrlPressed = true } };

    private readonly PluginHarness plugin = new();

    public void Dispose() => plugin.Dispose();

    private static SessionInfo Idle(string user, int id, string server = "RDS01", double hours = 9, SessionState state = SessionState.Disconnected, bool current = false, bool console = false) =>
        TestSessions.User(user, id: id, server: server, state: state, idle: TimeSpan.FromHours(hours), current: current, console: console);

    private async Task StartAsync()
    {
        plugin.Serve("RDS01", Idle("bob", 3), Idle("ann", 4), Idle("cat", 5), Idle("dan", 6, hours: 1), Idle("me", 7, current: true), Idle("kiosk", 1, console: true), TestSessions.Services());
        plugin.Serve("RDS02", Idle("eve", 2, server: "RDS02"), Idle("fay", 3, server: "RDS02", state: SessionState.Active));
        await plugin.StartAsync("RDS01", "RDS02");
    }

    private Result Bulk(string search)
    {
        var first = plugin.Query(search)[0];
        Assert.IsType<BulkSelection>(first.ContextData);
        return first;
    }

    private int LogOffs => plugin.Backend.ReceivedCalls().Count(call => call.GetMethodInfo().Name == nameof(ISessionBackend.LogOffAsync));

    [Fact]
    public async Task A_filter_that_names_several_sessions_puts_the_bulk_item_first()
    {
        await StartAsync();

        var item = Bulk("idle:>8h state:disc");

        Assert.Equal("Sign out all 4 sessions: idle > 8 h, Disconnected", item.Title);
        Assert.Equal(@"CONTOSO\bob, CONTOSO\ann, CONTOSO\cat and 1 more · on RDS01, RDS02 · Enter asks once", item.SubTitle);
        Assert.True(item.Score > plugin.Query("idle:>8h state:disc").Skip(1).Max(result => result.Score));
    }

    [Theory]
    [InlineData("b")]
    [InlineData("bob")]
    [InlineData("ann bob")]
    [InlineData("#3")]
    public async Task A_query_of_name_words_or_a_session_id_never_gets_a_bulk_item(string search)
    {
        await StartAsync();

        Assert.DoesNotContain(plugin.Query(search), result => result.ContextData is BulkSelection);
    }

    [Fact]
    public async Task One_match_gets_no_bulk_item_and_own_and_console_sessions_are_not_counted()
    {
        await StartAsync();

        Assert.DoesNotContain(plugin.Query("state:act"), result => result.ContextData is BulkSelection);
        Assert.DoesNotContain(plugin.Query("idle:<2h @rds01"), result => result.ContextData is BulkSelection);
        Assert.Equal(4, ((BulkSelection)Bulk("@rds01").ContextData).Sessions.Count);
    }

    [Fact]
    public async Task Enter_confirms_once_naming_every_user_and_the_open_applications_then_signs_each_out_and_notifies_once()
    {
        await StartAsync();

        var hide = Bulk("idle:>8h state:disc").Action(Enter);

        Assert.True(hide);
        await plugin.Prompt.Received(1).ConfirmAsync(
            Arg.Is<Confirmation>(c => c.Action == SessionAction.LogOff && c.Group!.Count == 4 && c.Applications.SequenceEqual(new[] { "WINWORD" })),
            Arg.Any<CancellationToken>());
        Assert.Equal(("4 signed out", (string?)null), (await plugin.NextNotificationAsync()) with { Detail = null });
        Assert.Equal(4, LogOffs);
        await plugin.Backend.DidNotReceive().LogOffAsync("RDS01", 7, Arg.Any<bool>(), Arg.Any<CancellationToken>());
        await plugin.Backend.DidNotReceive().LogOffAsync("RDS01", 1, Arg.Any<bool>(), Arg.Any<CancellationToken>());
        Assert.False(plugin.HasNotification);
    }

    [Fact]
    public async Task No_in_the_one_confirmation_keeps_Run_open_and_touches_nobody()
    {
        await StartAsync();
        plugin.Prompt.ConfirmAsync(Arg.Any<Confirmation>(), Arg.Any<CancellationToken>()).Returns(false);

        var hide = Bulk("state:disc").Action(Enter);

        Assert.False(hide);
        Assert.Equal(0, LogOffs);
        Assert.False(plugin.HasNotification);
    }

    [Fact]
    public async Task The_bulk_is_confirmed_even_when_confirm_before_logoff_is_off()
    {
        await StartAsync();
        plugin.Configure(options => options[Settings.SettingsMapper.ConfirmBeforeLogoff].Value = false);
        plugin.Prompt.ConfirmAsync(Arg.Any<Confirmation>(), Arg.Any<CancellationToken>()).Returns(false);

        Assert.False(Bulk("state:disc").Action(Enter));
        Assert.Equal(0, LogOffs);
    }

    [Fact]
    public async Task The_one_notification_counts_each_outcome()
    {
        await StartAsync();
        var item = Bulk("idle:>8h state:disc");

        // Between listing and acting, ann's id 4 goes to someone else, and RDS02 refuses.
        plugin.Serve("RDS01", Idle("bob", 3), TestSessions.User("zed", id: 4, state: SessionState.Disconnected, logon: TestSessions.Now), Idle("cat", 5));
        plugin.Backend.LogOffAsync("RDS02", Arg.Any<int>(), Arg.Any<bool>(), Arg.Any<CancellationToken>()).Returns(new BackendResult(BackendFailure.AccessDenied()));
        plugin.Elevated = true;
        item.Action(Enter);

        var (text, detail) = await plugin.NextNotificationAsync();
        Assert.Equal("2 signed out, 1 changed since listed (not touched), 1 access denied", text);
        Assert.StartsWith("Bulk ", detail, StringComparison.Ordinal);
        await plugin.Backend.DidNotReceive().LogOffAsync("RDS01", 4, Arg.Any<bool>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_bulk_run_from_an_elevated_Run_audits_each_session_as_elevated()
    {
        await StartAsync();
        plugin.Elevated = true;

        Bulk("idle:>8h state:disc").Action(Enter);
        await plugin.NextNotificationAsync();

        var lines = plugin.AuditLog.ReceivedCalls().Select(call => call.GetArguments()).Where(arguments => arguments is [AuditEntry]).Select(arguments => (AuditEntry)arguments[0]!).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.True(line.Elevated));
    }

    [Fact]
    public async Task Ctrl_Enter_asks_everyone_first_and_a_disconnected_user_is_not_asked()
    {
        plugin.Serve("RDS01", Idle("bob", 3, state: SessionState.Active), Idle("ann", 4, state: SessionState.Active), Idle("cat", 5));
        await plugin.StartAsync("RDS01");

        Bulk("idle:>8h").Action(CtrlEnter);

        Assert.Equal("2 signed out, 1 disconnected, nobody to ask", (await plugin.NextNotificationAsync()).Text);
        await plugin.Backend.Received(2).SendMessageAsync(Arg.Is<MessageRequest>(m => m.Buttons == MessageButtons.YesNo), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task The_context_menu_offers_every_action_on_all_and_the_list()
    {
        await StartAsync();

        var menu = plugin.Main.LoadContextMenus(Bulk("state:disc"));

        Assert.Equal(
            ["Sign out all (Ctrl+Delete)", "Ask all first (Ctrl+Enter)", "Disconnect all (Ctrl+D)", "Send message to all (Ctrl+M)", "Copy the list (Ctrl+C)"],
            menu.Select(item => item.Title));
    }

    [Fact]
    public async Task Disconnect_all_and_send_message_to_all_reach_each_session()
    {
        await StartAsync();
        var menu = plugin.Main.LoadContextMenus(Bulk("idle:>8h state:disc"));

        menu[2].Action(Enter);
        Assert.Equal("4 disconnected", (await plugin.NextNotificationAsync()).Text);
        menu[3].Action(Enter);
        Assert.Equal("4 messaged", (await plugin.NextNotificationAsync()).Text);

        await plugin.Backend.Received(4).DisconnectAsync(Arg.Any<string>(), Arg.Any<int>(), Arg.Any<bool>(), Arg.Any<CancellationToken>());
        await plugin.Backend.Received(4).SendMessageAsync(Arg.Is<MessageRequest>(m => m.Buttons == MessageButtons.Ok), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Copy_the_list_puts_one_line_per_session_on_the_clipboard()
    {
        await StartAsync();
        string? copied = null;
        plugin.Clipboard.TrySetText(Arg.Do<string>(text => copied = text)).Returns(true);

        plugin.Main.LoadContextMenus(Bulk("idle:>8h state:disc"))[4].Action(Enter);

        var lines = copied!.Split(Environment.NewLine);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("bob — Disconnected", lines[0], StringComparison.Ordinal);
        Assert.Contains("session 2 on RDS02", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    [UseCulture("de")]
    public async Task The_item_and_the_notification_speak_German()
    {
        await StartAsync();

        var item = Bulk("idle:>8h state:disc");
        Assert.Equal("Alle 4 Sitzungen abmelden: inaktiv > 8 Std., Getrennt", item.Title);

        plugin.Elevated = true;
        item.Action(Enter);
        Assert.Equal("4 abgemeldet", (await plugin.NextNotificationAsync()).Text);
    }

    [Theory]
    [InlineData("idle:>2d", "idle > 2 d")]
    [InlineData("idle:>36h", "idle > 36 h")]
    [InlineData("idle:<90m", "idle < 1 h 30 min")]
    [InlineData("state:disc @rds01 bob", "Disconnected, \u201cbob\u201d, on rds01")]
    [InlineData("@localhost", "on this PC")]
    public void Filters_read_as_typed(string search, string expected)
    {
        Assert.Equal(Regex.Unescape(expected), BulkText.Filters(QueryParser.Parse(search).Query!));
    }

    [Fact]
    [UseCulture("de")]
    public void Filters_read_as_typed_in_German()
    {
        Assert.Equal("inaktiv > 2 T., Getrennt oder Leerlauf", BulkText.Filters(QueryParser.Parse("idle:>2d state:disc state:idle").Query!));
    }

    [Fact]
    public async Task The_confirmation_box_names_all_users_the_servers_and_the_open_applications()
    {
        var box = Substitute.For<IMessageBox>();
        string? text = null;
        string? title = null;
        box.Show(Arg.Do<string>(value => text = value), Arg.Do<string>(value => title = value), Arg.Any<uint>()).Returns(6);
        var sessions = Enumerable.Range(2, 30).Select(id => Idle($"user{id}", id, server: id % 2 == 0 ? "RDS01" : "RDS02")).ToArray();
        var confirmation = new Confirmation(SessionAction.LogOff, sessions[0], ConfirmationWarning.None, ["EXCEL", "WINWORD"], "", "") { Group = sessions };

        await new MessageBoxPrompt(box).ConfirmAsync(confirmation, CancellationToken.None);

        Assert.Equal("Sign out 30 sessions?", title);
        Assert.All(sessions, session => Assert.Contains(session.QualifiedUserName + (session.SessionId == 31 ? "" : ","), text, StringComparison.Ordinal));
        Assert.Contains("Users (30):", text, StringComparison.Ordinal);
        Assert.Contains("On: RDS01, RDS02", text, StringComparison.Ordinal);
        Assert.Contains("Open applications: EXCEL, WINWORD.", text, StringComparison.Ordinal);
        Assert.Contains("checked again just before", text, StringComparison.Ordinal);
    }
}
