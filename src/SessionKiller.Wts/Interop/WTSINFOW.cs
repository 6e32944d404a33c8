using System.Runtime.InteropServices;

namespace SessionKiller.Wts.Interop;

[StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
internal unsafe struct WTSINFOW
{
    public WTS_CONNECTSTATE_CLASS State;
    public uint SessionId;
    public uint IncomingBytes;
    public uint OutgoingBytes;
    public uint IncomingFrames;
    public uint OutgoingFrames;
    public uint IncomingCompressedBytes;
    public uint OutgoingCompressedBytes;
    public fixed char WinStationName[WtsApi32.WINSTATIONNAME_LENGTH];
    public fixed char Domain[WtsApi32.DOMAIN_LENGTH];
    public fixed char UserName[WtsApi32.USERNAME_LENGTH + 1];
    public long ConnectTime;
    public long DisconnectTime;
    public long LastInputTime;
    public long LogonTime;
    public long CurrentTime;
}
