using System.Runtime.InteropServices;

namespace SessionKiller.Wts.Interop;

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct WTS_CLIENT_ADDRESS
{
    public uint AddressFamily;
    public fixed byte Address[20];
}
