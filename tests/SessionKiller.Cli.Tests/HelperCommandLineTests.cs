using NSubstitute;
using SessionKiller.Cli.Tests.Support;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Backend;
using SessionKiller.Core.HelperProtocol;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Settings;
using SessionKiller.Core.Tests.Support;

namespace SessionKiller.Cli.Tests;

/// <summary>The arguments the plugin gives the elevated helper, and that they mean the same request to the CLI.</summary>
public class HelperCommandLineTests
{
    private static readonly SessionIdentity Bob = TestSessions.User("bob", id: 3).Identity;

    public static TheoryData<ActionRequest> Requests => new()
    {
        new ActionRequest(SessionAction.LogOff, Bob) { Confirmed = true },
        new ActionRequest(SessionAction.LogOff, Bob) { Confirmed = false, Wait = false },
        new ActionRequest(SessionAction.LogOff, Bob with { LogonTime = null, DomainName = "" }) { Confirmed = true },
        new ActionRequest(SessionAction.LogOff, Bob with { ServerName = ServerNames.Local }) { Confirmed = true },
        new ActionRequest(SessionAction.Disconnect, Bob) { Confirmed = true, Wait = false },
        new ActionRequest(SessionAction.AskFirst, Bob) { Confirmed = true },
        new ActionRequest(SessionAction.AskFirst, Bob)
        {
            Confirmed = true,
            MessageText = "{admin} needs you out, {user}.\nSave now.",
            MessageTitle = "IT",
            AskTimeout = TimeSpan.FromSeconds(120),
            OnNoAnswer = TimeoutPolicy.LogOff,
        },
        new ActionRequest(SessionAction.AskFirst, Bob) { OnNoAnswer = TimeoutPolicy.Keep, AskTimeout = TimeSpan.FromSeconds(10) },
        new ActionRequest(SessionAction.SendMessage, Bob) { MessageText = "Restart at 18:00 -- save your work." },
        new ActionRequest(SessionAction.SendMessage, Bob) { MessageText = "--yes", MessageTitle = "@notice", Confirmed = true },
    };

    [Fact]
    public void A_logoff_runs_as_id_on_its_server_confirmed_and_bound_to_user_and_logon()
    {
        var request = new ActionRequest(SessionAction.LogOff, Bob with { LogonTime = TestSessions.Now.AddTicks(3) }) { Confirmed = true };

        var args = HelperCommandLine.For(request);

        Assert.Equal(
            ["logoff", "#3", "--server", "RDS01", "--yes", "--expect-user", @"CONTOSO\bob", "--expect-logon", "2026-11-25T12:00:00.0000003Z"],
            args);
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public void The_arguments_parse_back_into_the_same_request(ActionRequest request)
    {
        var commandLine = new CliCommandLine();

        var parse = commandLine.Parse(HelperCommandLine.For(request));

        Assert.Empty(parse.Errors);
        var invocation = commandLine.ReadAction(parse);
        Assert.Equal(request, invocation.RequestWithoutResolving());
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task The_arguments_run_the_action_on_that_session_in_the_CLI(ActionRequest request)
    {
        var session = TestSessions.User(request.Target.UserName, id: 3, server: request.Target.ServerName, domain: request.Target.DomainName)
            with { LogonTime = request.Target.LogonTime };
        var harness = new CliHarness().WithSessions(request.Target.ServerName, session).PromptAnswers(true).UserAnswers(MessageAnswer.Yes);

        var run = await harness.RunAsync([.. HelperCommandLine.For(request)]);

        Assert.Equal(0, run.ExitCode);
        switch (request.Action)
        {
            case SessionAction.LogOff or SessionAction.AskFirst:
                await harness.Backend.Received(1).LogOffAsync(request.Target.ServerName, 3, Arg.Any<bool>(), Arg.Any<CancellationToken>());
                break;
            case SessionAction.Disconnect:
                await harness.Backend.Received(1).DisconnectAsync(request.Target.ServerName, 3, request.Wait, Arg.Any<CancellationToken>());
                break;
            default:
                await harness.Backend.Received(1).SendMessageAsync(Arg.Is<MessageRequest>(m => m.Text == request.MessageText), Arg.Any<CancellationToken>());
                break;
        }
    }

    [Fact]
    public async Task The_helper_refuses_a_session_that_another_user_took_since_the_arguments_were_made()
    {
        var request = new ActionRequest(SessionAction.LogOff, Bob) { Confirmed = true };
        var harness = new CliHarness().WithSessions("RDS01", TestSessions.User("alice", id: 3));

        var run = await harness.RunAsync([.. HelperCommandLine.For(request)]);

        Assert.Equal(7, run.ExitCode);
        await harness.DidNotLogOff();
    }

    [Fact]
    public void With_settings_an_ask_carries_what_the_request_leaves_to_them()
    {
        var settings = SessionKillerSettings.Default with
        {
            AskFirstText = "Please sign out, {user}.",
            AskFirstTitle = "Helpdesk",
            AskFirstTimeoutSeconds = 45,
            OnNoAnswer = TimeoutPolicy.LogOff,
        };
        var request = new ActionRequest(SessionAction.AskFirst, Bob) { Confirmed = true, MessageTitle = "Own title" };

        var args = HelperCommandLine.For(request, settings);

        Assert.Equal(
            ["--message", "Please sign out, {user}.", "--title", "Own title", "--timeout", "45", "--on-timeout", "logoff"],
            args.Skip(9));
    }

    [Fact]
    public void A_session_without_a_user_cannot_be_handed_to_the_helper()
    {
        var request = new ActionRequest(SessionAction.LogOff, TestSessions.Services().Identity);

        Assert.Throws<ArgumentException>(() => HelperCommandLine.For(request));
    }

    [Fact]
    public void A_message_without_text_cannot_be_handed_to_the_helper()
    {
        Assert.Throws<ArgumentException>(() => HelperCommandLine.For(new ActionRequest(SessionAction.SendMessage, Bob)));
    }

    [Theory]
    [InlineData("bad\u0007title", null, 60)]
    [InlineData(null, "text\u001b", 60)]
    [InlineData(null, null, 5)]
    [InlineData(null, null, 7200)]
    public void Values_the_CLI_would_refuse_are_refused_here_first(string? title, string? text, int timeoutSeconds)
    {
        var request = new ActionRequest(SessionAction.AskFirst, Bob)
        {
            MessageTitle = title,
            MessageText = text,
            AskTimeout = TimeSpan.FromSeconds(timeoutSeconds),
        };

        Assert.Throws<ArgumentException>(() => HelperCommandLine.For(request));
    }
}
