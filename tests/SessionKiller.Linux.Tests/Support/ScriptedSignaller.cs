using SessionKiller.Linux.Interop;
using SessionKiller.Linux.Processes;

namespace SessionKiller.Linux.Tests.Support;

/// <summary>
/// Plays processes in a <see cref="FakeProc"/> that end on a given signal or a firmer one; a process not
/// named never ends (as if unkillable).
/// </summary>
internal sealed class ScriptedSignaller(FakeProc proc) : IProcessSignaller
{
    public Dictionary<int, int> DiesOn { get; } = [];

    public bool DenyAll { get; init; }

    public int? LeaderFollowsItsProcesses { get; init; }

    public List<(int Pid, int Signal)> Sent { get; } = [];

    public SignalResult Send(ProcessStat process, int signal)
    {
        if (DenyAll)
        {
            Sent.Add((process.ProcessId, signal));
            return SignalResult.Denied;
        }

        Sent.Add((process.ProcessId, signal));
        if (DiesOn.TryGetValue(process.ProcessId, out var fatal) && Rank(signal) >= Rank(fatal))
        {
            proc.Remove(process.ProcessId);
        }

        if (LeaderFollowsItsProcesses is { } leader && DiesOn.Keys.Where(pid => pid != leader).All(pid => !Directory.Exists(Path.Combine(proc.Root, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)))))
        {
            proc.Remove(leader);
        }

        return SignalResult.Sent;
    }

    private static int Rank(int signal) => signal switch
    {
        Libc.SIGHUP => 1,
        Libc.SIGTERM => 2,
        _ => 3,
    };
}
