using NSubstitute;
using NSubstitute.ExceptionExtensions;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Audit;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Settings;
using SessionKiller.Core.Tests.Support;

namespace SessionKiller.Core.Tests.Actions;

public class ActionRunnerTests
{
    private static readonly SessionInfo Bob = TestSessions.User("bob", id: 3, state: SessionState.Disconnected, idle: TimeSpan.FromMinutes(134), client: "LAPTOP-7");

    [Fact]
    public async Task Logoff_signs_out_the_verified_session_and_says_so()
    {
        var harness = new RunnerHarness(Bob);

        var outcome = await harness.Run(SessionAction.LogOff, Bob);

        Assert.Equal(OutcomeKind.Done, outcome.Kind);
        Assert.Contains(@"CONTOSO\bob was signed out of session 3 on RDS01", outcome.Sentence, StringComparison.Ordinal);
        await harness.Backend.Received(1).LogOffAsync("RDS01", 3, true, Arg.Any<CancellationToken>());
        Assert.True(outcome.Audited);
    }

    [Fact]
    public async Task Logoff_passes_no_wait_through()
    {
        var harness = new RunnerHarness(Bob);

        await harness.Run(SessionAction.LogOff, Bob, request => request with { Wait = false });

        await harness.Backend.Received(1).LogOffAsync("RDS01", 3, false, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Logoff_refuses_when_the_id_now_belongs_to_someone_else()
    {
        var harness = new RunnerHarness(TestSessions.User("eve", id: 3));

        var outcome = await harness.Run(SessionAction.LogOff, Bob);

        Assert.Equal(OutcomeKind.Changed, outcome.Kind);
        Assert.Contains(@"now belongs to CONTOSO\eve", outcome.Sentence, StringComparison.Ordinal);
        Assert.Equal(0, harness.LogOffCalls);
        await harness.Prompt.DidNotReceiveWithAnyArgs().ConfirmAsync(default!, default);
    }

    [Fact]
    public async Task Logoff_refuses_when_the_same_user_signed_in_again()
    {
        var harness = new RunnerHarness(Bob with { LogonTime = Bob.LogonTime!.Value.AddMinutes(5) });

        var outcome = await harness.Run(SessionAction.LogOff, Bob);

        Assert.Equal(OutcomeKind.Changed, outcome.Kind);
        Assert.Contains("new sign-in", outcome.Sentence, StringComparison.Ordinal);
        Assert.Equal(0, harness.LogOffCalls);
    }

    [Fact]
    public async Task Logoff_refuses_when_the_logon_time_differs_by_a_single_tick()
    {
        var harness = new RunnerHarness(Bob with { LogonTime = Bob.LogonTime!.Value.AddTicks(1) });

        var outcome = await harness.Run(SessionAction.LogOff, Bob);

        Assert.Equal(OutcomeKind.Changed, outcome.Kind);
        Assert.Equal(0, harness.LogOffCalls);
    }

    [Fact]
    public async Task Logoff_refuses_when_the_logon_time_can_no_longer_be_read_and_says_so()
    {
        var harness = new RunnerHarness(Bob with { LogonTime = null });

        var outcome = await harness.Run(SessionAction.LogOff, Bob);

        Assert.Equal(OutcomeKind.Changed, outcome.Kind);
        Assert.Contains("cannot be confirmed as the same sign-in", outcome.Sentence, StringComparison.Ordinal);
        Assert.Equal(0, harness.LogOffCalls);
    }

    [Fact]
    public async Task Logoff_refuses_when_the_domain_changed()
    {
        var harness = new RunnerHarness(Bob with { DomainName = "FABRIKAM" });

        var outcome = await harness.Run(SessionAction.LogOff, Bob);

        Assert.Equal(OutcomeKind.Changed, outcome.Kind);
        Assert.Equal(0, harness.LogOffCalls);
    }

    [Fact]
    public async Task Identity_comparison_ignores_the_case_of_user_and_domain()
    {
        var harness = new RunnerHarness(Bob with { UserName = "BOB", DomainName = "contoso" });

        var outcome = await harness.Run(SessionAction.LogOff, Bob);

        Assert.Equal(OutcomeKind.Done, outcome.Kind);
    }

    [Fact]
    public async Task Logoff_reports_a_session_that_is_gone()
    {
        var harness = new RunnerHarness(TestSessions.User("alice", id: 4));

        var outcome = await harness.Run(SessionAction.LogOff, Bob);

        Assert.Equal(OutcomeKind.Gone, outcome.Kind);
        Assert.Contains("no longer exists", outcome.Sentence, StringComparison.Ordinal);
        Assert.Equal(0, harness.LogOffCalls);
    }

    public static TheoryData<SessionInfo, string> SystemSessions => new()
    {
        { TestSessions.Services(), "services session" },
        { TestSessions.Listener(id: 3), "listener" },
        { new SessionInfo { ServerName = "RDS01", SessionId = 3, State = SessionState.Connected, StationName = "Console" }, "nobody is signed in" },
    };

    [Theory]
    [MemberData(nameof(SystemSessions))]
    public async Task Every_action_refuses_system_sessions(SessionInfo system, string reason)
    {
        foreach (var action in Enum.GetValues<SessionAction>())
        {
            var harness = new RunnerHarness(system);

            var outcome = await harness.Run(action, system, request => request with { MessageText = "hello" });

            Assert.Equal(OutcomeKind.Refused, outcome.Kind);
            Assert.Contains(reason, outcome.Sentence, StringComparison.Ordinal);
            Assert.Equal(1, harness.CallsTo(nameof(ISessionBackend.EnumerateSessionsAsync)));
            Assert.Equal(0, harness.Backend.ReceivedCalls().Count() - 1);
        }
    }

    [Fact]
    public async Task Refuses_a_target_whose_id_became_a_listener()
    {
        var harness = new RunnerHarness(TestSessions.Listener(id: 3));

        var outcome = await harness.Run(SessionAction.LogOff, Bob);

        Assert.Equal(OutcomeKind.Refused, outcome.Kind);
        Assert.Equal(0, harness.LogOffCalls);
    }

    public static TheoryData<FailureKind, OutcomeKind> FailureMapping => new()
    {
        { FailureKind.AccessDenied, OutcomeKind.AccessDenied },
        { FailureKind.ServerUnavailable, OutcomeKind.ServerUnavailable },
        { FailureKind.SessionGone, OutcomeKind.Gone },
        { FailureKind.NotSupported, OutcomeKind.NotSupported },
        { FailureKind.TimedOut, OutcomeKind.TimedOut },
        { FailureKind.Failed, OutcomeKind.Failed },
    };

    [Theory]
    [MemberData(nameof(FailureMapping))]
    public async Task A_failed_read_before_acting_does_nothing_and_says_why(FailureKind failure, OutcomeKind expected)
    {
        var harness = new RunnerHarness(Bob);
        harness.ServerReadFails(new BackendFailure(failure, 1234, "Something specific went wrong."));

        var outcome = await harness.Run(SessionAction.LogOff, Bob);

        Assert.Equal(expected, outcome.Kind);
        Assert.Equal(0, harness.LogOffCalls);
        Assert.Equal(expected, harness.LastAudit!.Outcome);
    }

    public static TheoryData<FailureKind, OutcomeKind> ActionFailureMapping => new()
    {
        { FailureKind.AccessDenied, OutcomeKind.AccessDenied },
        { FailureKind.ServerUnavailable, OutcomeKind.ServerUnavailable },
        { FailureKind.SessionGone, OutcomeKind.Gone },
        { FailureKind.NotSupported, OutcomeKind.NotSupported },
        { FailureKind.TimedOut, OutcomeKind.Unknown },
        { FailureKind.Failed, OutcomeKind.Failed },
    };

    [Theory]
    [MemberData(nameof(ActionFailureMapping))]
    public async Task A_failed_logoff_becomes_a_typed_outcome(FailureKind failure, OutcomeKind expected)
    {
        var harness = new RunnerHarness(Bob);
        harness.Backend.LogOffAsync(default!, default, default, default).ReturnsForAnyArgs(Task.FromResult(new BackendResult(new BackendFailure(failure, 1234, "Something specific went wrong."))));

        var outcome = await harness.Run(SessionAction.LogOff, Bob);

        Assert.Equal(expected, outcome.Kind);
        Assert.Equal(failure, outcome.Failure!.Kind);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Sentence));
        Assert.Equal(expected, harness.LastAudit!.Outcome);
    }

