using System.Runtime.InteropServices;

namespace SessionKiller.Wts.Interop;

[StructLayout(LayoutKind.Sequential)]
internal struct WTS_SESSION_INFO_1W
{
    public uint ExecEnvId;
    public WTS_CONNECTSTATE_CLASS State;
    public uint SessionId;
    public IntPtr pSessionName;
    public IntPtr pHostName;
    public IntPtr pUserName;
    public IntPtr pDomainName;
    public IntPtr pFarmName;
}
