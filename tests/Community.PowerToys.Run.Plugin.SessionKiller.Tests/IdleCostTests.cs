using Community.PowerToys.Run.Plugin.SessionKiller.Tests.Support;
using NSubstitute;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Catalog;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Tests.Support;
using Wox.Plugin;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Tests;

/// <summary>PowerToys keeps the plugin loaded all day: nobody typing must cost the servers nothing.</summary>
public sealed class IdleCostTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30); // the default refresh interval

    [Fact]
    public async Task Idle_for_ten_intervals_after_its_last_query_the_plugin_calls_no_server()
    {
        using var plugin = new PluginHarness();
        plugin.Serve("RDS01", TestSessions.User("bob", id: 3)).Serve("RDS02", TestSessions.User("ann", id: 4, server: "RDS02"));
        await plugin.StartAsync("RDS01", "RDS02");
        plugin.Query("b");
        plugin.FakeTime.Advance(Interval);
        plugin.FakeTime.Advance(Interval);
        plugin.Backend.ClearReceivedCalls();

        for (var i = 0; i < 10; i++)
        {
            plugin.FakeTime.Advance(Interval);
        }

        Assert.Empty(plugin.Backend.ReceivedCalls());
    }

    [Fact]
    public async Task After_a_pause_the_first_query_shows_the_last_sessions_with_their_age_and_the_delayed_one_the_fresh_ones()
    {
        using var plugin = await PausedWithBobAsync();
        var read = Hang(plugin);
        var reads = plugin.Reads("RDS01");
        var query = new Query("logoff bob", "logoff");

        var atOnce = plugin.Main.Query(query);
        var delayed = Task.Run(() => plugin.Main.Query(query, delayedExecution: true));
        await Task.Delay(50);
        read.SetResult(BackendResult<IReadOnlyList<SessionInfo>>.Success([TestSessions.User("bob", id: 3), TestSessions.User("bobby", id: 4)]));
        var fresh = await delayed.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["bob"], Users(atOnce));
        var age = Assert.Single(atOnce, result => result.ContextData is null);
        Assert.Equal("Sessions as listed 10 min ago; reading again…", age.Title);
        Assert.Equal(0, age.Score);
        Assert.False(age.Action(new ActionContext()));
        Assert.Equal(["bob", "bobby"], Users(fresh));
        Assert.DoesNotContain(fresh, result => result.ContextData is null);
        Assert.Equal(reads + 1, plugin.Reads("RDS01"));
    }

    [Fact]
    public async Task A_delayed_query_that_waits_for_a_hanging_server_returns_within_the_catalogs_wait()
    {
        using var plugin = await PausedWithBobAsync();
        Hang(plugin);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var delayed = plugin.Main.Query(new Query("logoff bob", "logoff"), delayedExecution: true);

        Assert.True(watch.Elapsed < SessionCatalog.DelayedQueryWait + TimeSpan.FromSeconds(1), $"the delayed query took {watch.Elapsed.TotalMilliseconds} ms");
        Assert.Equal(["bob"], Users(delayed));
        Assert.Contains(delayed, result => result.Title.StartsWith("Sessions as listed 10 min ago", StringComparison.Ordinal));
    }

    /// <summary>bob on RDS01, read at the start, and then nobody typed for ten minutes.</summary>
    private static async Task<PluginHarness> PausedWithBobAsync()
    {
        var plugin = new PluginHarness();
        plugin.Serve("RDS01", TestSessions.User("bob", id: 3));
        await plugin.StartAsync("RDS01");
        plugin.FakeTime.Advance(TimeSpan.FromMinutes(10));
        return plugin;
    }

    /// <summary>From now on RDS01 answers only when the test says.</summary>
    private static TaskCompletionSource<BackendResult<IReadOnlyList<SessionInfo>>> Hang(PluginHarness plugin)
    {
        var read = new TaskCompletionSource<BackendResult<IReadOnlyList<SessionInfo>>>(TaskCreationOptions.RunContinuationsAsynchronously);
        plugin.Backend.EnumerateSessionsAsync("RDS01", Arg.Any<CancellationToken>()).Returns(read.Task);
        return read;
    }

    private static List<string> Users(List<Result> results) =>
        results.Select(result => result.ContextData).OfType<SessionInfo>().Select(session => session.UserName).ToList();
}
