using System.Runtime.InteropServices;

namespace SessionKiller.Wts.Interop;

[StructLayout(LayoutKind.Sequential)]
internal struct WTS_SESSION_INFOW
{
    public uint SessionId;
    public IntPtr pWinStationName;
    public WTS_CONNECTSTATE_CLASS State;
}
