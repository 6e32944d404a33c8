using System.Collections.Concurrent;
using System.Diagnostics;
using NSubstitute;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Audit;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Bulk;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Settings;
using SessionKiller.Core.Tests.Support;

namespace SessionKiller.Core.Tests.Bulk;

public class BulkRunnerTests
{
    private readonly ConcurrentDictionary<string, List<SessionInfo>> servers = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<(string Server, int Id)> loggedOff = new();
    private readonly ConcurrentQueue<AuditEntry> audit = new();

    public BulkRunnerTests()
    {
        // Callbacks tolerate the null arguments NSubstitute passes while a test re-arranges a call.
        Backend.EnumerateSessionsAsync(default!, default).ReturnsForAnyArgs(call =>
        {
            lock (servers)
            {
                IReadOnlyList<SessionInfo> list = call[0] is string server && servers.TryGetValue(server, out var sessions) ? [.. sessions] : [];
                return Task.FromResult(BackendResult<IReadOnlyList<SessionInfo>>.Success(list));
            }
        });
        Backend.LogOffAsync(default!, default, default, default).ReturnsForAnyArgs(call =>
        {
            lock (servers)
            {
                if (call[0] is string server)
                {
                    loggedOff.Enqueue((server, (int)call[1]));
                    servers[server].RemoveAll(session => session.SessionId == (int)call[1]);
                }
            }

            return Task.FromResult(BackendResult.Success);
        });
        Backend.DisconnectAsync(default!, default, default, default).ReturnsForAnyArgs(Task.FromResult(BackendResult.Success));
        // Only outcome lines are kept: the runner's "about to" lines are its own business, tested with it.
        AuditLog.TryAppend(default!).ReturnsForAnyArgs(call =>
        {
            if (call[0] is AuditEntry { Outcome: not null } entry)
            {
                audit.Enqueue(entry);
            }

            return AuditWrite.Written;
        });
    }

    private ISessionBackend Backend { get; } = Substitute.For<ISessionBackend>();

    private IAuditLog AuditLog { get; } = Substitute.For<IAuditLog>();

    private static RunnerContext Context => new(RunnerHarness.Admin, SessionKillerSettings.Default);

    private SessionInfo[] Place(string server, int count, int firstId = 2)
    {
        var sessions = Enumerable.Range(firstId, count)
            .Select(id => TestSessions.User($"user{id}", id: id, server: server, state: SessionState.Disconnected, idle: TimeSpan.FromHours(9)))
            .ToArray();
        servers[server] = [.. sessions];
        return sessions;
    }

    private static BulkRequest LogOffAll(IEnumerable<SessionInfo> sessions) =>
        new(SessionAction.LogOff, [.. sessions.Select(session => new ActionRequest(SessionAction.LogOff, session.Identity))]);

    [Fact]
    public async Task Every_session_is_signed_out_on_its_own_with_one_audit_line_each_tied_by_the_bulk_id()
    {
        var sessions = Place("RDS01", 5).Concat(Place("RDS02", 4)).ToArray();
        var bulk = LogOffAll(sessions);

        var summary = await new BulkRunner(Backend, AuditLog, Context).RunAsync(bulk);

        Assert.True(summary.AllDone);
        Assert.Equal("9 signed out.", summary.Sentence);
        Assert.Equal(sessions.Select(session => session.Identity), summary.Outcomes.Select(outcome => outcome.Target));
        Assert.Equal(9, loggedOff.Count);
        Assert.Equal(9, audit.Count);
        Assert.All(audit, entry => Assert.Equal(bulk.BulkId, entry.BulkId));
        Assert.Equal(sessions.Select(session => (session.ServerName, session.SessionId)).Order(), audit.Select(entry => (entry.Target.ServerName, entry.Target.SessionId)).Order());
    }

