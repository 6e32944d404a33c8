using NSubstitute;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Settings;
using SessionKiller.Core.Tests.Support;

namespace SessionKiller.Core.Tests.Actions;

public class AskFirstTests
{
    private static readonly SessionInfo Bob = TestSessions.User("bob", id: 3, state: SessionState.Active, idle: TimeSpan.FromMinutes(20));

    [Theory]
    [InlineData(MessageAnswer.Yes, TimeoutPolicy.Keep, OutcomeKind.Done, true)]
    [InlineData(MessageAnswer.Yes, TimeoutPolicy.LogOff, OutcomeKind.Done, true)]
    [InlineData(MessageAnswer.No, TimeoutPolicy.Keep, OutcomeKind.Declined, false)]
    [InlineData(MessageAnswer.No, TimeoutPolicy.LogOff, OutcomeKind.Declined, false)]
    [InlineData(MessageAnswer.Timeout, TimeoutPolicy.Keep, OutcomeKind.NoAnswer, false)]
    [InlineData(MessageAnswer.Timeout, TimeoutPolicy.LogOff, OutcomeKind.Done, true)]
    public async Task The_answer_and_the_policy_decide(MessageAnswer answer, TimeoutPolicy policy, OutcomeKind expected, bool signedOut)
    {
        var harness = new RunnerHarness(Bob) { Settings = SessionKillerSettings.Default with { OnNoAnswer = policy } };
        harness.Answer(answer);

        var outcome = await harness.Run(SessionAction.AskFirst, Bob);

        Assert.Equal(expected, outcome.Kind);
        Assert.Equal(answer, outcome.Answer);
        Assert.Equal(SessionAction.AskFirst, outcome.Action);
        Assert.Equal(signedOut ? 1 : 0, harness.LogOffCalls);
        Assert.Equal(expected, harness.LastAudit!.Outcome);
    }

    [Theory]
    [InlineData(TimeoutPolicy.Keep)]
    [InlineData(TimeoutPolicy.LogOff)]
    public async Task A_disconnected_session_has_nobody_to_ask(TimeoutPolicy policy)
    {
        var away = Bob with { State = SessionState.Disconnected };
        var harness = new RunnerHarness(away) { Settings = SessionKillerSettings.Default with { OnNoAnswer = policy } };

        var outcome = await harness.Run(SessionAction.AskFirst, away);

        Assert.Equal(OutcomeKind.NobodyToAsk, outcome.Kind);
        Assert.Contains("nobody can answer", outcome.Sentence, StringComparison.Ordinal);
        Assert.Equal(0, harness.CallsTo(nameof(ISessionBackend.SendMessageAsync)));
        Assert.Equal(0, harness.LogOffCalls);
    }

