using Community.PowerToys.Run.Plugin.SessionKiller.Tests.Support;
using NSubstitute;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Audit;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Settings;
using SessionKiller.Core.Tests.Support;
using Wox.Plugin;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Tests;

[UseCulture]
public sealed class ActionTests : IDisposable
{
    private static readonly ActionContext Enter = new() { SpecialKeyState = new SpecialKeyState() };
    private static readonly ActionContext CtrlEnter = new() { SpecialKeyState = new SpecialKeyState { CtrlPressed = true } };

    private readonly PluginHarness plugin = new();
    private readonly SessionInfo bob = TestSessions.User("bob", id: 3, idle: TimeSpan.FromHours(2), client: "LAPTOP-7");

    public void Dispose() => plugin.Dispose();

    [Fact]
    public async Task Enter_confirms_naming_the_open_applications_then_logs_off_and_reports()
    {
        await StartAsync();

        var hide = plugin.Only("bob").Action(Enter);

        Assert.True(hide);
        await plugin.Prompt.Received(1).ConfirmAsync(
            Arg.Is<Confirmation>(c => c.Action == SessionAction.LogOff && c.Session.UserName == "bob" && c.Applications.SequenceEqual(new[] { "WINWORD" })),
            Arg.Any<CancellationToken>());
        Assert.Equal((@"CONTOSO\bob was signed out of session 3 on RDS01.", (string?)null), await plugin.NextNotificationAsync());
        await plugin.Backend.Received(1).LogOffAsync("RDS01", 3, true, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task No_in_the_confirmation_keeps_Run_open_and_does_nothing()
    {
        await StartAsync();
        plugin.Prompt.ConfirmAsync(Arg.Any<Confirmation>(), Arg.Any<CancellationToken>()).Returns(false);

        var hide = plugin.Only("bob").Action(Enter);

        Assert.False(hide);
        await plugin.WaitForReadsAsync("RDS01", 3);
        await plugin.Backend.DidNotReceive().LogOffAsync(Arg.Any<string>(), Arg.Any<int>(), Arg.Any<bool>(), Arg.Any<CancellationToken>());
        Assert.False(plugin.HasNotification);
    }

    [Fact]
    public async Task The_confirmation_is_asked_on_the_thread_that_ran_the_action()
    {
        await StartAsync();
        int? promptThread = null;
        plugin.Prompt.ConfirmAsync(Arg.Any<Confirmation>(), Arg.Any<CancellationToken>())
            .Returns(_ =>
            {
                promptThread = Environment.CurrentManagedThreadId;
                return true;
            });

        plugin.Only("bob").Action(Enter);

        Assert.Equal(Environment.CurrentManagedThreadId, promptThread);
        await plugin.NextNotificationAsync();
    }

    [Fact]
    public async Task With_confirmation_off_Enter_logs_off_without_asking()
    {
        await StartAsync();
        plugin.Configure(options => options[Settings.SettingsMapper.ConfirmBeforeLogoff].Value = false);

        Assert.True(plugin.Only("bob").Action(Enter));

        Assert.Contains("was signed out", (await plugin.NextNotificationAsync()).Text, StringComparison.Ordinal);
        await plugin.Prompt.DidNotReceive().ConfirmAsync(Arg.Any<Confirmation>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task The_log_off_menu_item_does_what_Enter_does()
    {
        await StartAsync();

        Assert.True(Menu(0).Action(Enter));

        Assert.Contains("was signed out", (await plugin.NextNotificationAsync()).Text, StringComparison.Ordinal);
        await plugin.Backend.Received(1).LogOffAsync("RDS01", 3, true, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Ask_first_asks_the_user_in_the_background_and_ends_in_a_notification()
    {
        await StartAsync();
        var answer = new TaskCompletionSource<BackendResult<MessageAnswer>>();
        plugin.Backend.SendMessageAsync(Arg.Any<MessageRequest>(), Arg.Any<CancellationToken>()).Returns(answer.Task);

        var hide = Menu(1).Action(Enter);

        // Run hides while the question is still open on the user's screen.
        Assert.True(hide);
        Assert.False(plugin.HasNotification);
        answer.SetResult(BackendResult<MessageAnswer>.Success(MessageAnswer.Yes));
        Assert.Equal(@"CONTOSO\bob said Yes and was signed out of session 3 on RDS01.", (await plugin.NextNotificationAsync()).Text);
        await plugin.Backend.Received(1).SendMessageAsync(
            Arg.Is<MessageRequest>(m => m.Buttons == MessageButtons.YesNo && m.Timeout == TimeSpan.FromSeconds(60) && m.Text.Contains(@"CONTOSO\admin", StringComparison.Ordinal)),
            Arg.Any<CancellationToken>());
        await plugin.Prompt.DidNotReceive().ConfirmAsync(Arg.Any<Confirmation>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Ctrl_Enter_on_a_result_asks_first()
    {
        await StartAsync();
        plugin.Backend.SendMessageAsync(Arg.Any<MessageRequest>(), Arg.Any<CancellationToken>())
            .Returns(BackendResult<MessageAnswer>.Success(MessageAnswer.No));

        Assert.True(plugin.Only("bob").Action(CtrlEnter));

        Assert.Equal(@"CONTOSO\bob said No: still signed in to session 3 on RDS01.", (await plugin.NextNotificationAsync()).Text);
        await plugin.Backend.DidNotReceive().LogOffAsync(Arg.Any<string>(), Arg.Any<int>(), Arg.Any<bool>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Ask_first_that_signs_out_without_an_answer_is_confirmed_first_with_the_configured_timeout()
    {
        await StartAsync();
        plugin.Configure(options =>
        {
            options[Settings.SettingsMapper.OnNoAnswer].ComboBoxValue = (int)TimeoutPolicy.LogOff;
            options[Settings.SettingsMapper.AskFirstTimeoutSeconds].NumberValue = 120;
        });
        plugin.Backend.SendMessageAsync(Arg.Any<MessageRequest>(), Arg.Any<CancellationToken>())
            .Returns(BackendResult<MessageAnswer>.Success(MessageAnswer.Timeout));

        Assert.True(Menu(1).Action(Enter));

        Assert.Equal(@"CONTOSO\bob did not answer and was signed out of session 3 on RDS01.", (await plugin.NextNotificationAsync()).Text);
        await plugin.Prompt.Received(1).ConfirmAsync(Arg.Is<Confirmation>(c => c.Action == SessionAction.AskFirst), Arg.Any<CancellationToken>());
        await plugin.Backend.Received(1).SendMessageAsync(Arg.Is<MessageRequest>(m => m.Timeout == TimeSpan.FromSeconds(120)), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Disconnect_disconnects_without_a_confirmation()
    {
        await StartAsync();

        Assert.True(Menu(2).Action(Enter));

        Assert.Equal(@"CONTOSO\bob was disconnected from session 3 on RDS01; the session and its programs keep running.", (await plugin.NextNotificationAsync()).Text);
        await plugin.Backend.Received(1).DisconnectAsync("RDS01", 3, true, Arg.Any<CancellationToken>());
        await plugin.Prompt.DidNotReceive().ConfirmAsync(Arg.Any<Confirmation>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Send_message_sends_the_configured_text_with_the_names_filled_in()
    {
        await StartAsync();
        plugin.Configure(options => options[Settings.SettingsMapper.MessageText].TextValue = "Hi {user},\rplease save: {admin} signs you out at noon.");

        Assert.True(Menu(3).Action(Enter));

        Assert.Equal(@"The message was sent to CONTOSO\bob (session 3 on RDS01).", (await plugin.NextNotificationAsync()).Text);
        await plugin.Backend.Received(1).SendMessageAsync(
            Arg.Is<MessageRequest>(m => m.Text == "Hi bob,\nplease save: CONTOSO\\admin signs you out at noon." && m.Buttons == MessageButtons.Ok),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    [UseCulture("de")]
    public async Task Send_message_titles_the_box_in_the_users_language()
    {
        await StartAsync();

        Assert.True(Menu(3).Action(Enter));

        await plugin.NextNotificationAsync();
        await plugin.Backend.Received(1).SendMessageAsync(Arg.Is<MessageRequest>(m => m.Title == @"Nachricht von CONTOSO\admin"), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Send_message_leaves_seconds_as_typed_because_a_plain_message_waits_for_no_answer()
    {
        await StartAsync();
        plugin.Configure(options =>
        {
            options[Settings.SettingsMapper.MessageText].TextValue = "Back in {seconds} s, {user}.";
            options[Settings.SettingsMapper.AskFirstTimeoutSeconds].NumberValue = 45;
        });

        Assert.True(Menu(3).Action(Enter));

        await plugin.NextNotificationAsync();
        await plugin.Backend.Received(1).SendMessageAsync(Arg.Is<MessageRequest>(m => m.Text == "Back in {seconds} s, bob."), Arg.Any<CancellationToken>());
    }

    [Fact]
    public void An_outcome_shows_the_names_in_it_on_one_clean_line()
    {
        var target = TestSessions.User("bob\u202Eexe.txt", id: 3).Identity;
        var changed = new ActionOutcome(OutcomeKind.Changed, SessionAction.LogOff, target, "Session 3 on RDS01 now belongs to CONTOSO\\eve\r\nbob was signed out.");

        var (_, detail) = Actions.OutcomeText.For(changed);
        var (text, _) = Actions.OutcomeText.For(changed with { Kind = OutcomeKind.Done });

        Assert.Equal(@"CONTOSO\bob?exe.txt was signed out of session 3 on RDS01.", text);
        Assert.Equal("Session 3 on RDS01 now belongs to CONTOSO\\eve  bob was signed out.", detail);
    }

    [Fact]
    public async Task Copy_details_puts_every_field_on_the_clipboard()
    {
        await StartAsync();

        Assert.True(Menu(4).Action(Enter));

        plugin.Clipboard.Received(1).TrySetText(Arg.Is<string>(text =>
            text.StartsWith(@"CONTOSO\bob", StringComparison.Ordinal) && text.Contains("Session: 3", StringComparison.Ordinal) && text.Contains("Client: LAPTOP-7 (10.0.0.7)", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_clipboard_that_cannot_be_written_keeps_Run_open()
    {
        await StartAsync();
        plugin.Clipboard.TrySetText(Arg.Any<string>()).Returns(false);

        Assert.False(Menu(4).Action(Enter));
    }

    [Fact]
    public async Task Access_denied_while_Run_is_not_elevated_goes_through_the_elevated_helper()
    {
        await StartAsync();
        plugin.Backend.LogOffAsync(Arg.Any<string>(), Arg.Any<int>(), Arg.Any<bool>(), Arg.Any<CancellationToken>()).Returns(BackendFailure.AccessDenied());
        plugin.Elevation.RunElevatedAsync(Arg.Any<ActionRequest>(), Arg.Any<CancellationToken>()).Returns(new ElevatedResult(OutcomeKind.Done));

        Assert.True(plugin.Only("bob").Action(Enter));

        Assert.Equal(@"CONTOSO\bob was signed out of session 3 on RDS01.", (await plugin.NextNotificationAsync()).Text);
        await plugin.Elevation.Received(1).RunElevatedAsync(
            Arg.Is<ActionRequest>(r => r.Action == SessionAction.LogOff && r.Confirmed && r.Target == bob.Identity),
            Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData(OutcomeKind.NoAnswer, @"CONTOSO\bob did not answer: still signed in to session 3 on RDS01.")]
    [InlineData(OutcomeKind.NobodyToAsk, @"CONTOSO\bob is disconnected from session 3 on RDS01")]
    public async Task An_elevated_ask_first_is_notified_with_the_helpers_exact_outcome_not_as_a_No(OutcomeKind helperOutcome, string expected)
    {
        await StartAsync();
        plugin.Backend.SendMessageAsync(Arg.Any<MessageRequest>(), Arg.Any<CancellationToken>()).Returns(BackendFailure.AccessDenied());
        plugin.Elevation.RunElevatedAsync(Arg.Any<ActionRequest>(), Arg.Any<CancellationToken>())
            .Returns(new ElevatedResult(helperOutcome, "The helper's own sentence.") { HelperReported = true, AuditLogPath = @"C:\ProgramData\SessionKiller\audit.jsonl" });

        Assert.True(Menu(1).Action(Enter));

        var (text, detail) = await plugin.NextNotificationAsync();
        Assert.StartsWith(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain("said No", text, StringComparison.Ordinal);
        Assert.Contains("The helper's own sentence.", detail, StringComparison.Ordinal);
        Assert.Contains(@"C:\ProgramData\SessionKiller\audit.jsonl", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_UAC_prompt_reports_Cancelled_and_nothing_else()
    {
        await StartAsync();
        plugin.Backend.LogOffAsync(Arg.Any<string>(), Arg.Any<int>(), Arg.Any<bool>(), Arg.Any<CancellationToken>()).Returns(BackendFailure.AccessDenied());
        plugin.Elevation.RunElevatedAsync(Arg.Any<ActionRequest>(), Arg.Any<CancellationToken>()).Returns(new ElevatedResult(OutcomeKind.Cancelled));

        plugin.Only("bob").Action(Enter);

        Assert.Equal((@"Cancelled: nothing was done to CONTOSO\bob.", (string?)null), await plugin.NextNotificationAsync());
    }

    [Fact]
    public async Task Access_denied_while_Run_is_elevated_is_reported_without_UAC()
    {
        plugin.Elevated = true;
        await StartAsync();
        plugin.Backend.LogOffAsync(Arg.Any<string>(), Arg.Any<int>(), Arg.Any<bool>(), Arg.Any<CancellationToken>()).Returns(BackendFailure.AccessDenied());

        plugin.Only("bob").Action(Enter);

        var (text, detail) = await plugin.NextNotificationAsync();
        Assert.Equal(@"Access denied on RDS01: run as administrator to act on CONTOSO\bob.", text);
        Assert.Equal("Access is denied. (error 5)", detail);
        await plugin.Elevation.DidNotReceive().RunElevatedAsync(Arg.Any<ActionRequest>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_session_id_that_now_belongs_to_someone_else_is_left_alone()
    {
        await StartAsync();
        var result = plugin.Only("bob");
        plugin.Serve("RDS01", TestSessions.User("carol", id: 3));

        result.Action(Enter);

        var (text, detail) = await plugin.NextNotificationAsync();
        Assert.Equal("Nothing was done: session 3 on RDS01 changed since it was listed.", text);
        Assert.Contains(@"CONTOSO\carol", detail, StringComparison.Ordinal);
        await plugin.Backend.DidNotReceive().LogOffAsync(Arg.Any<string>(), Arg.Any<int>(), Arg.Any<bool>(), Arg.Any<CancellationToken>());
        await plugin.Prompt.DidNotReceive().ConfirmAsync(Arg.Any<Confirmation>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task After_an_action_the_server_is_read_again_and_the_user_is_gone_from_the_list()
    {
        await StartAsync();
        plugin.Backend.LogOffAsync(Arg.Any<string>(), Arg.Any<int>(), Arg.Any<bool>(), Arg.Any<CancellationToken>())
            .Returns(_ =>
            {
                plugin.Serve("RDS01");
                return BackendResult.Success;
            });

        plugin.Only("bob").Action(Enter);
        await plugin.NextNotificationAsync();

        // Nothing else reads the server here (the fake clock stands still): only the read after the action can empty the list.
        await PluginHarness.EventuallyAsync(() => plugin.Query() is [{ Title: "Nobody is signed in" }]);
    }

    [Fact]
    public async Task Every_action_is_audited_as_the_person_running_Run()
    {
        await StartAsync();

        plugin.Only("bob").Action(Enter);
        await plugin.NextNotificationAsync();

        plugin.AuditLog.Received(1).TryAppend(Arg.Is<AuditEntry>(entry =>
            entry.Actor == PluginHarness.Actor && entry.Action == SessionAction.LogOff && entry.Phase == AuditPhase.AboutTo && entry.Target == bob.Identity));
        plugin.AuditLog.Received(1).TryAppend(Arg.Is<AuditEntry>(entry =>
            entry.Actor == PluginHarness.Actor && entry.Action == SessionAction.LogOff && entry.Outcome == OutcomeKind.Done && entry.Target == bob.Identity));
    }

    [Fact]
    public async Task An_audit_line_that_could_not_be_written_is_mentioned()
    {
        await StartAsync();
        plugin.AuditLog.TryAppend(Arg.Is<AuditEntry>(entry => entry.Phase == AuditPhase.Outcome)).Returns(false);

        plugin.Only("bob").Action(Enter);

        Assert.Equal("The audit line could not be written.", (await plugin.NextNotificationAsync()).Detail);
    }

    [Fact]
    public async Task A_confirmation_asked_after_Run_stopped_waiting_is_still_shown()
    {
        await StartAsync();
        var slowRead = new TaskCompletionSource<BackendResult<IReadOnlyList<SessionInfo>>>();
        var result = plugin.Only("bob");
        plugin.Backend.EnumerateSessionsAsync("RDS01", Arg.Any<CancellationToken>()).Returns(slowRead.Task);

        var launched = Task.Run(() => result.Action(Enter));
        Assert.True(await launched.WaitAsync(TimeSpan.FromSeconds(30)));

        // Run gave up waiting for the slow read and hid; the box comes when the read does.
        slowRead.SetResult(BackendResult<IReadOnlyList<SessionInfo>>.Success([bob]));
        Assert.Contains("was signed out", (await plugin.NextNotificationAsync()).Text, StringComparison.Ordinal);
        await plugin.Prompt.Received(1).ConfirmAsync(Arg.Any<Confirmation>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task An_action_on_a_server_that_hangs_ends_after_the_server_timeout()
    {
        await StartAsync();
        plugin.Backend.DisconnectAsync(Arg.Any<string>(), Arg.Any<int>(), Arg.Any<bool>(), Arg.Any<CancellationToken>())
            .Returns(new TaskCompletionSource<BackendResult>().Task);

        Assert.True(Menu(2).Action(Enter));
        await PluginHarness.EventuallyAsync(() => plugin.Backend.ReceivedCalls().Any(call => call.GetMethodInfo().Name == nameof(ISessionBackend.DisconnectAsync)));

        Assert.False(plugin.HasNotification);
        await AdvanceUntilNotifiedAsync(TimeSpan.FromSeconds(10));

        var (text, detail) = await plugin.NextNotificationAsync();
        Assert.StartsWith("RDS01 did not answer in time; it may still happen to CONTOSO\\bob", text, StringComparison.Ordinal);
        Assert.Contains("No answer within 10 s.", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_action_that_ends_after_its_timeout_makes_the_catalog_read_its_server_again()
    {
        await StartAsync();
        var late = new TaskCompletionSource<BackendResult>();
        plugin.Backend.DisconnectAsync(Arg.Any<string>(), Arg.Any<int>(), Arg.Any<bool>(), Arg.Any<CancellationToken>()).Returns(late.Task);
        Assert.True(Menu(2).Action(Enter));
        await PluginHarness.EventuallyAsync(() => plugin.Backend.ReceivedCalls().Any(call => call.GetMethodInfo().Name == nameof(ISessionBackend.DisconnectAsync)));
        await AdvanceUntilNotifiedAsync(TimeSpan.FromSeconds(10));
        await plugin.NextNotificationAsync();
        await PluginHarness.EventuallyAsync(() => Reads() >= 4);
        var readsBefore = Reads();

        late.SetResult(BackendResult.Success);

        await PluginHarness.EventuallyAsync(() => Reads() > readsBefore);
    }

    private int Reads() => plugin.Backend.ReceivedCalls().Count(call => call.GetMethodInfo().Name == nameof(ISessionBackend.EnumerateSessionsAsync));

    private ContextMenuResult Menu(int position) => plugin.Main.LoadContextMenus(plugin.Only("bob"))[position];

    private async Task StartAsync()
    {
        plugin.Serve("RDS01", bob);
        await plugin.StartAsync("RDS01");
    }

    /// <summary>
    /// The backend sees the call a moment before the timeout's timer exists: advancing the clock once, at
    /// that moment, would pass the timer by. Advance in steps until the outcome is notified.
    /// </summary>
    private async Task AdvanceUntilNotifiedAsync(TimeSpan step) =>
        await PluginHarness.EventuallyAsync(() =>
        {
            plugin.FakeTime.Advance(step);
            return plugin.HasNotification;
        });
}
