using NSubstitute;
using SessionKiller.Cli.Tests.Support;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Tests.Support;

namespace SessionKiller.Cli.Tests;

public class AskMessageDisconnectTests
{
    private static CliHarness WithBob(SessionState state = SessionState.Active) =>
        new CliHarness().WithSessions("RDS01", TestSessions.User("bob", id: 3, state: state));

    [Theory]
    [InlineData(MessageAnswer.Yes, "keep", 0, true)]
    [InlineData(MessageAnswer.Yes, "logoff", 0, true)]
    [InlineData(MessageAnswer.No, "keep", 4, false)]
    [InlineData(MessageAnswer.No, "logoff", 4, false)]
    [InlineData(MessageAnswer.Timeout, "keep", 4, false)]
    [InlineData(MessageAnswer.Timeout, "logoff", 0, true)]
    [InlineData(MessageAnswer.Timeout, "LOGOFF", 0, true)]
    public async Task Ask_signs_out_on_yes_and_follows_the_timeout_policy(MessageAnswer answer, string policy, int expected, bool loggedOff)
    {
        var harness = WithBob().UserAnswers(answer);

        var run = await harness.RunAsync("ask", "bob", "--server", "RDS01", "--yes", "--on-timeout", policy);

        Assert.Equal(expected, run.ExitCode);
        await harness.Backend.Received(loggedOff ? 1 : 0).LogOffAsync("RDS01", 3, Arg.Any<bool>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Ask_without_a_policy_keeps_the_user_on_timeout()
    {
        var harness = WithBob().UserAnswers(MessageAnswer.Timeout);

        var run = await harness.RunAsync("ask", "bob", "--server", "RDS01", "--yes");

        Assert.Equal(4, run.ExitCode);
        await harness.DidNotLogOff();
    }

    [Fact]
    public async Task Ask_shows_the_given_question_title_and_timeout_with_yes_and_no()
    {
        var harness = WithBob().UserAnswers(MessageAnswer.No);

        await harness.RunAsync("ask", "#3", "--server", "RDS01", "--yes", "--message", "Sign out now?\nSave first.", "--title", "IT", "--timeout", "90");

        await harness.Backend.Received(1).SendMessageAsync(
            Arg.Is<MessageRequest>(request => request.ServerName == "RDS01" && request.SessionId == 3
                && request.Text == "Sign out now?\nSave first." && request.Title == "IT"
                && request.Buttons == MessageButtons.YesNo && request.Timeout == TimeSpan.FromSeconds(90) && request.Wait),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Ask_on_a_disconnected_session_does_nothing_and_exits_4()
    {
        var harness = WithBob(SessionState.Disconnected).UserAnswers(MessageAnswer.Yes);

        var run = await harness.RunAsync("ask", "bob", "--server", "RDS01", "--yes");

        Assert.Equal(4, run.ExitCode);
        await harness.DidNotLogOff();
    }

    [Theory]
    [InlineData("9")]
    [InlineData("3601")]
    [InlineData("ten")]
    [InlineData("-10")]
    [InlineData("60.5")]
    [InlineData("")]
    public async Task Ask_refuses_a_timeout_outside_10_to_3600_whole_seconds(string timeout)
    {
        var harness = WithBob();

        var run = await harness.RunAsync("ask", "bob", "--server", "RDS01", "--timeout", timeout);

        Assert.Equal(1, run.ExitCode);
        Assert.Single(run.ErrorLines);
        await harness.Backend.DidNotReceiveWithAnyArgs().SendMessageAsync(default!, default);
    }

    [Fact]
    public async Task Ask_refuses_an_unknown_timeout_policy()
    {
        var run = await WithBob().RunAsync("ask", "bob", "--on-timeout", "maybe");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("sessionkiller: --on-timeout must be keep or logoff, not 'maybe'. See 'sessionkiller ask --help'.", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task Message_shows_the_text_and_title_in_the_session()
    {
        var harness = WithBob();

        var run = await harness.RunAsync("message", "bob", "--server", "RDS01", "--text", "Server restarts at 18:00.", "--title", "IT notice");

        Assert.Equal(0, run.ExitCode);
        await harness.Backend.Received(1).SendMessageAsync(
            Arg.Is<MessageRequest>(request => request.SessionId == 3 && request.Text == "Server restarts at 18:00." && request.Title == "IT notice"),
            Arg.Any<CancellationToken>());
        await harness.DidNotLogOff();
    }

    [Fact]
    public async Task Message_needs_a_text()
    {
        var harness = WithBob();

        var run = await harness.RunAsync("message", "bob", "--server", "RDS01");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--text", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_text_may_span_lines_but_a_title_may_not()
    {
        var harness = WithBob();

        Assert.Equal(0, (await harness.RunAsync("message", "bob", "--server", "RDS01", "--text", "one\r\ntwo\tthree")).ExitCode);
        Assert.Equal(1, (await harness.RunAsync("message", "bob", "--server", "RDS01", "--text", "x", "--title", "one\ntwo")).ExitCode);
    }

    [Theory]
    [InlineData("--text", 1024, 0)]
    [InlineData("--text", 1025, 1)]
    [InlineData("--title", 128, 0)]
    [InlineData("--title", 129, 1)]
    public async Task Message_text_and_title_have_length_limits(string option, int length, int expected)
    {
        var harness = WithBob();
        var args = option == "--text"
            ? new[] { "message", "bob", "--server", "RDS01", "--text", new string('x', length) }
            : ["message", "bob", "--server", "RDS01", "--text", "hi", "--title", new string('x', length)];

        var run = await harness.RunAsync(args);

        Assert.Equal(expected, run.ExitCode);
    }

    [Fact]
    public async Task Disconnect_disconnects_and_never_logs_off()
    {
        var harness = WithBob();

        var run = await harness.RunAsync("disconnect", "bob", "--server", "RDS01", "--yes");

        Assert.Equal(0, run.ExitCode);
        await harness.Backend.Received(1).DisconnectAsync("RDS01", 3, true, Arg.Any<CancellationToken>());
        await harness.DidNotLogOff();
    }

    [Theory]
    [InlineData("logoff")]
    [InlineData("disconnect")]
    public async Task No_wait_is_passed_to_the_backend(string command)
    {
        var harness = WithBob();

        var run = await harness.RunAsync(command, "bob", "--server", "RDS01", "--yes", "--no-wait");

        Assert.Equal(0, run.ExitCode);
        if (command == "logoff")
        {
            await harness.Backend.Received(1).LogOffAsync("RDS01", 3, false, Arg.Any<CancellationToken>());
        }
        else
        {
            await harness.Backend.Received(1).DisconnectAsync("RDS01", 3, false, Arg.Any<CancellationToken>());
        }
    }

    [Fact]
    public async Task No_wait_belongs_to_logoff_and_disconnect_only()
    {
        var run = await WithBob().RunAsync("ask", "bob", "--server", "RDS01", "--no-wait");

        Assert.Equal(1, run.ExitCode);
    }
}
