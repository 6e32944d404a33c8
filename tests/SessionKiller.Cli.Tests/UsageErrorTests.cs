using NSubstitute;
using SessionKiller.Cli.Tests.Support;
using SessionKiller.Core.Tests.Support;

namespace SessionKiller.Cli.Tests;

/// <summary>A wrong command line is one line on stderr, exit code 1, nothing on stdout and nothing done.</summary>
public class UsageErrorTests
{
    public static TheoryData<string[], string> WrongCommandLines => new()
    {
        { [], "No command given; use list, logoff, disconnect, ask or message." },
        { ["--json"], "Unrecognized command or argument '--json'." },
        { ["kill", "bob"], "Unrecognized command or argument 'kill'." },
        { ["logoff"], "Give a target (bob, CONTOSO\\bob, #3) or --where QUERY" },
        { ["logoff", "bob", "--force"], "Unrecognized command or argument '--force'." },
        { ["logoff", "bob", "alice"], "Unrecognized command or argument 'alice'." },
        { ["logoff", "bob", "--Server", "RDS01"], "Unrecognized command or argument '--Server'." },
        { ["logoff", "bob", "--yes", "--yes"], "--yes is given more than once." },
        { ["logoff", "bob", "--yes=true"], "Unrecognized command or argument 'true'." },
        { ["logoff", "bob", "--server", "RDS01", "--server", "RDS02"], "--server" },
        { ["list", "--json", "--json"], "--json is given more than once." },
        { ["logoff", "bob", "--server"], "Required argument missing for option: '--server'." },
        { ["logoff", "bob", "--server", "--yes"], "--server needs a value, but '--yes' is an option." },
        { ["logoff", "bob", "--server", "-x"], "--server needs a server name, not '-x'." },
        { ["logoff", "bob", "--server", "RDS 01"], "--server 'RDS 01' contains a space." },
        { ["logoff", "bob", "--server", ""], "--server is empty." },
        { ["list", "--server", "RDS01", "--server", "bad\u0007name"], "--server contains the control character U+0007." },
        { ["logoff", "bo\u001bb", "--yes"], "The target contains the control character U+001B." },
        { ["logoff", "bob\u202E", "--yes"], "The target contains the control character U+202E." },
        { ["logoff", "bob", "--expect-user", "CONTOSO\\bob\n", "--expect-logon", "unknown"], "--expect-user contains the control character U+000A." },
        { ["message", "bob", "--text", "hi\u0000there"], "--text contains the control character U+0000." },
        { ["logoff", new string('b', 1025)], "The target is longer than 1024 characters (1025)." },
        { ["logoff", "bob", "--server", new string('s', 254)], "--server is longer than 253 characters (254)." },
        { ["logoff", "bob", "--expect-logon", "2026-11-25T08:00:00Z", "--expect-user", new string('u', 1025)], "--expect-user is longer than 1024 characters (1025)." },
        { ["ask", "bob", "--message", new string('m', 1025)], "--message is longer than 1024 characters (1025)." },
        { ["[diagram]", "logoff", "bob"], "Unrecognized command or argument '[diagram]'." },
    };

    [Theory]
    [MemberData(nameof(WrongCommandLines))]
    public async Task A_wrong_command_line_is_one_line_on_stderr_and_exit_1(string[] args, string reason)
    {
        var harness = new CliHarness().WithSessions("localhost", TestSessions.User("bob", server: "localhost"));

        var run = await harness.RunAsync(args);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Out);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("sessionkiller: ", line, StringComparison.Ordinal);
        Assert.Contains(reason, line, StringComparison.Ordinal);
        Assert.EndsWith("--help'.", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', run.Error);
        await harness.Backend.DidNotReceiveWithAnyArgs().EnumerateSessionsAsync(default!, default);
    }

    [Fact]
    public async Task Help_goes_to_stdout_and_exits_0()
    {
        var run = await new CliHarness().RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        foreach (var command in new[] { "list", "logoff", "disconnect", "ask", "message" })
        {
            Assert.Contains(command, run.Out, StringComparison.Ordinal);
        }

        Assert.Contains("Exit codes:", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_for_a_command_wins_over_other_words_and_runs_nothing()
    {
        var harness = new CliHarness();

        var run = await harness.RunAsync("logoff", "bob", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--expect-logon", run.Out, StringComparison.Ordinal);
        await harness.DidNotLogOff();
    }

    [Fact]
    public async Task Version_prints_the_version_and_exits_0()
    {
        var run = await new CliHarness().RunAsync("--version");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Out);
    }
}
