using System.Runtime.InteropServices;

namespace SessionKiller.Wts.Interop;

[StructLayout(LayoutKind.Sequential)]
internal struct WTS_PROCESS_INFOW
{
    public uint SessionId;
    public uint ProcessId;
    public IntPtr pProcessName;
    public IntPtr pUserSid;
}
