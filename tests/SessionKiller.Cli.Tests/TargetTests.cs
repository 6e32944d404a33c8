using NSubstitute;
using SessionKiller.Cli.Tests.Support;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Tests.Support;

namespace SessionKiller.Cli.Tests;

public class TargetTests
{
    private static CliHarness TwoDomains() => new CliHarness().WithSessions(
        "RDS01",
        TestSessions.User("bob", id: 3),
        TestSessions.User("alice", id: 4),
        TestSessions.User("bobby", id: 5),
        TestSessions.Services());

    [Theory]
    [InlineData("bob")]
    [InlineData("BOB")]
    [InlineData(@"CONTOSO\bob")]
    [InlineData(@"contoso\Bob")]
    [InlineData("#3")]
    public async Task Logoff_resolves_each_exact_target_form_to_its_session(string target)
    {
        var harness = TwoDomains();

        var run = await harness.RunAsync("logoff", target, "--server", "RDS01", "--yes");

        Assert.Equal(0, run.ExitCode);
        await harness.Backend.Received(1).LogOffAsync("RDS01", 3, true, Arg.Any<CancellationToken>());
        await harness.Backend.DidNotReceive().LogOffAsync(Arg.Any<string>(), Arg.Is<int>(id => id != 3), Arg.Any<bool>(), Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData("bo")]
    [InlineData("ob")]
    [InlineData(@"FABRIKAM\bob")]
    [InlineData("#7")]
    [InlineData("Services")]
    public async Task Logoff_never_picks_a_near_match_and_exits_2(string target)
    {
        var harness = TwoDomains();

        var run = await harness.RunAsync("logoff", target, "--server", "RDS01", "--yes");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"sessionkiller: No session on RDS01 matches '{target}'.", Assert.Single(run.ErrorLines));
        await harness.DidNotLogOff();
    }

    [Fact]
    public async Task Logoff_of_a_name_with_several_sessions_lists_them_exits_3_and_does_nothing()
    {
        var harness = new CliHarness().WithSessions(
            "RDS01",
            TestSessions.User("bob", id: 3),
            TestSessions.User("bob", id: 8, domain: "FABRIKAM"),
            TestSessions.User("alice", id: 4));

        var run = await harness.RunAsync("logoff", "bob", "--server", "RDS01", "--yes");

        Assert.Equal(3, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.StartsWith("sessionkiller: 2 sessions on RDS01 match 'bob'", run.ErrorLines[0], StringComparison.Ordinal);
        Assert.Equal(4, run.ErrorLines.Length);
        Assert.Contains(@"CONTOSO\bob", run.ErrorLines[2], StringComparison.Ordinal);
        Assert.Contains(@"FABRIKAM\bob", run.ErrorLines[3], StringComparison.Ordinal);
        await harness.DidNotLogOff();
        await harness.Prompt.DidNotReceiveWithAnyArgs().ConfirmAsync(default!, default);
    }

    [Fact]
    public async Task Logoff_of_a_qualified_name_picks_the_one_domain_among_several()
    {
        var harness = new CliHarness().WithSessions(
            "RDS01",
            TestSessions.User("bob", id: 3),
            TestSessions.User("bob", id: 8, domain: "FABRIKAM"));

        var run = await harness.RunAsync("logoff", @"FABRIKAM\bob", "--server", "RDS01", "--yes");

        Assert.Equal(0, run.ExitCode);
        await harness.Backend.Received(1).LogOffAsync("RDS01", 8, true, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Logoff_without_a_server_acts_on_this_computer()
    {
        var harness = new CliHarness().WithSessions(ServerNames.Local, TestSessions.User("bob", server: ServerNames.Local));

        var run = await harness.RunAsync("logoff", "bob", "--yes");

        Assert.Equal(0, run.ExitCode);
        await harness.Backend.Received(1).LogOffAsync(ServerNames.Local, 3, true, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Logoff_of_session_0_by_id_is_refused_with_exit_9()
    {
        var harness = new CliHarness().WithSessions("RDS01", TestSessions.Services());

        var run = await harness.RunAsync("logoff", "#0", "--server", "RDS01", "--yes");

        Assert.Equal(9, run.ExitCode);
        Assert.Single(run.ErrorLines);
        await harness.DidNotLogOff();
    }

    [Fact]
    public async Task A_target_starting_with_at_is_a_name_not_a_response_file()
    {
        var harness = TwoDomains();

        var run = await harness.RunAsync("logoff", "@/etc/passwd", "--server", "RDS01", "--yes");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("sessionkiller: No session on RDS01 matches '@/etc/passwd'.", Assert.Single(run.ErrorLines));
    }

    [Theory]
    [InlineData("#")]
    [InlineData("#x")]
    [InlineData("#-1")]
    [InlineData("#+3")]
    [InlineData("#3a")]
    [InlineData("#99999999999")]
    [InlineData(@"a\b\c")]
    [InlineData(@"\bob")]
    [InlineData(@"CONTOSO\")]
    [InlineData(" bob")]
    [InlineData("")]
    public async Task A_malformed_target_is_a_usage_error(string target)
    {
        var harness = TwoDomains();

        var run = await harness.RunAsync("logoff", target, "--server", "RDS01", "--yes");

        Assert.Equal(1, run.ExitCode);
        Assert.Single(run.ErrorLines);
        await harness.Backend.DidNotReceiveWithAnyArgs().EnumerateSessionsAsync(default!, default);
    }
}
