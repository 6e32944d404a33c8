using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Catalog;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Settings;
using SessionKiller.Core.Tests.Support;

namespace SessionKiller.Core.Tests.Catalog;

public sealed class SessionCatalogTests : IDisposable
{
    private readonly ISessionBackend backend = Substitute.For<ISessionBackend>();
    private readonly FakeTimeProvider time = new(TestSessions.Now);
    private readonly SessionCatalog catalog;

    public SessionCatalogTests()
    {
        catalog = new SessionCatalog(backend, time);
        catalog.Configure(SessionKillerSettings.Default with { Servers = ["RDS01", "RDS02"], ServerTimeoutSeconds = 5, RefreshIntervalSeconds = 30 });
    }

    public void Dispose() => catalog.Dispose();

    private void Serve(string server, params SessionInfo[] sessions) => backend.Serve(server, sessions);

    private void Fail(string server, BackendFailure failure) => backend.Fail(server, failure);

    private TaskCompletionSource<BackendResult<IReadOnlyList<SessionInfo>>> Hang(string server) => backend.Hang(server);

    private int ReadsOf(string server) => backend.Reads(server);

    private ServerSnapshot Server(string name) => catalog.Current.Servers.Single(server => server.ServerName == name);

    [Fact]
    public void Before_any_read_every_configured_server_is_pending_and_nothing_was_asked()
    {
        Assert.Equal(["RDS01", "RDS02"], catalog.Current.Servers.Select(server => server.ServerName));
        Assert.All(catalog.Current.Servers, server => Assert.True(server.IsPending));
        Assert.Empty(catalog.Current.Sessions);
        Assert.Empty(backend.ReceivedCalls());
    }

    [Fact]
    public void Without_configured_servers_the_catalog_lists_this_computer()
    {
        using var local = new SessionCatalog(backend, time);

        Assert.Equal([ServerNames.Local], local.Current.Servers.Select(server => server.ServerName));
    }

    [Fact]
    public async Task A_refresh_reads_every_server_and_flattens_their_sessions()
    {
        Serve("RDS01", TestSessions.User("bob", server: "RDS01"), TestSessions.User("alice", id: 4, server: "RDS01"));
        Serve("RDS02", TestSessions.User("carol", server: "RDS02"));

        await catalog.RefreshAsync();

        Assert.Equal(["bob", "alice", "carol"], catalog.Current.Sessions.Select(session => session.UserName));
        Assert.All(catalog.Current.Servers, server => Assert.Equal(TestSessions.Now, server.RetrievedAt));
        Assert.All(catalog.Current.Servers, server => Assert.False(server.IsStale));
    }

    [Fact]
    public async Task Sessions_carry_the_configured_server_name()
    {
        Serve("RDS01", TestSessions.User("bob", server: "rds01.contoso.local"));
        Serve("RDS02");

        await catalog.RefreshAsync();

        Assert.Equal("RDS01", catalog.Current.Sessions.Single().ServerName);
    }

    [Fact]
    public async Task A_failing_server_keeps_its_last_sessions_marked_stale_with_the_reason()
    {
        Serve("RDS01", TestSessions.User("bob", server: "RDS01"));
        Serve("RDS02", TestSessions.User("carol", server: "RDS02"));
        await catalog.RefreshAsync();
        time.Advance(TimeSpan.FromMinutes(2));
        Fail("RDS01", BackendFailure.ServerUnavailable(1722, "The RPC server is unavailable."));
        Serve("RDS02", TestSessions.User("dave", server: "RDS02"));

        await catalog.RefreshAsync();

        var failed = Server("RDS01");
        Assert.True(failed.IsStale);
        Assert.Equal(1722, failed.Failure!.Code);
        Assert.Equal(TestSessions.Now, failed.RetrievedAt);
        Assert.Equal(TestSessions.Now.AddMinutes(2), failed.FailedAt);
        Assert.Equal(["bob", "dave"], catalog.Current.Sessions.Select(session => session.UserName));
    }

    [Fact]
    public async Task A_server_that_recovers_is_no_longer_stale()
    {
        Fail("RDS01", BackendFailure.AccessDenied());
        Serve("RDS02");
        await catalog.RefreshAsync();
        Serve("RDS01", TestSessions.User("bob", server: "RDS01"));

        await catalog.RefreshAsync();

        Assert.False(Server("RDS01").IsStale);
        Assert.Single(catalog.Current.Sessions);
    }

