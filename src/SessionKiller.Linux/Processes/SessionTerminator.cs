using System.Globalization;
using SessionKiller.Core.Backend;
using SessionKiller.Linux.Interop;

namespace SessionKiller.Linux.Processes;

/// <summary>How long each step of ending a login waits for its processes to go.</summary>
internal sealed record TerminationTimings(TimeSpan AfterHangup, TimeSpan AfterTerminate, TimeSpan AfterKill, TimeSpan PollInterval)
{
    public static TerminationTimings Default { get; } =
        new(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(50));
}

/// <summary>
/// Ends a login without logind, the way a hang-up would and then firmer: SIGHUP to its processes (the
/// leader spared, so sshd or login can record the logout), then SIGTERM, then SIGKILL to what is left,
/// waiting briefly after each. Only the login's own processes are signalled, each re-checked just before.
/// </summary>
internal sealed class SessionTerminator
{
    private readonly ProcessTable _table;
    private readonly IProcessSignaller _signaller;
    private readonly TerminationTimings _timings;
    private readonly TimeProvider _time;

    public SessionTerminator(ProcessTable table, IProcessSignaller signaller, TerminationTimings timings, TimeProvider time)
    {
        _table = table;
        _signaller = signaller;
        _timings = timings;
        _time = time;
    }

    /// <param name="protectedProcesses">Never signalled: this process and its ancestors.</param>
    public async Task<BackendResult> EndAsync(int leaderProcessId, int terminalNumber, IReadOnlySet<int> protectedProcesses, CancellationToken cancellationToken)
    {
        var members = SessionProcesses.Members(_table.Snapshot(), leaderProcessId, terminalNumber);
        if (members.Count == 0)
        {
            return new BackendFailure(FailureKind.SessionGone, 0, "The session's processes have already ended.");
        }

        var leader = members.First(member => member.ProcessId == leaderProcessId);
        var denied = new List<ProcessStat>();
        var steps = new[]
        {
            (Signal: Libc.SIGHUP, SpareLeader: true, Wait: _timings.AfterHangup),
            (Signal: Libc.SIGTERM, SpareLeader: false, Wait: _timings.AfterTerminate),
            (Signal: Libc.SIGKILL, SpareLeader: false, Wait: _timings.AfterKill),
        };

        IReadOnlyList<ProcessStat> remaining = members;
        foreach (var step in steps)
        {
            var targets = remaining.Where(process => !protectedProcesses.Contains(process.ProcessId)
                && !(step.SpareLeader && process.ProcessId == leader.ProcessId && process.StartTime == leader.StartTime)).ToList();
            foreach (var target in targets)
            {
                if (_signaller.Send(target, step.Signal) == SignalResult.Denied)
                {
                    denied.Add(target);
                }
            }

            remaining = await WaitForAsync(members, protectedProcesses, step.Wait, cancellationToken).ConfigureAwait(false);
            if (remaining.Count == 0)
            {
                return BackendResult.Success;
            }

            if (denied.Count > 0 && denied.Count >= targets.Count)
            {
                // Nothing we signalled would take it from us: not root, or another user's processes.
                break;
            }
        }

        return Unfinished(remaining, denied, protectedProcesses);
    }

    /// <summary>Polls until no member is left (protected ones aside) or the wait is over.</summary>
    private async Task<IReadOnlyList<ProcessStat>> WaitForAsync(IReadOnlyList<ProcessStat> members, IReadOnlySet<int> protectedProcesses, TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + wait;
        while (true)
        {
            var remaining = SessionProcesses.Remaining(_table.Snapshot(), members)
                .Where(process => !protectedProcesses.Contains(process.ProcessId)).ToList();
            if (remaining.Count == 0 || _time.GetUtcNow() >= deadline)
            {
                return remaining;
            }

            await Task.Delay(_timings.PollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static BackendFailure Unfinished(IReadOnlyList<ProcessStat> remaining, List<ProcessStat> denied, IReadOnlySet<int> protectedProcesses)
    {
        var names = string.Join(", ", remaining.Take(5).Select(process => string.Create(CultureInfo.InvariantCulture, $"{process.Name} ({process.ProcessId})")));
        if (denied.Count > 0)
        {
            return LinuxErrors.FromErrno(Errno.EPERM, $"Signalling the session's processes ({names})");
        }

        var unprotected = remaining.Where(process => !protectedProcesses.Contains(process.ProcessId)).ToList();
        return new BackendFailure(FailureKind.Failed, 0, string.Create(CultureInfo.InvariantCulture, $"{unprotected.Count} of the session's processes are still running after SIGKILL: {names}."));
    }
}