    [Fact]
    public async Task Each_session_is_re_verified_just_before_its_own_action()
    {
        var sessions = Place("RDS01", 6);

        await new BulkRunner(Backend, AuditLog, Context, perServer: 1).RunAsync(LogOffAll(sessions));

        // One fresh read per session, each before that session's own sign-out.
        var calls = Backend.ReceivedCalls().Select(call => call.GetMethodInfo().Name).ToArray();
        Assert.Equal(Enumerable.Repeat(new[] { nameof(ISessionBackend.EnumerateSessionsAsync), nameof(ISessionBackend.LogOffAsync) }, 6).SelectMany(pair => pair), calls);
    }

    [Fact]
    public async Task Sessions_verified_together_share_one_fresh_read_begun_after_they_asked()
    {
        var sessions = Place("RDS01", 8);
        var reads = new List<TaskCompletionSource>();
        var started = new SemaphoreSlim(0);
        Backend.EnumerateSessionsAsync(default!, default).ReturnsForAnyArgs(async call =>
        {
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (reads)
            {
                reads.Add(gate);
            }

            started.Release();
            await gate.Task;
            lock (servers)
            {
                return BackendResult<IReadOnlyList<SessionInfo>>.Success([.. servers["RDS01"]]);
            }
        });

        var run = new BulkRunner(Backend, AuditLog, Context, perServer: 4).RunAsync(LogOffAll(sessions));

        // The first session's read is under way; the three others asked meanwhile and wait for the next one.
        await started.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(50);
        Assert.Single(reads);
        reads[0].SetResult();
        await started.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(50);
        lock (reads)
        {
            // Sessions 2-4 share the second read; the first session, done meanwhile, may have let a fifth
            // in, which asks for a read of its own (one begun after it asked): never one read per session.
            Assert.InRange(reads.Count, 2, 3);
        }

        while (!run.IsCompleted)
        {
            lock (reads)
            {
                reads.ForEach(gate => gate.TrySetResult());
            }

            await Task.Delay(5);
        }

        var summary = await run;
        Assert.True(summary.AllDone);
        Assert.InRange(reads.Count, 2, 7);
    }

    [Fact]
    public async Task An_id_reused_in_the_middle_of_a_run_leaves_the_swapped_session_untouched()
    {
        var sessions = Place("RDS01", 5);
        var eve = TestSessions.User("eve", id: 5, server: "RDS01", logon: TestSessions.Now);

        // After the second sign-out, user5 leaves and eve signs in under the same id 5.
        var signOuts = 0;
        Backend.LogOffAsync(default!, default, default, default).ReturnsForAnyArgs(call =>
        {
            lock (servers)
            {
                loggedOff.Enqueue(((string)call[0], (int)call[1]));
                servers["RDS01"].RemoveAll(session => session.SessionId == (int)call[1]);
                if (++signOuts == 2)
                {
                    servers["RDS01"].RemoveAll(session => session.SessionId == 5);
                    servers["RDS01"].Add(eve);
                }
            }

            return Task.FromResult(BackendResult.Success);
        });

        var summary = await new BulkRunner(Backend, AuditLog, Context, perServer: 1).RunAsync(LogOffAll(sessions));

        Assert.DoesNotContain(("RDS01", 5), loggedOff);
        Assert.Contains(eve, servers["RDS01"]);
        var swapped = summary.Outcomes.Single(outcome => outcome.Target.SessionId == 5);
        Assert.Equal(OutcomeKind.Changed, swapped.Kind);
        Assert.Contains(@"now belongs to CONTOSO\eve", swapped.Sentence, StringComparison.Ordinal);
        Assert.Equal(4, summary.Count(OutcomeKind.Done));
        Assert.Equal("4 signed out, 1 changed since listed (not touched).", summary.Sentence);
    }