    [Fact]
    public async Task The_question_is_a_yes_no_box_that_waits_for_the_settings_timeout()
    {
        var harness = new RunnerHarness(Bob) { Settings = SessionKillerSettings.Default with { AskFirstTimeoutSeconds = 90 } };

        await harness.Run(SessionAction.AskFirst, Bob);

        await harness.Backend.Received(1).SendMessageAsync(
            Arg.Is<MessageRequest>(m => m.Buttons == MessageButtons.YesNo && m.Wait && m.Timeout == TimeSpan.FromSeconds(90) && m.ServerName == "RDS01" && m.SessionId == 3),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Title_and_text_come_from_the_settings_with_placeholders_filled()
    {
        var harness = new RunnerHarness(Bob)
        {
            Settings = SessionKillerSettings.Default with { AskFirstTitle = "For {user}", AskFirstText = "{admin} asks {USER} to leave within {seconds} s.", AskFirstTimeoutSeconds = 45 },
        };

        await harness.Run(SessionAction.AskFirst, Bob);

        await harness.Backend.Received(1).SendMessageAsync(
            Arg.Is<MessageRequest>(m => m.Title == "For bob" && m.Text == @"CONTOSO\admin asks bob to leave within 45 s."),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task The_request_can_override_text_timeout_and_policy()
    {
        var harness = new RunnerHarness(Bob);
        harness.Answer(MessageAnswer.Timeout);

        var outcome = await harness.Run(SessionAction.AskFirst, Bob, request => request with
        {
            MessageText = "Leaving in {seconds}?",
            AskTimeout = TimeSpan.FromSeconds(15),
            OnNoAnswer = TimeoutPolicy.LogOff,
            Confirmed = true,
        });

        Assert.Equal(OutcomeKind.Done, outcome.Kind);
        Assert.Contains("no answer, and the policy signs out", outcome.Sentence, StringComparison.Ordinal);
        await harness.Backend.Received(1).SendMessageAsync(
            Arg.Is<MessageRequest>(m => m.Text == "Leaving in 15?" && m.Timeout == TimeSpan.FromSeconds(15)),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Keep_policy_asks_without_a_confirmation()
    {
        var harness = new RunnerHarness(Bob);

        await harness.Run(SessionAction.AskFirst, Bob);

        await harness.Prompt.DidNotReceiveWithAnyArgs().ConfirmAsync(default!, default);
    }

    [Fact]
    public async Task Logoff_policy_is_confirmed_first_because_it_can_sign_out_without_consent()
    {
        var harness = new RunnerHarness(Bob) { Settings = SessionKillerSettings.Default with { OnNoAnswer = TimeoutPolicy.LogOff } };
        harness.Prompt.ConfirmAsync(default!, default).ReturnsForAnyArgs(Task.FromResult(false));

        var outcome = await harness.Run(SessionAction.AskFirst, Bob);

        Assert.Equal(OutcomeKind.Cancelled, outcome.Kind);
        Assert.Equal(0, harness.CallsTo(nameof(ISessionBackend.SendMessageAsync)));
        Assert.Equal("Ask bob to sign out?", harness.LastConfirmation!.Title);
        Assert.Contains("Without an answer within 60 s they will be signed out.", harness.LastConfirmation.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_yes_is_not_acted_on_when_the_session_changed_while_the_question_was_open()
    {
        var harness = new RunnerHarness();
        harness.ServerReads([Bob], [TestSessions.User("eve", id: 3)]);

        var outcome = await harness.Run(SessionAction.AskFirst, Bob);

        Assert.Equal(OutcomeKind.Changed, outcome.Kind);
        Assert.Equal(MessageAnswer.Yes, outcome.Answer);
        Assert.Equal(0, harness.LogOffCalls);
    }

    [Fact]
    public async Task A_yes_is_not_acted_on_when_the_user_signed_out_meanwhile()
    {
        var harness = new RunnerHarness();
        harness.ServerReads([Bob], []);

        var outcome = await harness.Run(SessionAction.AskFirst, Bob);

        Assert.Equal(OutcomeKind.Gone, outcome.Kind);
        Assert.Equal(0, harness.LogOffCalls);
    }

    [Fact]
    public async Task A_message_failure_is_reported_and_nobody_is_signed_out()
    {
        var harness = new RunnerHarness(Bob);
        harness.Backend.SendMessageAsync(default!, default).ReturnsForAnyArgs(Task.FromResult(BackendResult<MessageAnswer>.Fail(BackendFailure.ServerUnavailable(1726, "The remote procedure call failed."))));

        var outcome = await harness.Run(SessionAction.AskFirst, Bob);

        Assert.Equal(OutcomeKind.ServerUnavailable, outcome.Kind);
        Assert.Equal(0, harness.LogOffCalls);
    }

    [Fact]
    public async Task A_denied_question_goes_whole_to_the_elevation_port()
    {
        var harness = new RunnerHarness(Bob);
        harness.Backend.SendMessageAsync(default!, default).ReturnsForAnyArgs(Task.FromResult(BackendResult<MessageAnswer>.Fail(BackendFailure.AccessDenied())));
        var elevation = Substitute.For<IElevation>();
        elevation.RunElevatedAsync(default!, default).ReturnsForAnyArgs(Task.FromResult(new ElevatedResult(OutcomeKind.Declined)));
        harness.Elevation = elevation;

        var outcome = await harness.Run(SessionAction.AskFirst, Bob);

        Assert.Equal(OutcomeKind.Declined, outcome.Kind);
        await elevation.Received(1).RunElevatedAsync(Arg.Is<ActionRequest>(r => r.Action == SessionAction.AskFirst), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_yes_whose_logoff_is_denied_elevates_only_the_logoff()
    {
        var harness = new RunnerHarness(Bob);
        harness.Backend.LogOffAsync(default!, default, default, default).ReturnsForAnyArgs(Task.FromResult(new BackendResult(BackendFailure.AccessDenied())));
        var elevation = Substitute.For<IElevation>();
        elevation.RunElevatedAsync(default!, default).ReturnsForAnyArgs(Task.FromResult(new ElevatedResult(OutcomeKind.Done) { HelperReported = true }));
        harness.Elevation = elevation;

        var outcome = await harness.Run(SessionAction.AskFirst, Bob);

        Assert.Equal(OutcomeKind.Done, outcome.Kind);
        Assert.Equal(SessionAction.AskFirst, outcome.Action);
        Assert.True(outcome.Elevated);
        await elevation.Received(1).RunElevatedAsync(Arg.Is<ActionRequest>(r => r.Action == SessionAction.LogOff && r.Confirmed), Arg.Any<CancellationToken>());
    }
}
