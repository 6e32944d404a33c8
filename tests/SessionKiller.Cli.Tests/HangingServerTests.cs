using NSubstitute;
using SessionKiller.Cli.Tests.Support;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Tests.Support;

namespace SessionKiller.Cli.Tests;

/// <summary>A server that never answers holds the CLI no longer than the per-server timeout.</summary>
public class HangingServerTests
{
    private static async Task<CliRun> RunWhileTimePasses(CliHarness cli, params string[] args)
    {
        var run = cli.RunAsync(args);
        for (var second = 0; second < 30 && !run.IsCompleted; second++)
        {
            await Task.Delay(10);
            cli.Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.True(run.IsCompleted, "the CLI still waits on a hanging server after 30 s");
        return await run;
    }

    private static CliHarness WithHangingServer(string server)
    {
        var cli = new CliHarness();
        cli.Backend.EnumerateSessionsAsync(server, Arg.Any<CancellationToken>())
            .Returns(new TaskCompletionSource<BackendResult<IReadOnlyList<SessionInfo>>>().Task);
        return cli;
    }

    [Fact]
    public async Task List_of_a_hanging_server_ends_as_unavailable_after_the_timeout()
    {
        var cli = WithHangingServer("RDS09");

        var run = await RunWhileTimePasses(cli, "list", "--server", "RDS09");

        Assert.Equal(6, run.ExitCode);
        Assert.Contains("RDS09", run.Error, StringComparison.Ordinal);
        Assert.Contains("No answer within", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_still_shows_the_servers_that_answered_beside_a_hanging_one()
    {
        var cli = WithHangingServer("RDS09").WithSessions("RDS01", TestSessions.User("bob", server: "RDS01"));

        var run = await RunWhileTimePasses(cli, "list", "--server", "RDS01", "--server", "RDS09", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"userName\": \"bob\"", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logoff_against_a_hanging_server_does_nothing_and_ends_after_the_timeout()
    {
        var cli = WithHangingServer("RDS09");

        var run = await RunWhileTimePasses(cli, "logoff", "bob", "--server", "RDS09", "--yes");

        Assert.Equal(6, run.ExitCode);
        await cli.DidNotLogOff();
    }
}