    [Fact]
    public async Task An_unknown_failure_keeps_the_code_and_the_system_text_in_the_sentence()
    {
        var harness = new RunnerHarness(Bob);
        harness.Backend.LogOffAsync(default!, default, default, default).ReturnsForAnyArgs(Task.FromResult(new BackendResult(BackendFailure.Failed(1337, "The frobnicator is full."))));

        var outcome = await harness.Run(SessionAction.LogOff, Bob);

        Assert.Contains("The frobnicator is full, error 1337", outcome.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logoff_asks_for_confirmation_when_the_setting_is_on()
    {
        var harness = new RunnerHarness(Bob);

        await harness.Run(SessionAction.LogOff, Bob);

        await harness.Prompt.ReceivedWithAnyArgs(1).ConfirmAsync(default!, default);
    }

    [Fact]
    public async Task Logoff_does_not_ask_when_the_setting_is_off()
    {
        var harness = new RunnerHarness(Bob) { Settings = SessionKillerSettings.Default with { ConfirmBeforeLogoff = false } };

        var outcome = await harness.Run(SessionAction.LogOff, Bob);

        Assert.Equal(OutcomeKind.Done, outcome.Kind);
        await harness.Prompt.DidNotReceiveWithAnyArgs().ConfirmAsync(default!, default);
    }

    [Fact]
    public async Task Logoff_does_not_ask_again_when_the_caller_confirmed()
    {
        var harness = new RunnerHarness(Bob);

        await harness.Run(SessionAction.LogOff, Bob, request => request with { Confirmed = true });

        await harness.Prompt.DidNotReceiveWithAnyArgs().ConfirmAsync(default!, default);
        Assert.Equal(1, harness.LogOffCalls);
    }

    [Fact]
    public async Task A_No_in_the_confirmation_does_nothing_and_is_audited_as_cancelled()
    {
        var harness = new RunnerHarness(Bob);
        harness.Prompt.ConfirmAsync(default!, default).ReturnsForAnyArgs(Task.FromResult(false));

        var outcome = await harness.Run(SessionAction.LogOff, Bob);

        Assert.Equal(OutcomeKind.Cancelled, outcome.Kind);
        Assert.Equal(0, harness.LogOffCalls);
        Assert.Equal(OutcomeKind.Cancelled, harness.LastAudit!.Outcome);
    }

    [Fact]
    public async Task Confirmation_names_user_server_session_idle_time_and_the_open_applications()
    {
        var harness = new RunnerHarness(Bob);

        await harness.Run(SessionAction.LogOff, Bob);

        var confirmation = harness.LastConfirmation!;
        Assert.Equal("Sign out bob?", confirmation.Title);
        Assert.Contains(@"CONTOSO\bob (session 3 on RDS01)", confirmation.Text, StringComparison.Ordinal);
        Assert.Contains("idle 2 h 14 min", confirmation.Text, StringComparison.Ordinal);
        Assert.Contains("from LAPTOP-7", confirmation.Text, StringComparison.Ordinal);
        Assert.Contains("Open applications: EXCEL, WINWORD.", confirmation.Text, StringComparison.Ordinal);
        Assert.Contains("Unsaved work", confirmation.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("explorer", confirmation.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["EXCEL", "WINWORD"], confirmation.Applications);
        Assert.Equal(ConfirmationWarning.None, confirmation.Warning);
    }

    [Fact]
    public async Task Confirmation_says_when_no_application_is_open()
    {
        var harness = new RunnerHarness(Bob);
        harness.Processes(new SessionProcess(1, "explorer.exe"), new SessionProcess(2, "csrss.exe"));

        await harness.Run(SessionAction.LogOff, Bob);

        Assert.Contains("No open applications were found.", harness.LastConfirmation!.Text, StringComparison.Ordinal);
        Assert.False(harness.LastConfirmation.ApplicationsUnknown);
    }

    [Fact]
    public async Task Confirmation_says_when_the_applications_could_not_be_read_and_still_asks()
    {
        var harness = new RunnerHarness(Bob);
        harness.Backend.ListProcessesAsync(default!, default, default).ReturnsForAnyArgs(Task.FromResult(BackendResult<IReadOnlyList<SessionProcess>>.Fail(BackendFailure.AccessDenied())));

        var outcome = await harness.Run(SessionAction.LogOff, Bob);

        Assert.Contains("Open applications could not be read", harness.LastConfirmation!.Text, StringComparison.Ordinal);
        Assert.True(harness.LastConfirmation.ApplicationsUnknown);
        Assert.Equal(OutcomeKind.Done, outcome.Kind);
    }

    [Fact]
    public async Task Confirmation_cuts_a_long_application_list_and_counts_the_rest()
    {
        var harness = new RunnerHarness(Bob);
        harness.Processes(Enumerable.Range(0, 20).Select(i => new SessionProcess(i, $"app{i:00}.exe")).ToArray());

        await harness.Run(SessionAction.LogOff, Bob);

        Assert.Contains("and 8 more.", harness.LastConfirmation!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirmation_warns_distinctly_about_the_callers_own_session()
    {
        var own = Bob with { IsCurrentSession = true };
        var harness = new RunnerHarness(own);

        await harness.Run(SessionAction.LogOff, own);

        Assert.Equal(ConfirmationWarning.OwnSession, harness.LastConfirmation!.Warning);
        Assert.StartsWith("This is YOUR OWN session", harness.LastConfirmation.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirmation_warns_distinctly_about_the_console_session()
    {
        var console = Bob with { IsConsole = true, StationName = "Console" };
        var harness = new RunnerHarness(console);

        await harness.Run(SessionAction.LogOff, console);

        Assert.Equal(ConfirmationWarning.Console, harness.LastConfirmation!.Warning);
        Assert.StartsWith("This is the console session", harness.LastConfirmation.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disconnect_disconnects_without_a_confirmation()
    {
        var harness = new RunnerHarness(Bob);

        var outcome = await harness.Run(SessionAction.Disconnect, Bob);

        Assert.Equal(OutcomeKind.Done, outcome.Kind);
        Assert.Contains("disconnected", outcome.Sentence, StringComparison.Ordinal);
        await harness.Backend.Received(1).DisconnectAsync("RDS01", 3, true, Arg.Any<CancellationToken>());
        Assert.Equal(0, harness.LogOffCalls);
        await harness.Prompt.DidNotReceiveWithAnyArgs().ConfirmAsync(default!, default);
    }

    [Fact]
    public async Task Disconnect_refuses_a_changed_identity()
    {
        var harness = new RunnerHarness(TestSessions.User("eve", id: 3));

        var outcome = await harness.Run(SessionAction.Disconnect, Bob);

        Assert.Equal(OutcomeKind.Changed, outcome.Kind);
        Assert.Equal(0, harness.CallsTo(nameof(ISessionBackend.DisconnectAsync)));
    }

    [Fact]
    public async Task Send_message_sends_an_ok_box_with_the_text_and_does_not_wait()
    {
        var active = Bob with { State = SessionState.Active };
        var harness = new RunnerHarness(active);
        harness.Answer(MessageAnswer.NotWaited);

        var outcome = await harness.Run(SessionAction.SendMessage, active, request => request with { MessageText = "Server restarts at 18:00." });

        Assert.Equal(OutcomeKind.Done, outcome.Kind);
        await harness.Backend.Received(1).SendMessageAsync(
            Arg.Is<MessageRequest>(m => m.Text == "Server restarts at 18:00." && m.Title == $"Message from {RunnerHarness.Admin}" && m.Buttons == MessageButtons.Ok && !m.Wait && m.SessionId == 3),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Send_message_uses_the_given_title()
    {
        var harness = new RunnerHarness(Bob);

        await harness.Run(SessionAction.SendMessage, Bob, request => request with { MessageText = "hi", MessageTitle = "IT" });

        await harness.Backend.Received(1).SendMessageAsync(Arg.Is<MessageRequest>(m => m.Title == "IT"), Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Send_message_without_text_sends_nothing(string? text)
    {
        var harness = new RunnerHarness(Bob);

        var outcome = await harness.Run(SessionAction.SendMessage, Bob, request => request with { MessageText = text });

        Assert.Equal(OutcomeKind.Failed, outcome.Kind);
        Assert.Contains("no message text", outcome.Sentence, StringComparison.Ordinal);
        Assert.Equal(0, harness.CallsTo(nameof(ISessionBackend.SendMessageAsync)));
    }

    [Fact]
    public async Task Send_message_refuses_a_changed_identity()
    {
        var harness = new RunnerHarness(TestSessions.User("eve", id: 3));

        var outcome = await harness.Run(SessionAction.SendMessage, Bob, request => request with { MessageText = "hi" });

        Assert.Equal(OutcomeKind.Changed, outcome.Kind);
        Assert.Equal(0, harness.CallsTo(nameof(ISessionBackend.SendMessageAsync)));
    }

    [Fact]
    public async Task Access_denied_goes_to_the_elevation_port_with_the_identity_and_the_confirmation_given()
    {
        var harness = new RunnerHarness(Bob);
        harness.Backend.LogOffAsync(default!, default, default, default).ReturnsForAnyArgs(Task.FromResult(new BackendResult(BackendFailure.AccessDenied())));
        var elevation = Substitute.For<IElevation>();
        elevation.RunElevatedAsync(default!, default).ReturnsForAnyArgs(Task.FromResult(new ElevatedResult(OutcomeKind.Done) { HelperReported = true }));
        harness.Elevation = elevation;

        var outcome = await harness.Run(SessionAction.LogOff, Bob);

        Assert.Equal(OutcomeKind.Done, outcome.Kind);
        Assert.True(outcome.Elevated);
        await elevation.Received(1).RunElevatedAsync(
            Arg.Is<ActionRequest>(r => r.Target == Bob.Identity && r.Confirmed && r.Action == SessionAction.LogOff),
            Arg.Any<CancellationToken>());
        await harness.Prompt.ReceivedWithAnyArgs(1).ConfirmAsync(default!, default);
    }

    [Fact]
    public async Task An_action_the_elevated_helper_did_is_logged_done_once_by_the_helper_and_only_handed_over_here()
    {
        var harness = new RunnerHarness(Bob);
        harness.Backend.LogOffAsync(default!, default, default, default).ReturnsForAnyArgs(Task.FromResult(new BackendResult(BackendFailure.AccessDenied())));
        var elevation = Substitute.For<IElevation>();
        elevation.RunElevatedAsync(default!, default).ReturnsForAnyArgs(Task.FromResult(new ElevatedResult(OutcomeKind.Done) { HelperReported = true }));
        harness.Elevation = elevation;

        await harness.Run(SessionAction.LogOff, Bob);

        var lines = harness.AuditEntries;
        Assert.Equal([AuditPhase.AboutTo, AuditPhase.Outcome], lines.Select(line => line.Phase));
        Assert.DoesNotContain(lines, line => line.Outcome == OutcomeKind.Done);
        Assert.Equal(OutcomeKind.AccessDenied, lines[1].Outcome);
        Assert.Contains("elevated helper", lines[1].Detail, StringComparison.Ordinal);
        Assert.All(lines, line => Assert.False(line.Elevated));
    }

    [Fact]
    public async Task An_elevated_process_says_so_in_its_audit_lines()
    {
        var harness = new RunnerHarness(Bob) { RunsElevated = true };

        await harness.Run(SessionAction.LogOff, Bob);

        Assert.Equal(2, harness.AuditEntries.Count);
        Assert.All(harness.AuditEntries, line => Assert.True(line.Elevated));
    }

    [Fact]
    public async Task When_nothing_ran_elevated_this_process_logs_the_outcome_itself()
    {
        var harness = new RunnerHarness(Bob);
        harness.Backend.LogOffAsync(default!, default, default, default).ReturnsForAnyArgs(Task.FromResult(new BackendResult(BackendFailure.AccessDenied())));
        var elevation = Substitute.For<IElevation>();
        elevation.RunElevatedAsync(default!, default).ReturnsForAnyArgs(Task.FromResult(new ElevatedResult(OutcomeKind.Cancelled)));
        harness.Elevation = elevation;

        var outcome = await harness.Run(SessionAction.LogOff, Bob);

        Assert.False(outcome.Elevated);
        Assert.Equal(OutcomeKind.Cancelled, harness.LastAudit!.Outcome);
    }

    [Theory]
    [InlineData(OutcomeKind.Cancelled)]
    [InlineData(OutcomeKind.Changed)]
    [InlineData(OutcomeKind.AccessDenied)]
    [InlineData(OutcomeKind.Failed)]
    [InlineData(OutcomeKind.NoAnswer)]
    [InlineData(OutcomeKind.Unknown)]
    public async Task The_elevated_helpers_outcome_is_reported_as_is(OutcomeKind helperOutcome)
    {
        var harness = new RunnerHarness(Bob);
        harness.Backend.DisconnectAsync(default!, default, default, default).ReturnsForAnyArgs(Task.FromResult(new BackendResult(BackendFailure.AccessDenied())));
        var elevation = Substitute.For<IElevation>();
        elevation.RunElevatedAsync(default!, default).ReturnsForAnyArgs(Task.FromResult(new ElevatedResult(helperOutcome) { HelperReported = true }));
        harness.Elevation = elevation;

        var outcome = await harness.Run(SessionAction.Disconnect, Bob);

        Assert.Equal(helperOutcome, outcome.Kind);
        Assert.True(outcome.Elevated);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Sentence));
    }

    [Fact]
    public async Task The_elevated_helpers_own_sentence_is_kept()
    {
        var harness = new RunnerHarness(Bob);
        harness.Backend.LogOffAsync(default!, default, default, default).ReturnsForAnyArgs(Task.FromResult(new BackendResult(BackendFailure.AccessDenied())));
        var elevation = Substitute.For<IElevation>();
        elevation.RunElevatedAsync(default!, default).ReturnsForAnyArgs(Task.FromResult(new ElevatedResult(OutcomeKind.Changed, "Session 3 changed.")));
        harness.Elevation = elevation;

        var outcome = await harness.Run(SessionAction.LogOff, Bob);

        Assert.Equal("Session 3 changed.", outcome.Sentence);
    }

    [Fact]
    public async Task Access_denied_without_an_elevation_port_says_to_run_as_administrator()
    {
        var harness = new RunnerHarness(Bob);
        harness.Backend.LogOffAsync(default!, default, default, default).ReturnsForAnyArgs(Task.FromResult(new BackendResult(BackendFailure.AccessDenied())));

        var outcome = await harness.Run(SessionAction.LogOff, Bob);

        Assert.Equal(OutcomeKind.AccessDenied, outcome.Kind);
        Assert.Contains("administrator", outcome.Sentence, StringComparison.Ordinal);
        Assert.False(outcome.Elevated);
    }

    [Fact]
    public async Task Other_failures_are_not_sent_to_the_elevation_port()
    {
        var harness = new RunnerHarness(Bob);
        harness.Backend.LogOffAsync(default!, default, default, default).ReturnsForAnyArgs(Task.FromResult(new BackendResult(BackendFailure.ServerUnavailable(1722, "The RPC server is unavailable."))));
        var elevation = Substitute.For<IElevation>();
        harness.Elevation = elevation;

        var outcome = await harness.Run(SessionAction.LogOff, Bob);

        Assert.Equal(OutcomeKind.ServerUnavailable, outcome.Kind);
        await elevation.DidNotReceiveWithAnyArgs().RunElevatedAsync(default!, default);
    }

    [Fact]
    public async Task A_backend_that_throws_gives_a_failed_outcome_not_an_exception()
    {
        var harness = new RunnerHarness(Bob);
        harness.Backend.LogOffAsync(default!, default, default, default).ThrowsAsyncForAnyArgs(new InvalidOperationException("boom"));

        var outcome = await harness.Run(SessionAction.LogOff, Bob);

        Assert.Equal(OutcomeKind.Failed, outcome.Kind);
        Assert.Contains("boom", outcome.Sentence, StringComparison.Ordinal);
        Assert.Equal(OutcomeKind.Failed, harness.LastAudit!.Outcome);
    }

    [Fact]
    public async Task A_prompt_that_throws_gives_a_failed_outcome_and_nothing_is_done()
    {
        var harness = new RunnerHarness(Bob);
        harness.Prompt.ConfirmAsync(default!, default).ThrowsAsyncForAnyArgs(new InvalidOperationException("no window"));

        var outcome = await harness.Run(SessionAction.LogOff, Bob);

        Assert.Equal(OutcomeKind.Failed, outcome.Kind);
        Assert.Equal(0, harness.LogOffCalls);
    }

    [Fact]
    public async Task Cancelling_the_caller_token_ends_as_cancelled()
    {
        var harness = new RunnerHarness(Bob);
        using var cancellation = new CancellationTokenSource();
        harness.Prompt.ConfirmAsync(default!, default).ReturnsForAnyArgs(_ =>
        {
            cancellation.Cancel();
            return Task.FromCanceled<bool>(cancellation.Token);
        });

        var outcome = await harness.Runner.RunAsync(new ActionRequest(SessionAction.LogOff, Bob.Identity), cancellation.Token);

        Assert.Equal(OutcomeKind.Cancelled, outcome.Kind);
        Assert.Equal(0, harness.LogOffCalls);
    }

    [Fact]
    public async Task An_action_writes_an_about_to_line_and_an_outcome_line_with_actor_time_action_and_target()
    {
        var harness = new RunnerHarness(Bob);
        harness.Time.SetUtcNow(TestSessions.Now.AddMinutes(7));

        await harness.Run(SessionAction.LogOff, Bob);

        harness.Audit.ReceivedWithAnyArgs(2).TryAppend(default!);
        Assert.Equal([AuditPhase.AboutTo, AuditPhase.Outcome], harness.AuditEntries.Select(line => line.Phase));
        var entry = harness.LastAudit!;
        Assert.Equal(RunnerHarness.Admin, entry.Actor);
        Assert.Equal(TestSessions.Now.AddMinutes(7), entry.Time);
        Assert.Equal(SessionAction.LogOff, entry.Action);
        Assert.Equal(Bob.Identity, entry.Target);
        Assert.Equal(OutcomeKind.Done, entry.Outcome);
        Assert.False(entry.Elevated);
    }

    [Fact]
    public async Task A_log_that_cannot_be_written_does_not_undo_the_action_and_the_outcome_says_so()
    {
        var harness = new RunnerHarness(Bob);
        harness.Audit.TryAppend(Arg.Is<AuditEntry>(entry => entry.Phase == AuditPhase.Outcome)).Returns(AuditWrite.Failed("disk full"));

        var outcome = await harness.Run(SessionAction.LogOff, Bob);

        Assert.Equal(OutcomeKind.Done, outcome.Kind);
        Assert.False(outcome.Audited);
        Assert.EndsWith("The audit line could not be written.", outcome.Sentence, StringComparison.Ordinal);
        Assert.Equal(1, harness.LogOffCalls);
    }

    [Fact]
    public async Task A_log_that_throws_is_treated_like_one_that_cannot_be_written()
    {
        var harness = new RunnerHarness(Bob);
        harness.Audit.TryAppend(Arg.Is<AuditEntry>(entry => entry.Phase == AuditPhase.Outcome)).Throws(new IOException("disk full"));

        var outcome = await harness.Run(SessionAction.LogOff, Bob);

        Assert.Equal(OutcomeKind.Done, outcome.Kind);
        Assert.False(outcome.Audited);
    }
}

public class ConfirmationWindowTests
{
    private static readonly SessionInfo Bob = TestSessions.User("bob", id: 3);

    [Fact]
    public async Task Logoff_refuses_when_the_id_changed_while_the_confirmation_was_open()
    {
        var harness = new RunnerHarness();
        harness.ServerReads([Bob], [TestSessions.User("eve", id: 3)]);

        var outcome = await harness.Run(SessionAction.LogOff, Bob);

        Assert.Equal(OutcomeKind.Changed, outcome.Kind);
        Assert.Equal(0, harness.LogOffCalls);
        await harness.Prompt.ReceivedWithAnyArgs(1).ConfirmAsync(default!, default);
    }

    [Fact]
    public async Task Logoff_reports_a_session_that_ended_while_the_confirmation_was_open()
    {
        var harness = new RunnerHarness();
        harness.ServerReads([Bob], []);

        var outcome = await harness.Run(SessionAction.LogOff, Bob);

        Assert.Equal(OutcomeKind.Gone, outcome.Kind);
        Assert.Equal(0, harness.LogOffCalls);
    }

    [Fact]
    public async Task Without_a_confirmation_the_session_is_read_once()
    {
        var harness = new RunnerHarness(Bob);

        await harness.Run(SessionAction.LogOff, Bob, request => request with { Confirmed = true });

        Assert.Equal(1, harness.CallsTo(nameof(ISessionBackend.EnumerateSessionsAsync)));
    }
}
