using Microsoft.CommandPalette.Extensions;
using NSubstitute;
using SessionKiller.CommandPalette.Tests.Support;
using SessionKiller.Core.Tests.Support;

namespace SessionKiller.CommandPalette.Tests;

/// <summary>The extension driven the way the Command Palette drives it, through the SDK's interfaces only.</summary>
[UseCulture]
public sealed class HostTests : IDisposable
{
    private readonly ExtensionHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Logoff_bob_lists_bob_and_the_confirmed_primary_command_signs_him_out()
    {
        harness.Serve("RDS01", TestSessions.User("bob", id: 3), TestSessions.User("alice", id: 4));
        await harness.StartAsync("RDS01");

        // IExtension.GetProvider -> ICommandProvider -> top-level command -> its page.
        IExtension extension = harness.Extension;
        var provider = Assert.IsAssignableFrom<ICommandProvider>(extension.GetProvider(ProviderType.Commands));
        var top = Assert.Single(provider.TopLevelCommands());
        Assert.Equal("Sign users out", top.Title);
        var page = Assert.IsAssignableFrom<IDynamicListPage>(top.Command);
        Assert.Equal("SessionKiller.SignUsersOut", page.Id);

        var changed = 0;
        page.ItemsChanged += (_, _) => Interlocked.Increment(ref changed);
        page.SearchText = "bob";
        Assert.True(changed > 0, "Typing must raise ItemsChanged, or CmdPal never asks for the new items.");
        var item = Assert.Single(page.GetItems());
        Assert.StartsWith("bob", item.Title);

        var result = Assert.IsAssignableFrom<IInvokableCommand>(item.Command).Invoke(null);
        Assert.Equal(CommandResultKind.Confirm, result.Kind);
        var confirm = Assert.IsAssignableFrom<IConfirmationArgs>(result.Args);
        Assert.True(confirm.IsPrimaryCommandCritical);
        Assert.Contains("bob", confirm.Title);
        Assert.Contains("WINWORD", confirm.Description);
        Assert.DoesNotContain("explorer", confirm.Description);
        await harness.Backend.DidNotReceiveWithAnyArgs().LogOffAsync(default!, default, default, default);

        var done = Assert.IsAssignableFrom<IInvokableCommand>(confirm.PrimaryCommand).Invoke(null);
        Assert.Equal(CommandResultKind.ShowToast, done.Kind);
        Assert.Equal(@"CONTOSO\bob was signed out of session 3 on RDS01.", Assert.IsAssignableFrom<IToastArgs>(done.Args).Message);
        await harness.Backend.Received(1).LogOffAsync("RDS01", 3, Arg.Any<bool>(), Arg.Any<CancellationToken>());
        await harness.Backend.DidNotReceive().LogOffAsync("RDS01", 4, Arg.Any<bool>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public void Only_the_commands_provider_is_offered()
    {
        IExtension extension = harness.Extension;
        Assert.Null(extension.GetProvider((ProviderType)42));
    }

    [Fact]
    public async Task A_provider_that_cannot_start_gives_CmdPal_nothing_instead_of_an_exception()
    {
        using var broken = new ExtensionHarness(_ => throw new InvalidOperationException("no services"));
        IExtension extension = broken.Extension;
        Assert.Null(extension.GetProvider(ProviderType.Commands));
        await Task.CompletedTask;
    }
}
