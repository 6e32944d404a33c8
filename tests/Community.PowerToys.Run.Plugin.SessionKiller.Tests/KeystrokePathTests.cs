using System.Diagnostics;
using Community.PowerToys.Run.Plugin.SessionKiller.Tests.Support;
using NSubstitute;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Catalog;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Tests.Support;
using Wox.Plugin;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Tests;

/// <summary>Every keystroke is answered from memory: no server is called, and a hanging one costs nothing.</summary>
public sealed class KeystrokePathTests
{
    private static readonly string[] TenServers = Enumerable.Range(1, 10).Select(i => $"RDS{i:00}").ToArray();

    private static readonly string[] Keystrokes = ["", "b", "bo", "bob", @"contoso\b", "#3", "idle:>1h", "state:disc", "zzz", "bbo", "@rds05 b"];

    [Fact]
    public async Task A_sequence_of_queries_over_ten_servers_calls_no_backend_at_all()
    {
        using var plugin = new PluginHarness();
        foreach (var server in TenServers)
        {
            plugin.Serve(server, TestSessions.User("bob", id: 3, server: server), TestSessions.User("alice", id: 4, server: server));
        }

        await plugin.StartAsync(TenServers);
        plugin.Backend.ClearReceivedCalls();

        foreach (var text in Keystrokes)
        {
            plugin.Query(text);
            plugin.Main.Query(new Query("logoff " + text, "logoff"), delayedExecution: false);
        }

        Assert.Empty(plugin.Backend.ReceivedCalls());
    }

    [Fact]
    public async Task With_one_of_ten_servers_hanging_a_query_is_as_fast_as_with_all_healthy_and_shows_it_stale()
    {
        using var healthy = new PluginHarness(TimeProvider.System);
        using var withHang = new PluginHarness(TimeProvider.System);
        foreach (var server in TenServers)
        {
            healthy.Serve(server, TestSessions.User("bob", id: 3, server: server));
            withHang.Serve(server, TestSessions.User("bob", id: 3, server: server));
        }

        withHang.Backend.EnumerateSessionsAsync("RDS07", Arg.Any<CancellationToken>())
            .Returns(new TaskCompletionSource<BackendResult<IReadOnlyList<SessionInfo>>>().Task);
        await healthy.StartAsync(TenServers);
        withHang.Configure(options => options[Settings.SettingsMapper.Servers].TextValue = string.Join("\r", TenServers));
        withHang.Main.Catalog.Configure(withHang.Main.Settings.Core with { ServerTimeoutSeconds = 1 });
        withHang.Main.Init(new PluginInitContext { API = withHang.Api });
        await withHang.Main.Catalog.RefreshAsync();

        var healthyTime = TimeQueries(healthy);
        var hangingTime = TimeQueries(withHang);

        // Both are a few milliseconds for 200 queries; a query that waited on RDS07 even once would take a second.
        Assert.True(hangingTime < healthyTime * 3 + TimeSpan.FromMilliseconds(200), $"healthy {healthyTime.TotalMilliseconds} ms, one hanging {hangingTime.TotalMilliseconds} ms");
        var stale = Assert.Single(withHang.Query(), result => result.ContextData is not SessionInfo && result.Title.Contains("RDS07", StringComparison.Ordinal));
        Assert.Contains("1 s", stale.SubTitle, StringComparison.Ordinal);
        Assert.Equal(9, withHang.Query("bob").Count(result => result.ContextData is SessionInfo));
    }

    private static TimeSpan TimeQueries(PluginHarness plugin)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
        {
            foreach (var text in Keystrokes[..10])
            {
                plugin.Query(text);
            }
        }

