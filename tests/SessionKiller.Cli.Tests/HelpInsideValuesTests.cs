using NSubstitute;
using SessionKiller.Cli.Tests.Support;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Tests.Support;

namespace SessionKiller.Cli.Tests;

/// <summary>
/// A value that looks like a help option is a value: it is sent, or refused with exit 1. Help prints and
/// exits 0 only for an argument that is exactly <c>--help</c>, <c>-h</c>, <c>-?</c> or <c>/?</c>.
/// </summary>
public class HelpInsideValuesTests
{
    private static CliHarness WithAlice() =>
        new CliHarness().WithSessions("RDS01", TestSessions.User("alice", id: 4));

    [Theory]
    [InlineData("-h: hi")]
    [InlineData("--help=x")]
    [InlineData("/?:x")]
    [InlineData("-h:x")]
    [InlineData("-?=x")]
    public async Task A_text_that_starts_like_a_help_option_is_sent_as_it_is(string text)
    {
        var harness = WithAlice();

        var run = await harness.RunAsync("message", "alice", "--server", "RDS01", "--text", text);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("Usage:", run.Out, StringComparison.Ordinal);
        await harness.Backend.Received(1).SendMessageAsync(Arg.Is<MessageRequest>(message => message.Text == text), Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData("-h:x")]
    [InlineData("--help=x")]
    public async Task A_title_that_starts_like_a_help_option_is_sent_as_it_is(string title)
    {
        var harness = WithAlice();

        var run = await harness.RunAsync("message", "alice", "--server", "RDS01", "--text", "hi", "--title", title);

        Assert.Equal(0, run.ExitCode);
        await harness.Backend.Received(1).SendMessageAsync(Arg.Is<MessageRequest>(message => message.Title == title), Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData("message", "alice", "--server", "-h:x", "--text", "hi")]
    [InlineData("logoff", "alice", "--server", "--help=x", "--yes")]
    [InlineData("logoff", "--help=x")]
    [InlineData("logoff", "-h:x", "--server", "RDS01", "--yes")]
    [InlineData("logoff", "alice", "--server", "RDS01", "--yes", "/?:x")]
    [InlineData("--help=x")]
    [InlineData("list", "-h:x")]
    public async Task A_help_option_with_a_value_anywhere_else_is_a_usage_error_that_does_nothing(params string[] args)
    {
        var harness = WithAlice();

        var run = await harness.RunAsync(args);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.StartsWith("sessionkiller: ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        await harness.Backend.DidNotReceiveWithAnyArgs().SendMessageAsync(default!, default);
        await harness.DidNotLogOff();
    }

    [Fact]
    public async Task A_server_named_like_a_help_option_is_looked_up_as_a_server_and_never_prints_help()
    {
        var harness = WithAlice();

        var run = await harness.RunAsync("message", "alice", "--server", "/?:x", "--text", "hi");

        Assert.Equal(6, run.ExitCode);
        Assert.Equal("", run.Out);
        await harness.Backend.Received(1).EnumerateSessionsAsync("/?:x", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task An_exact_help_option_after_the_values_still_prints_help_and_does_nothing()
    {
        var harness = WithAlice();

        var run = await harness.RunAsync("message", "alice", "--server", "RDS01", "--text", "-h:x", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--text", run.Out, StringComparison.Ordinal);
        await harness.Backend.DidNotReceiveWithAnyArgs().SendMessageAsync(default!, default);
    }
}
