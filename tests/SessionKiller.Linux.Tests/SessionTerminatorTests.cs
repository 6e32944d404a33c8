using SessionKiller.Core.Backend;
using SessionKiller.Linux.Interop;
using SessionKiller.Linux.Processes;
using SessionKiller.Linux.Tests.Support;
using static SessionKiller.Linux.Tests.Support.ProcFixtures;

namespace SessionKiller.Linux.Tests;

public sealed class SessionTerminatorTests : IDisposable
{
    private static readonly HashSet<int> NothingProtected = [];

    private readonly FakeProc _proc = new();

    public void Dispose() => _proc.Dispose();

    /// <summary>The leader (sshd monitor), the shell on pts/0, a job on pts/0, and a bystander login.</summary>
    private void AddLogin()
    {
        _proc.Add(Process(1, parent: 0, name: "init"));
        _proc.Add(Process(900, parent: 1, name: "sshd"));
        _proc.Add(Process(1000, parent: 900, name: "sshd", start: 500));
        _proc.Add(Process(1003, parent: 1000, terminal: Pts0, name: "bash", start: 502));
        _proc.Add(Process(1010, parent: 1003, session: 1003, terminal: Pts0, name: "nohup-job", start: 600));
        _proc.Add(Process(2000, parent: 900, name: "sshd", start: 700));
        _proc.Add(Process(2003, parent: 2000, terminal: Pts0 + 1, name: "bash", start: 702));
    }

    private SessionTerminator Terminator(IProcessSignaller signaller) =>
        new(new ProcessTable(_proc.Root), signaller, ProcFixtures.QuickTimings, TimeProvider.System);

    [Fact]
    public async Task Hangup_goes_first_to_all_but_the_leader_then_terminate_then_kill()
    {
        AddLogin();
        var signaller = new ScriptedSignaller(_proc)
        {
            DiesOn = { [1003] = Libc.SIGHUP, [1000] = Libc.SIGTERM, [1010] = Libc.SIGKILL },
        };

        var result = await Terminator(signaller).EndAsync(1000, Pts0, NothingProtected, CancellationToken.None);

        Assert.True(result.IsSuccess, result.Failure?.ToString());
        Assert.Equal(
            [(1003, Libc.SIGHUP), (1010, Libc.SIGHUP), (1000, Libc.SIGTERM), (1010, Libc.SIGTERM), (1010, Libc.SIGKILL)],
            signaller.Sent);
        Assert.True(Directory.Exists(Path.Combine(_proc.Root, "2003")));
        Assert.True(Directory.Exists(Path.Combine(_proc.Root, "2000")));
    }

    [Fact]
    public async Task A_login_that_ends_on_hangup_gets_no_further_signal()
    {
        AddLogin();
        var signaller = new ScriptedSignaller(_proc)
        {
            DiesOn = { [1003] = Libc.SIGHUP, [1010] = Libc.SIGHUP },
            LeaderFollowsItsProcesses = 1000,
        };

        var result = await Terminator(signaller).EndAsync(1000, Pts0, NothingProtected, CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal([(1003, Libc.SIGHUP), (1010, Libc.SIGHUP)], signaller.Sent);
    }

    [Fact]
    public async Task Protected_processes_are_never_signalled()
    {
        AddLogin();
        var signaller = new ScriptedSignaller(_proc)
        {
            DiesOn = { [1003] = Libc.SIGHUP, [1000] = Libc.SIGTERM },
        };

        var result = await Terminator(signaller).EndAsync(1000, Pts0, new HashSet<int> { 1010 }, CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.DoesNotContain(signaller.Sent, sent => sent.Pid == 1010);
        Assert.True(Directory.Exists(Path.Combine(_proc.Root, "1010")));
    }

    [Fact]
    public async Task Refused_signals_are_access_denied_and_the_escalation_stops()
    {
        AddLogin();
        var signaller = new ScriptedSignaller(_proc) { DenyAll = true };

        var result = await Terminator(signaller).EndAsync(1000, Pts0, NothingProtected, CancellationToken.None);

        Assert.Equal(FailureKind.AccessDenied, result.Failure?.Kind);
        Assert.Contains("run as root", result.Failure!.Text, StringComparison.Ordinal);
        Assert.All(signaller.Sent, sent => Assert.Equal(Libc.SIGHUP, sent.Signal));
    }

    [Fact]
    public async Task Processes_that_survive_kill_are_a_failure_naming_them()
    {
        AddLogin();
        var signaller = new ScriptedSignaller(_proc) { DiesOn = { [1003] = Libc.SIGHUP, [1000] = Libc.SIGTERM } };

        var result = await Terminator(signaller).EndAsync(1000, Pts0, NothingProtected, CancellationToken.None);

        Assert.Equal(FailureKind.Failed, result.Failure?.Kind);
        Assert.Contains("nohup-job (1010)", result.Failure!.Text, StringComparison.Ordinal);
        Assert.Contains((1010, Libc.SIGKILL), signaller.Sent);
    }

    [Fact]
    public async Task A_login_whose_leader_is_gone_is_reported_gone_and_nothing_is_signalled()
    {
        AddLogin();
        var signaller = new ScriptedSignaller(_proc);

        var result = await Terminator(signaller).EndAsync(4444, Pts0, NothingProtected, CancellationToken.None);

        Assert.Equal(FailureKind.SessionGone, result.Failure?.Kind);
        Assert.Empty(signaller.Sent);
    }

    /// <summary>Real processes: a login-like session ends, a process in another session is untouched.</summary>
    [Fact]
    public async Task Real_processes_of_the_session_end_and_a_bystander_lives_on()
    {
        using var session = new SpawnedSession("trap '' HUP; sleep 300 & sleep 300 & wait");
        using var bystander = new SpawnedSession("sleep 300", processCount: 1);
        var table = new ProcessTable();
        var terminator = new SessionTerminator(table, new ProcessSignaller(table), ProcFixtures.QuickTimings with { AfterHangup = TimeSpan.FromMilliseconds(200) }, TimeProvider.System);
        Assert.Equal(3, SessionProcesses.Members(table.Snapshot(), session.LeaderProcessId, 0).Count);

        var result = await terminator.EndAsync(session.LeaderProcessId, 0, ProcessTable.Lineage(table.Snapshot(), Environment.ProcessId), CancellationToken.None);

        Assert.True(result.IsSuccess, result.Failure?.ToString());
        Assert.Empty(SessionProcesses.Members(table.Snapshot(), session.LeaderProcessId, 0));
        Assert.True(bystander.LeaderRuns);
    }
}
