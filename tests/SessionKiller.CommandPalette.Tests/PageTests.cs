using Microsoft.CommandPalette.Extensions;
using NSubstitute;
using SessionKiller.CommandPalette.Tests.Support;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Tests.Support;

namespace SessionKiller.CommandPalette.Tests;

[UseCulture]
public sealed class PageTests : IDisposable
{
    private readonly ExtensionHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task The_search_runs_Cores_ranking_exact_before_prefix_before_substring()
    {
        harness.Serve("RDS01", TestSessions.User("rbob", id: 5), TestSessions.User("bobby", id: 4), TestSessions.User("bob", id: 3));
        await harness.StartAsync("RDS01");

        var titles = harness.Search("bob").Select(item => item.Title.Split(' ')[0]).ToArray();

        Assert.Equal(["bob", "bobby", "rbob"], titles);
    }

    [Fact]
    public async Task A_filter_narrows_the_list_as_in_the_plugin()
    {
        harness.Serve("RDS01", TestSessions.User("bob", id: 3, state: SessionState.Disconnected), TestSessions.User("alice", id: 4));
        await harness.StartAsync("RDS01");

        var item = Assert.Single(harness.Search("state:disconnected"));

        Assert.StartsWith("bob", item.Title);
    }

    [Fact]
    public async Task A_mistyped_filter_is_one_item_that_explains_the_grammar_and_acts_on_nobody()
    {
        harness.Serve("RDS01", TestSessions.User("bob"));
        await harness.StartAsync("RDS01");

        var item = Assert.Single(harness.Search("idle:>banana"));

        Assert.Contains("idle:>banana", item.Title);
        Assert.Empty(item.MoreCommands);
        Assert.Equal(CommandResultKind.KeepOpen, ExtensionHarness.Invoke(item.Command).Kind);
        await AssertNoActionAsync();
    }

    [Fact]
    public async Task A_server_that_failed_is_shown_as_an_item_whose_command_reads_it_again()
    {
        harness.Serve("RDS01", TestSessions.User("bob"));
        harness.Fail("RDS02", new BackendFailure(FailureKind.ServerUnavailable, 1722, "The RPC server is unavailable."));
        await harness.StartAsync("RDS01", "RDS02");
        var readsBefore = harness.Backend.ReceivedCalls().Count(call => call.GetArguments().FirstOrDefault() is "RDS02");

        var items = harness.Search("");
        var problem = Assert.Single(items, item => item.Title.Contains("RDS02", StringComparison.Ordinal));
        Assert.Contains("cannot be reached", problem.Title, StringComparison.Ordinal);
        Assert.Contains(items, item => item.Title.StartsWith("bob", StringComparison.Ordinal));

        Assert.Equal(CommandResultKind.KeepOpen, ExtensionHarness.Invoke(problem.Command).Kind);
        await ExtensionHarness.EventuallyAsync(() =>
            harness.Backend.ReceivedCalls().Count(call => call.GetArguments().FirstOrDefault() is "RDS02") > readsBefore);
    }

    [Fact]
    public async Task Nobody_matching_is_said_in_one_item()
    {
        harness.Serve("RDS01", TestSessions.User("bob"));
        await harness.StartAsync("RDS01");

        var item = Assert.Single(harness.Search("zelda"));

        Assert.Contains("zelda", item.Title);
    }

    [Fact]
    public async Task A_catalog_update_raises_ItemsChanged_with_the_new_sessions()
    {
        harness.Serve("RDS01", TestSessions.User("bob"));
        await harness.StartAsync("RDS01");
        harness.Search("carol");
        var changed = 0;
        harness.Page.ItemsChanged += (_, _) => Interlocked.Increment(ref changed);

        harness.Serve("RDS01", TestSessions.User("bob"), TestSessions.User("carol", id: 7));
        await harness.Provider.Catalog.RefreshAsync();

        Assert.True(changed > 0);
        Assert.StartsWith("carol", Assert.Single(harness.Page.GetItems()).Title);
    }

    [Fact]
    public async Task The_own_session_is_hidden_when_the_setting_says_so()
    {
        harness.Serve("RDS01", TestSessions.User("admin", id: 2, current: true), TestSessions.User("bob", id: 3));
        await harness.StartAsync("RDS01");
        Assert.Equal(2, harness.Search("").Length);

        harness.Configure(settings => settings with { Core = settings.Core with { ShowOwnSession = false } });

        Assert.StartsWith("bob", Assert.Single(harness.Search("")).Title);
    }

    private async Task AssertNoActionAsync()
    {
        await Task.Delay(50);
        Assert.DoesNotContain(harness.Backend.ReceivedCalls(), call => call.GetMethodInfo().Name is nameof(ISessionBackend.LogOffAsync) or nameof(ISessionBackend.DisconnectAsync) or nameof(ISessionBackend.SendMessageAsync));
    }
}
