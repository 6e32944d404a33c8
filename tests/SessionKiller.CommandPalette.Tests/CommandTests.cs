using Microsoft.CommandPalette.Extensions;
using Microsoft.CommandPalette.Extensions.Toolkit;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using SessionKiller.CommandPalette.Actions;
using SessionKiller.CommandPalette.Tests.Support;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Tests.Support;

namespace SessionKiller.CommandPalette.Tests;

[UseCulture]
public sealed class CommandTests : IDisposable
{
    private readonly ExtensionHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Without_confirmation_enter_signs_out_at_once_and_ends_in_a_toast()
    {
        await StartWithBobAsync();
        harness.Configure(settings => settings with { Core = settings.Core with { ConfirmBeforeLogoff = false } });

        var result = ExtensionHarness.Invoke(harness.Only("bob").Command);

        Assert.Equal(CommandResultKind.ShowToast, result.Kind);
        Assert.Contains("was signed out", ((IToastArgs)result.Args).Message);
        await harness.Backend.Received(1).LogOffAsync("RDS01", 3, Arg.Any<bool>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_confirmation_nobody_answers_expires_as_a_No_and_nobody_is_signed_out()
    {
        await StartWithBobAsync();
        var confirm = ExtensionHarness.Invoke(harness.Only("bob").Command);
        Assert.Equal(CommandResultKind.Confirm, confirm.Kind);

        harness.Time.Advance(ActionFlow.ConfirmationLifetime);
        await ExtensionHarness.EventuallyAsync(() => harness.AuditLog.ReceivedCalls().Any());
        var late = ExtensionHarness.Invoke(((IConfirmationArgs)confirm.Args).PrimaryCommand);

        await harness.Backend.DidNotReceiveWithAnyArgs().LogOffAsync(default!, default, default, default);
        Assert.DoesNotContain("was signed out", ((IToastArgs)late.Args).Message);
    }

    [Fact]
    public async Task The_primary_command_refuses_when_the_id_now_belongs_to_someone_else()
    {
        await StartWithBobAsync();
        var confirm = ExtensionHarness.Invoke(harness.Only("bob").Command);

        // Between the dialog and the click, bob signed out and carol got session 3.
        harness.Serve("RDS01", TestSessions.User("carol", id: 3));
        var done = ExtensionHarness.Invoke(((IConfirmationArgs)confirm.Args).PrimaryCommand);

        Assert.Equal(CommandResultKind.ShowToast, done.Kind);
        await harness.Backend.DidNotReceiveWithAnyArgs().LogOffAsync(default!, default, default, default);
    }

    [Fact]
    public async Task Access_denied_goes_through_the_elevated_helper_with_the_identity_shown()
    {
        await StartWithBobAsync();
        harness.Backend.LogOffAsync(Arg.Any<string>(), Arg.Any<int>(), Arg.Any<bool>(), Arg.Any<CancellationToken>())
            .Returns((BackendResult)BackendFailure.AccessDenied());
        harness.Elevation.RunElevatedAsync(Arg.Any<ActionRequest>(), Arg.Any<CancellationToken>()).Returns(new ElevatedResult(OutcomeKind.Done));
        var confirm = ExtensionHarness.Invoke(harness.Only("bob").Command);

        var done = ExtensionHarness.Invoke(((IConfirmationArgs)confirm.Args).PrimaryCommand);

        Assert.Contains("was signed out", ((IToastArgs)done.Args).Message);
        await harness.Elevation.Received(1).RunElevatedAsync(
            Arg.Is<ActionRequest>(request => request.Target.UserName == "bob" && request.Target.SessionId == 3 && request.Confirmed),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task When_the_extension_runs_elevated_it_never_starts_the_helper()
    {
        await StartWithBobAsync();
        harness.Elevated = true;
        harness.Backend.LogOffAsync(Arg.Any<string>(), Arg.Any<int>(), Arg.Any<bool>(), Arg.Any<CancellationToken>())
            .Returns((BackendResult)BackendFailure.AccessDenied());
        var confirm = ExtensionHarness.Invoke(harness.Only("bob").Command);

        var done = ExtensionHarness.Invoke(((IConfirmationArgs)confirm.Args).PrimaryCommand);

        Assert.Contains("Access denied", ((IToastArgs)done.Args).Message);
        await harness.Elevation.DidNotReceiveWithAnyArgs().RunElevatedAsync(default!, default);
    }

    [Fact]
    public async Task A_backend_that_throws_ends_in_a_toast_never_in_an_exception_for_CmdPal()
    {
        await StartWithBobAsync();
        harness.Backend.LogOffAsync(Arg.Any<string>(), Arg.Any<int>(), Arg.Any<bool>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new InvalidOperationException("boom"));
        var confirm = ExtensionHarness.Invoke(harness.Only("bob").Command);

        var done = ExtensionHarness.Invoke(((IConfirmationArgs)confirm.Args).PrimaryCommand);

        Assert.Equal(CommandResultKind.ShowToast, done.Kind);
        Assert.DoesNotContain("was signed out", ((IToastArgs)done.Args).Message);
    }

    [Fact]
    public async Task Ask_first_runs_in_the_background_behind_a_status_message_and_ends_in_a_toast()
    {
        await StartWithBobAsync();
        var answer = new TaskCompletionSource<BackendResult<MessageAnswer>>();
        harness.Backend.SendMessageAsync(Arg.Any<MessageRequest>(), Arg.Any<CancellationToken>()).Returns(answer.Task);
        var ask = harness.Only("bob").MoreCommands.Cast<ICommandContextItem>().First();

        var result = ExtensionHarness.Invoke(ask.Command);

        Assert.Equal(CommandResultKind.KeepOpen, result.Kind);
        var working = await harness.Host.ShownAsync(message => message.StartsWith("Ask first", StringComparison.Ordinal));
        Assert.True(working.Progress.IsIndeterminate);
        answer.SetResult(BackendResult<MessageAnswer>.Success(MessageAnswer.Yes));
        var toast = await harness.Host.ShownAsync(message => message.Contains("said Yes", StringComparison.Ordinal));
        Assert.Equal(MessageState.Success, toast.State);
        await ExtensionHarness.EventuallyAsync(() => harness.Host.Hidden.Contains(working));
        await harness.Backend.Received(1).LogOffAsync("RDS01", 3, Arg.Any<bool>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Disconnect_and_send_message_act_on_the_session_shown()
    {
        await StartWithBobAsync();
        var more = harness.Only("bob").MoreCommands.Cast<ICommandContextItem>().ToArray();

        var disconnected = ExtensionHarness.Invoke(more[1].Command);
        var messaged = ExtensionHarness.Invoke(more[2].Command);

        Assert.Equal(CommandResultKind.ShowToast, disconnected.Kind);
        Assert.Equal(CommandResultKind.ShowToast, messaged.Kind);
        await harness.Backend.Received(1).DisconnectAsync("RDS01", 3, Arg.Any<bool>(), Arg.Any<CancellationToken>());
        await harness.Backend.Received(1).SendMessageAsync(Arg.Is<MessageRequest>(request => request.SessionId == 3), Arg.Any<CancellationToken>());
        await harness.Backend.DidNotReceiveWithAnyArgs().LogOffAsync(default!, default, default, default);
    }

    private async Task StartWithBobAsync()
    {
        harness.Serve("RDS01", TestSessions.User("bob", id: 3), TestSessions.User("alice", id: 4));
        await harness.StartAsync("RDS01");
    }
}
