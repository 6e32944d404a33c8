using System.Runtime.InteropServices;

namespace SessionKiller.Wts.Interop;

[StructLayout(LayoutKind.Sequential)]
internal struct WTSINFOEXW
{
    public uint Level;
    public WTSINFOEX_LEVEL_W Data;
}

[StructLayout(LayoutKind.Explicit)]
internal struct WTSINFOEX_LEVEL_W
{
    [FieldOffset(0)]
    public WTSINFOEX_LEVEL1_W WTSInfoExLevel1;
}

[StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
internal unsafe struct WTSINFOEX_LEVEL1_W
{
    public uint SessionId;
    public WTS_CONNECTSTATE_CLASS SessionState;
    public int SessionFlags;
    public fixed char WinStationName[WtsApi32.WINSTATIONNAME_LENGTH + 1];
    public fixed char UserName[WtsApi32.USERNAME_LENGTH + 1];
    public fixed char DomainName[WtsApi32.DOMAIN_LENGTH + 1];
    public long LogonTime;
    public long ConnectTime;
    public long DisconnectTime;
    public long LastInputTime;
    public long CurrentTime;
    public uint IncomingBytes;
    public uint OutgoingBytes;
    public uint IncomingFrames;
    public uint OutgoingFrames;
    public uint IncomingCompressedBytes;
    public uint OutgoingCompressedBytes;
}
