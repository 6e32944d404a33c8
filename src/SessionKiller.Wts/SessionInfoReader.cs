using System.Net;
using System.Runtime.InteropServices;
using SessionKiller.Core.Sessions;
using SessionKiller.Wts.Interop;

namespace SessionKiller.Wts;

/// <summary>
/// Reads the buffers the WTS functions return into managed values. Pure: no native calls, so it runs
/// anywhere over crafted buffers.
/// </summary>
internal static unsafe class SessionInfoReader
{
    private const long FileTimeEpochTicks = 504911232000000000; // 1601-01-01 in DateTime ticks

    /// <summary>An array of <see cref="WTS_SESSION_INFO_1W"/> from WTSEnumerateSessionsExW level 1.</summary>
    public static IReadOnlyList<EnumeratedSession> ReadSessionInfo1(IntPtr buffer, int count)
    {
        var rows = (WTS_SESSION_INFO_1W*)buffer;
        var sessions = new EnumeratedSession[count];
        for (var i = 0; i < count; i++)
        {
            ref readonly var row = ref rows[i];
            sessions[i] = new EnumeratedSession(
                (int)row.SessionId,
                (SessionState)row.State,
                ReadString(row.pSessionName),
                ReadString(row.pUserName),
                ReadString(row.pDomainName));
        }

        return sessions;
    }

    /// <summary>An array of <see cref="WTS_SESSION_INFOW"/> from WTSEnumerateSessionsW.</summary>
    public static IReadOnlyList<EnumeratedSession> ReadSessionInfo(IntPtr buffer, int count)
    {
        var rows = (WTS_SESSION_INFOW*)buffer;
        var sessions = new EnumeratedSession[count];
        for (var i = 0; i < count; i++)
        {
            ref readonly var row = ref rows[i];
            sessions[i] = new EnumeratedSession((int)row.SessionId, (SessionState)row.State, ReadString(row.pWinStationName), "", "");
        }

        return sessions;
    }

    /// <summary>A <see cref="WTSINFOW"/> from WTSSessionInfo; null when the buffer is too short to hold one.</summary>
    public static SessionDetails? ReadWtsInfo(IntPtr buffer, uint bytes)
    {
        if (buffer == IntPtr.Zero || bytes < sizeof(WTSINFOW))
        {
            return null;
        }

        var info = (WTSINFOW*)buffer;
        return new SessionDetails(
            (int)info->SessionId,
            (SessionState)info->State,
            ReadFixed(info->WinStationName, WtsApi32.WINSTATIONNAME_LENGTH),
            ReadFixed(info->Domain, WtsApi32.DOMAIN_LENGTH),
            ReadFixed(info->UserName, WtsApi32.USERNAME_LENGTH + 1),
            FromFileTime(info->LogonTime),
            FromFileTime(info->LastInputTime),
            FromFileTime(info->CurrentTime))
        {
            ConnectTime = FromFileTime(info->ConnectTime),
            Lock = LockState.Unknown,
        };
    }

    /// <summary>
    /// A <see cref="WTSINFOEXW"/> from WTSSessionInfoEx: everything <see cref="ReadWtsInfo"/> reads and the
    /// lock state; null when the buffer is too short or of another level. Windows 7 and Server 2008 R2 report
    /// LOCK and UNLOCK the wrong way round; <paramref name="lockFlagsInverted"/> says to undo that.
    /// </summary>
    public static SessionDetails? ReadWtsInfoEx(IntPtr buffer, uint bytes, bool lockFlagsInverted)
    {
        if (buffer == IntPtr.Zero || bytes < sizeof(WTSINFOEXW) || ((WTSINFOEXW*)buffer)->Level != 1)
        {
            return null;
        }

        var info = &((WTSINFOEXW*)buffer)->Data.WTSInfoExLevel1;
        return new SessionDetails(
            (int)info->SessionId,
            (SessionState)info->SessionState,
            ReadFixed(info->WinStationName, WtsApi32.WINSTATIONNAME_LENGTH + 1),
            ReadFixed(info->DomainName, WtsApi32.DOMAIN_LENGTH + 1),
            ReadFixed(info->UserName, WtsApi32.USERNAME_LENGTH + 1),
            FromFileTime(info->LogonTime),
            FromFileTime(info->LastInputTime),
            FromFileTime(info->CurrentTime))
        {
            ConnectTime = FromFileTime(info->ConnectTime),
            Lock = info->SessionFlags switch
            {
                WtsApi32.WTS_SESSIONSTATE_LOCK => lockFlagsInverted ? LockState.Unlocked : LockState.Locked,
                WtsApi32.WTS_SESSIONSTATE_UNLOCK => lockFlagsInverted ? LockState.Locked : LockState.Unlocked,
                _ => LockState.Unknown,
            },
        };
    }

    /// <summary>A <see cref="WTS_CLIENT_ADDRESS"/> as text; empty when there is no (IP) address.</summary>
    public static string ReadClientAddress(IntPtr buffer, uint bytes)
    {
        if (buffer == IntPtr.Zero || bytes < sizeof(WTS_CLIENT_ADDRESS))
        {
            return "";
        }

        var address = (WTS_CLIENT_ADDRESS*)buffer;
        var raw = new ReadOnlySpan<byte>(address->Address, 20);
        var ip = (int)address->AddressFamily switch
        {
            // IPv4 sits two bytes in, after where sockaddr_in keeps the port.
            WtsApi32.AF_INET => new IPAddress(raw.Slice(2, 4)),
            WtsApi32.AF_INET6 => new IPAddress(raw[..16]),
            _ => null,
        };
        return ip is null || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)
            ? ""
            : ip.ToString();
    }

    /// <summary>A NUL-terminated UTF-16 string such as WTSClientName returns; empty for NULL.</summary>
    public static string ReadString(IntPtr buffer) => Marshal.PtrToStringUni(buffer) ?? "";

    /// <summary>WTSClientName and other string classes, with the byte count the call returned.</summary>
    public static string ReadString(IntPtr buffer, uint bytes) => bytes < sizeof(char) ? "" : ReadString(buffer);

    /// <summary>The processes of one session from an array of <see cref="WTS_PROCESS_INFOW"/> covering all sessions.</summary>
    public static IReadOnlyList<SessionProcess> ReadProcesses(IntPtr buffer, int count, int sessionId)
    {
        var rows = (WTS_PROCESS_INFOW*)buffer;
        var processes = new List<SessionProcess>();
        for (var i = 0; i < count; i++)
        {
            ref readonly var row = ref rows[i];
            if (row.SessionId == (uint)sessionId)
            {
                processes.Add(new SessionProcess((int)row.ProcessId, ReadString(row.pProcessName)));
            }
        }

        return processes;
    }

    /// <summary>A FILETIME (100 ns since 1601 UTC) as a UTC time; 0, meaning unknown, and nonsense become null.</summary>
    public static DateTimeOffset? FromFileTime(long fileTime) =>
        fileTime <= 0 || fileTime > DateTime.MaxValue.Ticks - FileTimeEpochTicks
            ? null
            : new DateTimeOffset(fileTime + FileTimeEpochTicks, TimeSpan.Zero);

    private static string ReadFixed(char* chars, int capacity)
    {
        var span = new ReadOnlySpan<char>(chars, capacity);
        var end = span.IndexOf('\0');
        return new string(end < 0 ? span : span[..end]);
    }
}