    [Fact]
    public async Task Own_and_console_sessions_are_refused_even_when_a_caller_passes_them()
    {
        var me = TestSessions.User("me", id: 2, server: "RDS01", current: true);
        var kiosk = TestSessions.User("kiosk", id: 1, server: "RDS01", console: true);
        var bob = TestSessions.User("bob", id: 3, server: "RDS01");
        servers["RDS01"] = [me, kiosk, bob];

        var summary = await new BulkRunner(Backend, AuditLog, Context).RunAsync(LogOffAll([me, kiosk, bob]));

        Assert.Equal([("RDS01", 3)], loggedOff);
        Assert.Equal(2, summary.Count(OutcomeKind.Refused));
        Assert.Contains("your own session", summary.Outcomes[0].Sentence, StringComparison.Ordinal);
        Assert.Contains("console", summary.Outcomes[1].Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_single_action_still_may_sign_out_your_own_session()
    {
        var me = TestSessions.User("me", id: 2, server: "RDS01", current: true);
        servers["RDS01"] = [me];
        var runner = new ActionRunner(Backend, Substitute.For<IConfirmationPrompt>(), AuditLog, Context);

        var outcome = await runner.RunAsync(new ActionRequest(SessionAction.LogOff, me.Identity) { Confirmed = true });

        Assert.Equal(OutcomeKind.Done, outcome.Kind);
        Assert.Null(Assert.Single(audit).BulkId);
    }

    [Fact]
    public async Task A_hung_server_delays_only_its_own_sessions_and_is_called_at_most_once_per_slot()
    {
        var healthy = Enumerable.Range(0, 9).SelectMany(n => Place($"RDS{n:00}", 20)).ToArray();
        var hung = Place("HUNG", 20);
        var never = new TaskCompletionSource<BackendResult<IReadOnlyList<SessionInfo>>>();
        Backend.EnumerateSessionsAsync("HUNG", default).ReturnsForAnyArgs(call =>
            (string)call[0] == "HUNG"
                ? never.Task
                : Task.FromResult(BackendResult<IReadOnlyList<SessionInfo>>.Success(call[0] is string server ? [.. servers[server]] : [])));
        var timeout = TimeSpan.FromMilliseconds(300);
        var bounded = new TimeBoundBackend(Backend, timeout);

        var clock = Stopwatch.StartNew();
        var summary = await new BulkRunner(bounded, AuditLog, Context).RunAsync(LogOffAll([.. healthy, .. hung]));
        clock.Stop();

        Assert.Equal(180, summary.Count(OutcomeKind.Done));
        Assert.Equal(20, summary.Count(OutcomeKind.TimedOut));
        Assert.DoesNotContain(loggedOff, call => call.Server == "HUNG");
        var hungReads = Backend.ReceivedCalls().Count(call => call.GetMethodInfo().Name == nameof(ISessionBackend.EnumerateSessionsAsync) && (string)call.GetArguments()[0]! == "HUNG");
        Assert.InRange(hungReads, 1, BulkRunner.DefaultPerServer);
        Assert.InRange(clock.Elapsed, timeout, timeout * 8);
        Assert.Equal(200, audit.Count);
        Assert.Contains(summary.Outcomes, outcome => outcome.Sentence.Contains("was not tried", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Parallel_work_stays_within_the_bound_on_each_server()
    {
        var sessions = Place("RDS01", 12).Concat(Place("RDS02", 12)).ToArray();
        var running = new ConcurrentDictionary<string, int>();
        var peak = new ConcurrentDictionary<string, int>();
        Backend.LogOffAsync(default!, default, default, default).ReturnsForAnyArgs(async call =>
        {
            var server = call[0] as string ?? "";
            var now = running.AddOrUpdate(server, 1, (_, n) => n + 1);
            peak.AddOrUpdate(server, now, (_, n) => Math.Max(n, now));
            await Task.Delay(20);
            running.AddOrUpdate(server, 0, (_, n) => n - 1);
            return BackendResult.Success;
        });

        var summary = await new BulkRunner(Backend, AuditLog, Context, perServer: 3).RunAsync(LogOffAll(sessions));

        Assert.True(summary.AllDone);
        Assert.All(peak.Values, value => Assert.InRange(value, 1, 3));
        Assert.True(peak.Values.Max() > 1, "sessions of one server should overlap");
    }

    [Fact]
    public async Task Access_denied_sessions_go_to_the_bulk_elevation_once_and_its_results_are_kept()
    {
        var sessions = Place("RDS01", 4);
        Backend.LogOffAsync(default!, default, default, default).ReturnsForAnyArgs(call =>
            Task.FromResult((int)call[1] % 2 == 0 ? new BackendResult(BackendFailure.AccessDenied()) : BackendResult.Success));
        var elevation = Substitute.For<IBulkElevation>();
        elevation.RunElevatedAsync(default!, default).ReturnsForAnyArgs(call =>
            Task.FromResult<IReadOnlyList<ElevatedResult>>([new(OutcomeKind.Done) { HelperReported = true }, new(OutcomeKind.Changed, "changed meanwhile") { HelperReported = true }]));

        var bulk = LogOffAll(sessions);
        var summary = await new BulkRunner(Backend, AuditLog, Context with { Elevation = Substitute.For<IElevation>() }, elevation).RunAsync(bulk);

        await elevation.Received(1).RunElevatedAsync(
            Arg.Is<BulkRequest>(denied => denied.BulkId == bulk.BulkId && denied.Requests.Select(r => r.Target.SessionId).SequenceEqual(new[] { 2, 4 }) && denied.Requests.All(r => r.Confirmed)),
            Arg.Any<CancellationToken>());
        Assert.Equal([OutcomeKind.Done, OutcomeKind.Done, OutcomeKind.Changed, OutcomeKind.Done], summary.Outcomes.Select(outcome => outcome.Kind));
        Assert.True(summary.Outcomes[0].Elevated);
        Assert.Equal("changed meanwhile", summary.Outcomes[2].Sentence);

        // The helper logged what it did; here only the denied attempts are on record, once each.
        Assert.Equal(4, audit.Count);
        Assert.Equal(2, audit.Count(entry => entry.Outcome == OutcomeKind.AccessDenied));
    }

    [Fact]
    public async Task When_no_helper_ran_the_outcome_the_elevation_gave_is_audited_here()
    {
        var sessions = Place("RDS01", 2);
        Backend.LogOffAsync(default!, default, default, default).ReturnsForAnyArgs(Task.FromResult(new BackendResult(BackendFailure.AccessDenied())));
        var elevation = Substitute.For<IBulkElevation>();
        elevation.RunElevatedAsync(default!, default).ReturnsForAnyArgs(
            Task.FromResult<IReadOnlyList<ElevatedResult>>([new(OutcomeKind.Cancelled), new(OutcomeKind.Cancelled)]));

        var summary = await new BulkRunner(Backend, AuditLog, Context, elevation).RunAsync(LogOffAll(sessions));

        Assert.Equal(2, summary.Count(OutcomeKind.Cancelled));
        Assert.All(summary.Outcomes, outcome => Assert.False(outcome.Elevated));
        Assert.Equal(2, audit.Count(entry => entry.Outcome == OutcomeKind.Cancelled));
    }

    [Fact]
    public async Task Without_a_bulk_elevation_no_session_starts_its_own_elevated_helper()
    {
        var sessions = Place("RDS01", 3);
        Backend.LogOffAsync(default!, default, default, default).ReturnsForAnyArgs(Task.FromResult(new BackendResult(BackendFailure.AccessDenied())));
        var single = Substitute.For<IElevation>();

        var summary = await new BulkRunner(Backend, AuditLog, Context with { Elevation = single }).RunAsync(LogOffAll(sessions));

        Assert.Equal(3, summary.Count(OutcomeKind.AccessDenied));
        await single.DidNotReceiveWithAnyArgs().RunElevatedAsync(default!, default);
    }

    [Fact]
    public async Task A_cancelled_run_touches_nothing_more_and_audits_every_session()
    {
        var sessions = Place("RDS01", 5);
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        var summary = await new BulkRunner(Backend, AuditLog, Context).RunAsync(LogOffAll(sessions), cancel.Token);

        Assert.Empty(loggedOff);
        Assert.Equal(5, summary.Count(OutcomeKind.Cancelled));
        Assert.Equal(5, audit.Count);
    }
}