        return watch.Elapsed;
    }

    [Fact]
    public void Init_makes_no_backend_call_on_its_thread_and_returns_at_once()
    {
        using var plugin = new PluginHarness(TimeProvider.System);
        var initThread = Environment.CurrentManagedThreadId;
        var callThreads = new List<int>();
        plugin.Backend.EnumerateSessionsAsync(Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(_ =>
        {
            lock (callThreads)
            {
                callThreads.Add(Environment.CurrentManagedThreadId);
            }

            // A slow server: were Init to call it, Init would take this long.
            Thread.Sleep(1000);
            return Task.FromResult(BackendResult<IReadOnlyList<SessionInfo>>.Success([]));
        });
        var watch = Stopwatch.StartNew();

        plugin.Main.Init(new PluginInitContext { API = plugin.Api });

        Assert.True(watch.Elapsed < TimeSpan.FromMilliseconds(200), $"Init took {watch.Elapsed.TotalMilliseconds} ms");
        SpinWait.SpinUntil(() => { lock (callThreads) { return callThreads.Count > 0; } }, TimeSpan.FromSeconds(5));
        lock (callThreads)
        {
            Assert.NotEmpty(callThreads);
            Assert.DoesNotContain(initThread, callThreads);
        }
    }

    [Fact]
    public void The_first_query_right_after_Init_already_shows_this_computers_sessions()
    {
        using var plugin = new PluginHarness(TimeProvider.System);
        plugin.Backend.EnumerateSessionsAsync("localhost", Arg.Any<CancellationToken>()).Returns(_ =>
        {
            Thread.Sleep(40);
            return Task.FromResult(BackendResult<IReadOnlyList<SessionInfo>>.Success([TestSessions.User("bob", id: 2, server: "localhost")]));
        });

        plugin.Main.Init(new PluginInitContext { API = plugin.Api });
        var query = new Query("logoff", "logoff");
        var atOnce = plugin.Main.Query(query);
        var afterPause = plugin.Main.Query(query, delayedExecution: true);

        // PowerToys shows the first answer at once and replaces it with the delayed one.
        Assert.All(atOnce, result => Assert.True(result.ContextData is SessionInfo || result.Title.Contains("this PC", StringComparison.Ordinal), result.Title));
        Assert.StartsWith("bob ", Assert.Single(afterPause, result => result.ContextData is SessionInfo).Title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_query_while_the_first_read_hangs_does_not_wait_and_the_delayed_one_waits_only_briefly()
    {
        using var plugin = new PluginHarness(TimeProvider.System);
        plugin.Backend.EnumerateSessionsAsync("localhost", Arg.Any<CancellationToken>())
            .Returns(new TaskCompletionSource<BackendResult<IReadOnlyList<SessionInfo>>>().Task);
        plugin.Main.Init(new PluginInitContext { API = plugin.Api });
        var query = new Query("logoff b", "logoff");

        var watch = Stopwatch.StartNew();
        plugin.Main.Query(query);
        var atOnce = watch.Elapsed;
        watch.Restart();
        var delayed = plugin.Main.Query(query, delayedExecution: true);
        var afterPause = watch.Elapsed;

        Assert.True(atOnce < TimeSpan.FromMilliseconds(100), $"the query took {atOnce.TotalMilliseconds} ms");
        Assert.True(afterPause < SessionCatalog.DelayedQueryWait + TimeSpan.FromSeconds(1), $"the delayed query took {afterPause.TotalMilliseconds} ms");
        Assert.Contains(delayed, result => result.Title.Contains("this PC", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_sessions_texts_are_written_once_per_snapshot_and_reused_by_every_keystroke()
    {
        using var plugin = new PluginHarness();
        plugin.Serve("RDS01", TestSessions.User("bob", id: 3, server: "RDS01"));
        await plugin.StartAsync("RDS01");

        var first = plugin.Only("bob");
        var second = plugin.Only("bo");

        Assert.Same(first.Title, second.Title);
        Assert.Same(first.SubTitle, second.SubTitle);
        Assert.Same(first.ToolTipData, second.ToolTipData);
    }

    [Fact]
    public async Task A_sessions_texts_are_written_again_on_a_new_day_so_the_sign_in_shows_its_date()
    {
        using var plugin = new PluginHarness();
        plugin.Serve("RDS01", TestSessions.User("bob", id: 3, server: "RDS01"));
        await plugin.StartAsync("RDS01");
        var today = plugin.Only("bob").SubTitle;

        plugin.FakeTime.Advance(TimeSpan.FromDays(1));
        var tomorrow = plugin.Only("bob").SubTitle;

        Assert.NotEqual(today, tomorrow);
        Assert.Contains("2026", tomorrow, StringComparison.Ordinal);
    }
}
