using NSubstitute;
using SessionKiller.Cli.Tests.Support;
using SessionKiller.Core.HelperProtocol;
using SessionKiller.Core.Tests.Support;

namespace SessionKiller.Cli.Tests;

/// <summary>What the plugin relies on: a session that changed between its list and the helper's run is left alone.</summary>
public class ExpectationTests
{
    private static readonly DateTimeOffset BobsLogon = TestSessions.Now.AddHours(-4).AddTicks(3);

    private static string[] LogoffBob(string target = "#3", string user = @"CONTOSO\bob", DateTimeOffset? logon = null) =>
        ["logoff", target, "--server", "RDS01", "--yes", "--expect-user", user, "--expect-logon", CliSyntax.FormatLogon(logon ?? BobsLogon)];

    [Fact]
    public async Task Logoff_goes_ahead_when_the_session_is_still_the_one_expected()
    {
        var harness = new CliHarness().WithSessions("RDS01", TestSessions.User("bob", id: 3, logon: BobsLogon));

        var run = await harness.RunAsync(LogoffBob());

        Assert.Equal(0, run.ExitCode);
        await harness.Backend.Received(1).LogOffAsync("RDS01", 3, true, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Logoff_refuses_when_the_id_now_belongs_to_someone_else()
    {
        var harness = new CliHarness().WithSessions("RDS01", TestSessions.User("alice", id: 3, logon: BobsLogon));

        var run = await harness.RunAsync(LogoffBob());

        Assert.Equal(7, run.ExitCode);
        Assert.Single(run.ErrorLines);
        await harness.DidNotLogOff();
    }

    [Fact]
    public async Task Logoff_refuses_when_the_same_user_logged_on_again()
    {
        var harness = new CliHarness().WithSessions("RDS01", TestSessions.User("bob", id: 3, logon: BobsLogon.AddTicks(1)));

        var run = await harness.RunAsync(LogoffBob());

        Assert.Equal(7, run.ExitCode);
        await harness.DidNotLogOff();
    }

    [Fact]
    public async Task Logoff_refuses_when_the_session_is_gone()
    {
        var harness = new CliHarness().WithSessions("RDS01", TestSessions.User("alice", id: 4));

        var run = await harness.RunAsync(LogoffBob());

        Assert.Equal(7, run.ExitCode);
        await harness.DidNotLogOff();
    }

    [Fact]
    public async Task Logoff_by_name_checks_the_expected_identity_too()
    {
        var harness = new CliHarness().WithSessions("RDS01", TestSessions.User("bob", id: 3, logon: BobsLogon.AddMinutes(5)));

        var run = await harness.RunAsync(LogoffBob(target: "bob"));

        Assert.Equal(7, run.ExitCode);
        await harness.DidNotLogOff();
    }

    [Fact]
    public async Task Logoff_by_name_with_another_expected_user_is_refused()
    {
        var harness = new CliHarness().WithSessions("RDS01", TestSessions.User("alice", id: 4, logon: BobsLogon));

        var run = await harness.RunAsync(LogoffBob(target: "alice"));

        Assert.Equal(7, run.ExitCode);
        await harness.DidNotLogOff();
    }

    [Fact]
    public async Task An_expected_logon_with_an_offset_is_the_same_instant()
    {
        var harness = new CliHarness().WithSessions("RDS01", TestSessions.User("bob", id: 3, logon: BobsLogon));
        var args = LogoffBob();
        args[^1] = BobsLogon.ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", System.Globalization.CultureInfo.InvariantCulture);

        var run = await harness.RunAsync(args);

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task An_expected_unknown_logon_matches_a_session_whose_logon_is_unknown()
    {
        var harness = new CliHarness().WithSessions("RDS01", TestSessions.User("bob", id: 3) with { LogonTime = null });
        var args = LogoffBob();
        args[^1] = "unknown";

        var run = await harness.RunAsync(args);

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task An_expected_unknown_logon_does_not_match_a_known_one()
    {
        var harness = new CliHarness().WithSessions("RDS01", TestSessions.User("bob", id: 3, logon: BobsLogon));
        var args = LogoffBob();
        args[^1] = "unknown";

        var run = await harness.RunAsync(args);

        Assert.Equal(7, run.ExitCode);
        await harness.DidNotLogOff();
    }

    [Fact]
    public async Task Expect_logon_without_expect_user_is_a_usage_error_and_reads_nothing()
    {
        var harness = new CliHarness().WithSessions("RDS01", TestSessions.User("bob", id: 3, logon: BobsLogon.AddSeconds(1)));

        var run = await harness.RunAsync("logoff", "bob", "--server", "RDS01", "--yes", "--expect-logon", CliSyntax.FormatLogon(BobsLogon));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--expect-user", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        await harness.Backend.DidNotReceiveWithAnyArgs().EnumerateSessionsAsync(default!, default);
    }

    [Fact]
    public async Task Expect_user_without_expect_logon_is_a_usage_error_and_reads_nothing()
    {
        var harness = new CliHarness().WithSessions("RDS01", TestSessions.User("bob", id: 3));

        var run = await harness.RunAsync("logoff", "#3", "--server", "RDS01", "--yes", "--expect-user", @"CONTOSO\bob");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--expect-logon", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        await harness.Backend.DidNotReceiveWithAnyArgs().EnumerateSessionsAsync(default!, default);
    }

    [Theory]
    [InlineData("--expect-user", @"a\b\c")]
    [InlineData("--expect-user", @"CONTOSO\")]
    [InlineData("--expect-logon", "2026-11-25T08:00:00")]
    [InlineData("--expect-logon", "2026-11-25 08:00:00Z")]
    [InlineData("--expect-logon", "yesterday")]
    [InlineData("--expect-logon", "2026-11-25T08:00:00.12345678Z")]
    public async Task A_malformed_expectation_is_a_usage_error(string option, string value)
    {
        var harness = new CliHarness().WithSessions("RDS01", TestSessions.User("bob", id: 3));
        var args = LogoffBob();
        args[Array.IndexOf(args, option) + 1] = value;

        var run = await harness.RunAsync(args);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("sessionkiller: " + option, Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        await harness.DidNotLogOff();
    }
}
