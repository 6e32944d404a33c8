using System.Runtime.InteropServices;
using SessionKiller.Core.Backend;
using SessionKiller.Linux.Interop;

namespace SessionKiller.Linux.Processes;

internal enum SignalResult
{
    Sent,
    Gone,
    Denied,
    Failed,
}

/// <summary>Sends a signal to one process, as it was seen.</summary>
internal interface IProcessSignaller
{
    SignalResult Send(ProcessStat process, int signal);
}

/// <summary>
/// Signals a process only if it is still the one that was seen (same pid, same start time). With a pidfd
/// (glibc 2.36, Linux 5.3) the check and the signal are race-free: the pidfd pins the process the check
/// looked at. Without one, kill(2) follows the check immediately.
/// </summary>
internal sealed class ProcessSignaller : IProcessSignaller
{
    private readonly ProcessTable _table;
    private bool _pidfdUnavailable;

    public ProcessSignaller(ProcessTable table)
    {
        _table = table;
    }

    public SignalResult Send(ProcessStat process, int signal)
    {
        if (process.ProcessId <= 1 || process.ProcessId == Environment.ProcessId)
        {
            return SignalResult.Denied;
        }

        if (!_pidfdUnavailable)
        {
            var sent = SendThroughPidfd(process, signal);
            if (sent is { } result)
            {
                return result;
            }

            _pidfdUnavailable = true;
        }

        if (!_table.IsRunning(process))
        {
            return SignalResult.Gone;
        }

        return Libc.kill(process.ProcessId, signal) == 0 ? SignalResult.Sent : FromErrno(Marshal.GetLastPInvokeError());
    }

    /// <returns>The result, or null when this system has no pidfds.</returns>
    private SignalResult? SendThroughPidfd(ProcessStat process, int signal)
    {
        SafeDescriptorHandle pidfd;
        try
        {
            pidfd = Libc.pidfd_open(process.ProcessId, 0);
        }
        catch (EntryPointNotFoundException)
        {
            return null;
        }

        using (pidfd)
        {
            if (pidfd.IsInvalid)
            {
                var error = Marshal.GetLastPInvokeError();
                return error == Errno.ENOSYS ? null : FromErrno(error);
            }

            // The pidfd now holds whichever process has this pid; it is ours only if it started when ours did.
            if (!_table.IsRunning(process))
            {
                return SignalResult.Gone;
            }

            return Libc.pidfd_send_signal(pidfd, signal, IntPtr.Zero, 0) == 0 ? SignalResult.Sent : FromErrno(Marshal.GetLastPInvokeError());
        }
    }

    private static SignalResult FromErrno(int error) => LinuxErrors.KindOf(error) switch
    {
        FailureKind.SessionGone => SignalResult.Gone,
        FailureKind.AccessDenied => SignalResult.Denied,
        _ => SignalResult.Failed,
    };
}
