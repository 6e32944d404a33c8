using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Catalog;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Settings;
using SessionKiller.Core.Tests.Support;

namespace SessionKiller.Core.Tests.Catalog;

/// <summary>
/// What the catalog costs the servers: nothing while nobody queries, one read per interval while someone
/// does, a few servers at a time. The clock is fake, so every timer tick is one the test asked for.
/// </summary>
public sealed class SessionCatalogCostTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private static readonly string[] Servers = ["RDS01", "RDS02"];

    private readonly ISessionBackend backend = Substitute.For<ISessionBackend>();
    private readonly FakeTimeProvider time = new(TestSessions.Now);
    private readonly SessionCatalog catalog;

    public SessionCatalogCostTests()
    {
        catalog = new SessionCatalog(backend, time);
        catalog.Configure(SessionKillerSettings.Default with { Servers = Servers, ServerTimeoutSeconds = 5, RefreshIntervalSeconds = (int)Interval.TotalSeconds });
        Serve("RDS01", TestSessions.User("bob", server: "RDS01"));
        Serve("RDS02", TestSessions.User("carol", server: "RDS02"));
    }

    public void Dispose() => catalog.Dispose();

    [Fact]
    public void Started_and_never_queried_it_reads_for_two_intervals_then_calls_no_server_for_ten_more()
    {
        catalog.Start();
        time.Advance(TimeSpan.Zero);
        time.Advance(Interval);
        var readsBeforeIdle = Reads();

        for (var i = 0; i < 11; i++)
        {
            time.Advance(Interval);
        }

        Assert.Equal(4, readsBeforeIdle); // at the start and one interval later, on both servers
        Assert.Equal(4, Reads());
        Assert.False(catalog.IsRefreshing);
    }

    [Fact]
    public void Idle_for_ten_intervals_after_the_last_query_it_makes_no_call()
    {
        catalog.Start();
        time.Advance(TimeSpan.Zero);
        catalog.ForQuery();
        time.Advance(Interval);
        time.Advance(Interval);
        var readsAfterLastQuery = Reads();

        for (var i = 0; i < 10; i++)
        {
            time.Advance(Interval);
        }

        Assert.Equal(readsAfterLastQuery, Reads());
        Assert.False(catalog.IsRefreshing);
    }

    [Fact]
    public void Queries_keep_it_reading_every_interval()
    {
        catalog.Start();
        time.Advance(TimeSpan.Zero);

        // Someone types every 20 seconds for five minutes: ten more intervals, ten more reads per server.
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromMinutes(5); elapsed += TimeSpan.FromSeconds(20))
        {
            catalog.ForQuery();
            time.Advance(TimeSpan.FromSeconds(20));
        }

        Assert.Equal(11, ReadsOf("RDS01"));
        Assert.True(catalog.IsRefreshing);
    }

    [Fact]
    public void Before_Start_a_query_reads_nothing()
    {
        catalog.ForQuery();
        time.Advance(Interval);

        Assert.Equal(0, Reads());
    }

    [Fact]
    public void While_someone_types_the_snapshot_is_not_marked_with_an_age()
    {
        catalog.Start();
        time.Advance(TimeSpan.Zero);
        time.Advance(TimeSpan.FromSeconds(10));

        var view = catalog.ForQuery();

        Assert.Null(view.ListedAt);
        Assert.Equal(["bob", "carol"], view.Snapshot.Sessions.Select(session => session.UserName));
    }

    [Fact]
    public async Task The_first_query_after_a_pause_is_answered_at_once_from_the_last_snapshot_marked_with_its_age_while_a_read_runs()
    {
        catalog.Start();
        time.Advance(TimeSpan.Zero);
        GoIdle();
        var lastRead = catalog.Current.Servers.Min(server => server.RetrievedAt);
        Assert.Equal(TestSessions.Now + Interval, lastRead);
        var rds01 = Hang("RDS01");
        var rds02 = Hang("RDS02");
        var reads = Reads();

        var first = catalog.ForQuery();

        Assert.Equal(["bob", "carol"], first.Snapshot.Sessions.Select(session => session.UserName));
        Assert.Equal(lastRead, first.ListedAt);
        Assert.Equal(reads + 2, Reads()); // the read it started, in the background
        Assert.True(catalog.IsRefreshing);

        rds01.SetResult(BackendResult<IReadOnlyList<SessionInfo>>.Success([TestSessions.User("bob", server: "RDS01"), TestSessions.User("alice", id: 4, server: "RDS01")]));
        await Eventually(() => catalog.Current.Sessions.Count == 3);
        Assert.Equal(lastRead, catalog.ForQuery().ListedAt); // RDS02 is still being read
        rds02.SetResult(BackendResult<IReadOnlyList<SessionInfo>>.Success([TestSessions.User("carol", server: "RDS02")]));
        await Eventually(() => catalog.ForQuery().ListedAt is null);

        Assert.Equal(["bob", "alice", "carol"], catalog.ForQuery().Snapshot.Sessions.Select(session => session.UserName));
    }

    [Fact]
    public async Task The_delayed_query_after_a_pause_shows_the_read_the_first_query_started_without_asking_again()
    {
        catalog.Start();
        time.Advance(TimeSpan.Zero);
        GoIdle();
        var rds01 = Hang("RDS01");
        Serve("RDS02", TestSessions.User("carol", server: "RDS02"));
        catalog.ForQuery();
        var reads = Reads();

        var delayed = Task.Run(catalog.ForDelayedQuery);
        await Task.Delay(50);
        rds01.SetResult(BackendResult<IReadOnlyList<SessionInfo>>.Success([TestSessions.User("alice", id: 4, server: "RDS01")]));
        var view = await delayed.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Null(view.ListedAt);
        Assert.Equal(["alice", "carol"], view.Snapshot.Sessions.Select(session => session.UserName));
        Assert.Equal(reads, Reads());
    }

    [Fact]
    public async Task A_delayed_query_waits_for_a_hanging_server_no_longer_than_the_delayed_query_wait()
    {
        catalog.Start();
        time.Advance(TimeSpan.Zero);
        GoIdle();
        Hang("RDS01");
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var view = await Task.Run(catalog.ForDelayedQuery).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.InRange(watch.Elapsed, SessionCatalog.DelayedQueryWait - TimeSpan.FromMilliseconds(100), SessionCatalog.DelayedQueryWait + TimeSpan.FromSeconds(2));
        Assert.Equal(["bob", "carol"], view.Snapshot.Sessions.Select(session => session.UserName));
        Assert.NotNull(view.ListedAt);
    }

    [Fact]
    public void A_delayed_query_while_someone_types_reads_nothing_more()
    {
        catalog.Start();
        time.Advance(TimeSpan.Zero);
        time.Advance(TimeSpan.FromSeconds(10));
        var reads = Reads();

        var view = catalog.ForDelayedQuery();

        Assert.Equal(reads, Reads());
        Assert.Null(view.ListedAt);
    }

    [Fact]
    public void Servers_added_while_idle_are_read_at_the_next_query_not_before()
    {
        catalog.Start();
        time.Advance(TimeSpan.Zero);
        GoIdle();
        Serve("RDS03", TestSessions.User("dave", server: "RDS03"));

        catalog.Configure(SessionKillerSettings.Default with { Servers = ["RDS01", "RDS02", "RDS03"], ServerTimeoutSeconds = 5 });
        time.Advance(Interval);
        var readsWhileIdle = ReadsOf("RDS03");
        catalog.ForQuery();

        Assert.Equal(0, readsWhileIdle);
        Assert.Equal(1, ReadsOf("RDS03"));
    }

    [Fact]
    public async Task At_most_four_servers_are_read_at_once_each_under_its_own_timeout()
    {
        var six = Enumerable.Range(1, 6).Select(i => $"SRV{i}").ToArray();
        catalog.Configure(SessionKillerSettings.Default with { Servers = six, ServerTimeoutSeconds = 5 });
        foreach (var server in six)
        {
            Hang(server);
        }

        var refresh = catalog.RefreshAsync();
        await Eventually(() => Reads() == SessionCatalog.MaxParallelReads);
        time.Advance(TimeSpan.FromSeconds(3));
        var readsWhileFourHang = Reads();
        time.Advance(TimeSpan.FromSeconds(2));
        await Eventually(() => Reads() == 6);
        var staleWhenTheFirstFourTimedOut = catalog.Current.Servers.Count(server => server.IsStale);
        time.Advance(TimeSpan.FromSeconds(5));
        await refresh.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(4, readsWhileFourHang);
        Assert.Equal(4, staleWhenTheFirstFourTimedOut); // the last two started later, so their timeout ends later
        Assert.All(catalog.Current.Servers, server => Assert.Equal(FailureKind.TimedOut, server.Failure?.Kind));
    }

    /// <summary>Two intervals without a query: the catalog stops refreshing.</summary>
    private void GoIdle()
    {
        for (var i = 0; i < 3; i++)
        {
            time.Advance(Interval);
        }

        Assert.False(catalog.IsRefreshing);
    }

    private void Serve(string server, params SessionInfo[] sessions) => backend.Serve(server, sessions);

    private TaskCompletionSource<BackendResult<IReadOnlyList<SessionInfo>>> Hang(string server) => backend.Hang(server);

    private int Reads() => backend.Reads();

    private int ReadsOf(string server) => backend.Reads(server);

    private static Task Eventually(Func<bool> condition) => CatalogBackend.EventuallyAsync(condition);
}