    [Fact]
    public async Task A_backend_that_throws_is_a_stale_server_not_an_exception()
    {
        backend.EnumerateSessionsAsync("RDS01", Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("driver crashed"));
        Serve("RDS02", TestSessions.User("carol", server: "RDS02"));

        await catalog.RefreshAsync();

        Assert.Contains("driver crashed", Server("RDS01").Failure!.Text, StringComparison.Ordinal);
        Assert.Single(catalog.Current.Sessions);
    }

    [Fact]
    public async Task A_hanging_server_times_out_as_stale_while_the_others_are_served()
    {
        Hang("RDS01");
        Serve("RDS02", TestSessions.User("carol", server: "RDS02"));

        var refresh = catalog.RefreshAsync();
        await Task.Yield();
        Assert.Equal(["carol"], catalog.Current.Sessions.Select(session => session.UserName));
        Assert.False(refresh.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(5));
        await refresh;

        Assert.Equal(FailureKind.TimedOut, Server("RDS01").Failure!.Kind);
        Assert.Contains("5 s", Server("RDS01").Failure!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hanging_server_is_not_asked_again_while_its_read_hangs()
    {
        Hang("RDS01");
        Serve("RDS02");
        var first = catalog.RefreshAsync();
        time.Advance(TimeSpan.FromSeconds(5));
        await first;

        var second = catalog.RefreshAsync();
        time.Advance(TimeSpan.FromSeconds(5));
        await second;

        Assert.Equal(1, ReadsOf("RDS01"));
        Assert.Equal(2, ReadsOf("RDS02"));
        Assert.True(Server("RDS01").IsStale);
    }

    [Fact]
    public async Task When_a_hanging_read_ends_the_next_refresh_reads_again()
    {
        var hanging = Hang("RDS01");
        Serve("RDS02");
        var first = catalog.RefreshAsync();
        time.Advance(TimeSpan.FromSeconds(5));
        await first;
        hanging.SetResult(BackendResult<IReadOnlyList<SessionInfo>>.Success([]));
        Serve("RDS01", TestSessions.User("bob", server: "RDS01"));

        await catalog.RefreshServerAsync("RDS01");

        Assert.Equal(2, ReadsOf("RDS01"));
        Assert.False(Server("RDS01").IsStale);
        Assert.Single(catalog.Current.Sessions);
    }

    [Fact]
    public async Task A_refresh_after_an_action_is_never_answered_by_a_read_that_began_before_it()
    {
        var earlier = Hang("RDS01");
        var timerRead = catalog.RefreshServerAsync("RDS01");
        Serve("RDS01");

        var afterAction = catalog.RefreshServerAsync("rds01");
        earlier.SetResult(BackendResult<IReadOnlyList<SessionInfo>>.Success([TestSessions.User("bob", server: "RDS01")]));
        await Task.WhenAll(timerRead, afterAction);

        Assert.Equal(2, ReadsOf("RDS01"));
        Assert.Empty(catalog.Current.Sessions);
    }

    [Fact]
    public async Task Refreshing_one_server_leaves_the_others_alone()
    {
        Serve("RDS01", TestSessions.User("bob", server: "RDS01"));

        await catalog.RefreshServerAsync("RDS01");

        Assert.Equal(0, ReadsOf("RDS02"));
        Assert.True(Server("RDS02").IsPending);
    }

    [Fact]
    public async Task Refreshing_a_server_that_is_not_configured_asks_nothing()
    {
        await catalog.RefreshServerAsync("RDS99");

        Assert.Empty(backend.ReceivedCalls());
    }

    [Fact]
    public async Task Updated_is_raised_after_each_server_changes()
    {
        Serve("RDS01");
        Serve("RDS02");
        var raised = 0;
        catalog.Updated += (_, _) => Interlocked.Increment(ref raised);

        await catalog.RefreshAsync();

        Assert.Equal(2, raised);
    }

    [Fact]
    public async Task Configure_drops_removed_servers_keeps_the_others_and_adds_new_ones_pending()
    {
        Serve("RDS01", TestSessions.User("bob", server: "RDS01"));
        Serve("RDS02", TestSessions.User("carol", server: "RDS02"));
        await catalog.RefreshAsync();

        catalog.Configure(SessionKillerSettings.Default with { Servers = ["RDS03", "rds01"] });

        Assert.Equal(["RDS03", "RDS01"], catalog.Current.Servers.Select(server => server.ServerName));
        Assert.True(Server("RDS03").IsPending);
        Assert.Equal(["bob"], catalog.Current.Sessions.Select(session => session.UserName));
    }

    [Fact]
    public void Start_returns_before_any_server_is_read_and_the_first_read_follows_in_the_background()
    {
        Hang("RDS01");
        Hang("RDS02");

        catalog.Start();
        var readsWhenStartReturned = backend.ReceivedCalls().Count();
        time.Advance(TimeSpan.Zero);

        Assert.True(readsWhenStartReturned <= 2);
        SpinWait.SpinUntil(() => ReadsOf("RDS01") == 1 && ReadsOf("RDS02") == 1, TimeSpan.FromSeconds(5));
        Assert.Equal(1, ReadsOf("RDS01"));
    }

    [Fact]
    public void Start_on_a_real_clock_does_not_wait_for_a_hanging_server()
    {
        Hang("RDS01");
        Hang("RDS02");
        using var realCatalog = new SessionCatalog(backend, TimeProvider.System);
        realCatalog.Configure(SessionKillerSettings.Default with { Servers = ["RDS01", "RDS02"] });
        var watch = System.Diagnostics.Stopwatch.StartNew();

        realCatalog.Start();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"Start took {watch.Elapsed}");
    }

    [Fact]
    public async Task The_timer_refreshes_every_interval()
    {
        Serve("RDS01");
        Serve("RDS02");
        catalog.Start();
        time.Advance(TimeSpan.Zero);
        SpinWait.SpinUntil(() => ReadsOf("RDS01") == 1, TimeSpan.FromSeconds(5));

        time.Advance(TimeSpan.FromSeconds(30));
        SpinWait.SpinUntil(() => ReadsOf("RDS01") == 2, TimeSpan.FromSeconds(5));
        await Task.Yield();

        Assert.Equal(2, ReadsOf("RDS01"));
    }

    [Fact]
    public async Task After_dispose_nothing_is_read()
    {
        catalog.Dispose();

        await catalog.RefreshAsync();

        Assert.Empty(backend.ReceivedCalls());
    }
}

public sealed class SessionCatalogFirstReadTests : IDisposable
{
    private readonly ISessionBackend backend = Substitute.For<ISessionBackend>();
    private readonly SessionCatalog catalog;

