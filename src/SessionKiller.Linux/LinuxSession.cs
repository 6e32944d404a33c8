using SessionKiller.Core.Sessions;

namespace SessionKiller.Linux;

/// <summary>
/// A login as this backend tracks it: what the product shows, and what acting on it needs. The
/// session id is the pid of the session's leader (the sshd or login process that recorded it); logind
/// sessions also keep their own id, which TerminateSession takes.
/// </summary>
internal sealed record LinuxSession(SessionInfo Info, string Line, int TerminalNumber, string? LogindId)
{
    public int LeaderProcessId => Info.SessionId;

    public bool IsFromLogind => LogindId is not null;
}
