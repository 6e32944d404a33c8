using System.Diagnostics;
using SessionKiller.Linux.Processes;

namespace SessionKiller.Linux.Tests.Support;

/// <summary>A real kernel session the test starts (setsid) and ends: a shell leading some sleeps.</summary>
internal sealed class SpawnedSession : IDisposable
{
    private readonly Process _process;

    /// <param name="user">The account it runs as (through setpriv), or null for the test's own.</param>
    public SpawnedSession(string script = "sleep 300 & sleep 300 & wait", int processCount = 3, string? user = null)
    {
        var setsid = Tools.Find("setsid", "util-linux");
        string[] command = user is null
            ? ["sh", "-c", script]
            : ["--reuid", user, "--regid", Tools.RunOrFail(Tools.Find("id", "coreutils"), "-g", user).Trim(), "--clear-groups", setsid, "sh", "-c", script];
        var start = new ProcessStartInfo(user is null ? setsid : Tools.Find("setpriv", "util-linux")) { UseShellExecute = false, RedirectStandardInput = true };
        foreach (var argument in command)
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start)!;
        LeaderProcessId = WaitForLeader(_process.Id, processCount);
    }

    public int LeaderProcessId { get; }

    public bool LeaderRuns => new ProcessTable().Read(LeaderProcessId) is { HasEnded: false };

    public bool WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout);

    /// <summary>Kills every process of the session, not only the tree under the process started: orphans too.</summary>
    public void Dispose()
    {
        var table = new ProcessTable();
        foreach (var member in table.Snapshot().Values.Where(process => process.SessionId == LeaderProcessId && !process.HasEnded))
        {
            if (table.IsRunning(member))
            {
                Interop.Libc.kill(member.ProcessId, Interop.Libc.SIGKILL);
            }
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit(5000);
        _process.Dispose();
    }

    /// <summary>setsid(1) forks when it already leads a process group, so the leader's pid is read back.</summary>
    private static int WaitForLeader(int startedPid, int processCount)
    {
        var table = new ProcessTable();
        for (var attempt = 0; attempt < 400; attempt++)
        {
            var snapshot = table.Snapshot();
            var leader = snapshot.Values.FirstOrDefault(process => process.SessionId == process.ProcessId
                && (process.ProcessId == startedPid || process.ParentProcessId == startedPid));
            if (leader is not null && snapshot.Values.Count(process => process.SessionId == leader.ProcessId && !process.HasEnded) >= processCount)
            {
                return leader.ProcessId;
            }

            Thread.Sleep(25);
        }

        Assert.Fail("The test session did not start.");
        return 0;
    }
}
