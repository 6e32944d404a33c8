using NSubstitute;
using SessionKiller.Cli.Tests.Support;
using SessionKiller.Core.Audit;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Tests.Support;

namespace SessionKiller.Cli.Tests;

/// <summary>Each way an action can end, as an exit code and one line.</summary>
public class OutcomeTests
{
    private static CliHarness WithBob() => new CliHarness().WithSessions("RDS01", TestSessions.User("bob", id: 3));

    [Fact]
    public async Task A_done_action_prints_its_sentence_on_stdout_and_nothing_on_stderr()
    {
        var harness = WithBob();

        var run = await harness.RunAsync("logoff", "bob", "--server", "RDS01", "--yes");

        Assert.Equal(0, run.ExitCode);
        Assert.Single(run.OutLines);
        Assert.Equal("", run.Error);
    }

    [Theory]
    [InlineData(FailureKind.AccessDenied, 5)]
    [InlineData(FailureKind.ServerUnavailable, 6)]
    [InlineData(FailureKind.TimedOut, 6)]
    [InlineData(FailureKind.SessionGone, 7)]
    [InlineData(FailureKind.NotSupported, 8)]
    [InlineData(FailureKind.Failed, 9)]
    public async Task A_failed_logoff_exits_with_its_code_and_one_line(FailureKind kind, int expected)
    {
        var harness = WithBob();
        harness.Backend.LogOffAsync("RDS01", 3, Arg.Any<bool>(), Arg.Any<CancellationToken>())
            .Returns(new BackendResult(new BackendFailure(kind, 1, "It did not work.")));

        var run = await harness.RunAsync("logoff", "bob", "--server", "RDS01", "--yes");

        Assert.Equal(expected, run.ExitCode);
        Assert.StartsWith("sessionkiller: ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Theory]
    [InlineData(FailureKind.AccessDenied, 5)]
    [InlineData(FailureKind.ServerUnavailable, 6)]
    [InlineData(FailureKind.NotSupported, 8)]
    public async Task A_server_that_cannot_be_read_while_resolving_exits_with_its_code(FailureKind kind, int expected)
    {
        var harness = new CliHarness().Failing("RDS01", new BackendFailure(kind, 1722, "The RPC server is unavailable."));

        var run = await harness.RunAsync("logoff", "bob", "--server", "RDS01", "--yes");

        Assert.Equal(expected, run.ExitCode);
        Assert.Equal("sessionkiller: RDS01: The RPC server is unavailable. (error 1722)", Assert.Single(run.ErrorLines));
        await harness.DidNotLogOff();
    }

    [Fact]
    public async Task A_backend_that_throws_while_acting_ends_in_one_line_and_exit_9()
    {
        var harness = WithBob();
        harness.Backend.LogOffAsync("RDS01", 3, Arg.Any<bool>(), Arg.Any<CancellationToken>())
            .Returns<Task<BackendResult>>(_ => throw new InvalidOperationException("the handle\nwas closed"));

        var run = await harness.RunAsync("logoff", "bob", "--server", "RDS01", "--yes");

        Assert.Equal(9, run.ExitCode);
        Assert.Contains("the handle was closed", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_backend_that_throws_while_resolving_ends_in_one_line_and_exit_9_without_a_stack_trace()
    {
        var harness = new CliHarness();
        harness.Backend.EnumerateSessionsAsync("RDS01", Arg.Any<CancellationToken>())
            .Returns<Task<BackendResult<IReadOnlyList<SessionInfo>>>>(_ => throw new InvalidOperationException("the handle\nwas closed"));

        var run = await harness.RunAsync("logoff", "bob", "--server", "RDS01", "--yes");

        Assert.Equal(9, run.ExitCode);
        Assert.Equal("sessionkiller: Unexpected failure (InvalidOperationException): the handle was closed", Assert.Single(run.ErrorLines));
        Assert.DoesNotContain(" at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_interrupted_while_acting_is_cancelled_with_exit_4()
    {
        var harness = WithBob();
        using var interrupt = new CancellationTokenSource();
        harness.Backend.LogOffAsync("RDS01", 3, Arg.Any<bool>(), Arg.Any<CancellationToken>())
            .Returns<Task<BackendResult>>(call =>
            {
                interrupt.Cancel();
                throw new OperationCanceledException(call.Arg<CancellationToken>());
            });

        var run = await harness.RunAsync(["logoff", "bob", "--server", "RDS01", "--yes"], interrupt.Token);

        Assert.Equal(4, run.ExitCode);
        Assert.Single(run.ErrorLines);
    }

    [Fact]
    public async Task A_command_interrupted_while_reading_is_cancelled_with_exit_4()
    {
        var harness = new CliHarness();
        using var interrupt = new CancellationTokenSource();
        harness.Backend.EnumerateSessionsAsync(ServerNames.Local, Arg.Any<CancellationToken>())
            .Returns<Task<BackendResult<IReadOnlyList<SessionInfo>>>>(call =>
            {
                interrupt.Cancel();
                throw new OperationCanceledException(call.Arg<CancellationToken>());
            });

        var run = await harness.RunAsync(["list"], interrupt.Token);

        Assert.Equal(4, run.ExitCode);
        Assert.Equal("sessionkiller: Interrupted before the command finished.", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task The_action_is_audited_with_the_callers_identity()
    {
        var harness = WithBob();

        await harness.RunAsync("logoff", "bob", "--server", "RDS01", "--yes");

        harness.AuditLog.Received(2).TryAppend(Arg.Is<AuditEntry>(entry =>
            entry.Actor == CliHarness.Actor && entry.Target.SessionId == 3 && entry.Target.UserName == "bob" && !entry.Elevated));
    }

    [Fact]
    public async Task An_elevated_cli_says_so_in_its_audit_lines()
    {
        var harness = WithBob();
        harness.RunsElevated = true;

        await harness.RunAsync("logoff", "bob", "--server", "RDS01", "--yes");

        harness.AuditLog.Received(2).TryAppend(Arg.Is<AuditEntry>(entry => entry.Elevated));
    }

    [Fact]
    public async Task An_action_whose_about_to_line_cannot_be_written_is_not_done_and_exits_9()
    {
        var harness = WithBob();
        harness.AuditLog.TryAppend(default!).ReturnsForAnyArgs(AuditWrite.Failed("another process held the audit log's lock for more than 5 s"));

        var run = await harness.RunAsync("logoff", "bob", "--server", "RDS01", "--yes");

        Assert.Equal(9, run.ExitCode);
        Assert.Contains("nothing was done, because another process held the audit log's lock", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        await harness.DidNotLogOff();
    }

    [Fact]
    public async Task A_done_action_whose_audit_line_failed_says_so_on_stderr_and_still_exits_0()
    {
        var harness = WithBob();
        harness.AuditLog.TryAppend(Arg.Is<AuditEntry>(entry => entry.Phase == AuditPhase.Outcome)).Returns(false);

        var run = await harness.RunAsync("logoff", "bob", "--server", "RDS01", "--yes");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("audit", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_backend_every_command_says_the_system_is_unsupported_and_exits_8()
    {
        var harness = WithBob();
        harness.HasBackend = false;

        foreach (var args in new[] { new[] { "list" }, ["logoff", "bob", "--yes"], ["message", "#3", "--text", "hi"] })
        {
            var run = await harness.RunAsync(args);

            Assert.Equal(8, run.ExitCode);
            Assert.Equal("sessionkiller runs on Windows and Linux; this system has no session backend", Assert.Single(run.ErrorLines));
        }
    }

    [Fact]
    public async Task Without_a_backend_usage_errors_and_help_still_work()
    {
        var harness = new CliHarness { HasBackend = false };

        Assert.Equal(1, (await harness.RunAsync("logoff")).ExitCode);
        Assert.Equal(0, (await harness.RunAsync("--help")).ExitCode);
    }
}