    public SessionCatalogFirstReadTests()
    {
        catalog = new SessionCatalog(backend, TimeProvider.System);
        catalog.Configure(SessionKillerSettings.Default with { Servers = ["localhost", "RDS09"] });
    }

    public void Dispose() => catalog.Dispose();

    [Fact]
    public void A_delayed_query_returns_as_soon_as_the_first_reads_arrive()
    {
        var read = backend.Hang("localhost");
        backend.Serve("RDS09");
        _ = catalog.RefreshServerAsync("localhost");
        _ = Task.Delay(50).ContinueWith(_ => read.SetResult(BackendResult<IReadOnlyList<SessionInfo>>.Success([TestSessions.User("bob", server: "localhost")])), TaskScheduler.Default);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var view = catalog.ForDelayedQuery();

        Assert.True(watch.Elapsed < SessionCatalog.DelayedQueryWait, $"the delayed query took {watch.Elapsed.TotalMilliseconds} ms");
        Assert.Equal("bob", view.Snapshot.Sessions.Single().UserName);
        Assert.Equal(1, backend.Reads("localhost")); // it waited for the read under way, asking nothing more
    }

    [Fact]
    public async Task A_server_that_failed_just_now_is_not_asked_again_by_a_delayed_query()
    {
        backend.Serve("localhost");
        backend.Fail("RDS09", BackendFailure.AccessDenied());
        await catalog.RefreshAsync();

        var view = catalog.ForDelayedQuery();

        Assert.Equal(1, backend.Reads("RDS09"));
        Assert.True(view.Snapshot.Servers.Single(server => server.ServerName == "RDS09").IsStale);
    }
}
