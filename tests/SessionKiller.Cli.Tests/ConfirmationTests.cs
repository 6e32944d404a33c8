using NSubstitute;
using SessionKiller.Cli.Tests.Support;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Tests.Support;

namespace SessionKiller.Cli.Tests;

public class ConfirmationTests
{
    private static CliHarness WithBob() => new CliHarness().WithSessions("RDS01", TestSessions.User("bob", id: 3));

    [Fact]
    public async Task Logoff_with_yes_does_not_ask()
    {
        var harness = WithBob();

        var run = await harness.RunAsync("logoff", "bob", "--server", "RDS01", "--yes");

        Assert.Equal(0, run.ExitCode);
        await harness.Prompt.DidNotReceiveWithAnyArgs().ConfirmAsync(default!, default);
        await harness.Backend.Received(1).LogOffAsync("RDS01", 3, true, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Logoff_without_yes_asks_about_the_resolved_session_and_goes_ahead_on_yes()
    {
        var harness = WithBob().PromptAnswers(true);

        var run = await harness.RunAsync("logoff", "bob", "--server", "RDS01");

        Assert.Equal(0, run.ExitCode);
        await harness.Prompt.Received(1).ConfirmAsync(
            Arg.Is<Confirmation>(confirmation => confirmation.Session.SessionId == 3 && confirmation.Action == SessionAction.LogOff),
            Arg.Any<CancellationToken>());
        await harness.Backend.Received(1).LogOffAsync("RDS01", 3, true, Arg.Any<CancellationToken>());
        Assert.Single(run.OutLines);
    }

    [Fact]
    public async Task Logoff_without_yes_does_nothing_when_the_answer_is_no()
    {
        var harness = WithBob().PromptAnswers(false);

        var run = await harness.RunAsync("logoff", "bob", "--server", "RDS01");

        Assert.Equal(4, run.ExitCode);
        Assert.Single(run.ErrorLines);
        await harness.DidNotLogOff();
    }

    [Fact]
    public async Task Logoff_without_yes_refuses_with_exit_4_when_stdin_is_not_a_terminal()
    {
        var harness = WithBob().PromptAnswers(true);
        harness.StdinIsInteractive = false;

        var run = await harness.RunAsync("logoff", "bob", "--server", "RDS01");

        Assert.Equal(4, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("--yes", line, StringComparison.Ordinal);
        await harness.Prompt.DidNotReceiveWithAnyArgs().ConfirmAsync(default!, default);
        await harness.DidNotLogOff();
    }

    [Fact]
    public async Task Logoff_with_yes_works_without_a_terminal()
    {
        var harness = WithBob();
        harness.StdinIsInteractive = false;

        var run = await harness.RunAsync("logoff", "bob", "--server", "RDS01", "--yes");

        Assert.Equal(0, run.ExitCode);
        await harness.Backend.Received(1).LogOffAsync("RDS01", 3, true, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Logoff_confirmed_yes_is_passed_to_the_runner_so_the_prompt_is_not_shown_even_when_it_would_say_no()
    {
        var harness = WithBob().PromptAnswers(false);

        var run = await harness.RunAsync("logoff", "#3", "--server", "RDS01", "--yes");

        Assert.Equal(0, run.ExitCode);
    }
}

public class TerminalPromptTests
{
    private static Confirmation Confirmation(string title, string text) =>
        new(SessionAction.LogOff, TestSessions.User("bob"), ConfirmationWarning.None, [], title, text);

    [Theory]
    [InlineData("y", true)]
    [InlineData("Y", true)]
    [InlineData("yes", true)]
    [InlineData("  YES  ", true)]
    [InlineData("n", false)]
    [InlineData("no", false)]
    [InlineData("", false)]
    [InlineData("yess", false)]
    [InlineData("ja", false)]
    public async Task Only_y_or_yes_goes_ahead(string answer, bool expected)
    {
        using var output = new StringWriter();
        var prompt = new TerminalPrompt(new StringReader(answer + "\n"), output);

        Assert.Equal(expected, await prompt.ConfirmAsync(Confirmation("Sign out?", "Sign out bob?"), CancellationToken.None));
    }

    [Fact]
    public async Task The_end_of_input_is_a_no()
    {
        using var output = new StringWriter();
        var prompt = new TerminalPrompt(new StringReader(""), output);

        Assert.False(await prompt.ConfirmAsync(Confirmation("Sign out?", "Sign out bob?"), CancellationToken.None));
    }

    [Fact]
    public async Task The_prompt_shows_the_confirmations_title_and_text_and_asks_y_N()
    {
        using var output = new StringWriter();
        var prompt = new TerminalPrompt(new StringReader("n\n"), output);

        await prompt.ConfirmAsync(Confirmation("Sign out bob?", "CONTOSO\\bob has Word open.\nSign out anyway?"), CancellationToken.None);

        Assert.Equal("Sign out bob?\nCONTOSO\\bob has Word open.\nSign out anyway?\nGo ahead? [y/N] ", output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task The_prompt_does_not_pass_terminal_escapes_through()
    {
        using var output = new StringWriter();
        var prompt = new TerminalPrompt(new StringReader("n\n"), output);

        await prompt.ConfirmAsync(Confirmation("Sign out \u001b[8m?", "bob\u202Eevil"), CancellationToken.None);

        Assert.DoesNotContain('\u001b', output.ToString());
        Assert.DoesNotContain('\u202E', output.ToString());
    }
}
