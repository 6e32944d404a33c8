using System.Runtime.InteropServices;

namespace SessionKiller.Wts.Interop;

/// <summary>
/// A server handle from WTSOpenServer(Ex)W, closed with WTSCloseServer. This computer is the NULL
/// handle (WTS_CURRENT_SERVER_HANDLE): valid, and never closed.
/// </summary>
internal sealed class SafeWtsServerHandle : SafeHandle
{
    private readonly bool _isCurrentServer;

    public SafeWtsServerHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    private SafeWtsServerHandle(bool isCurrentServer)
        : base(IntPtr.Zero, ownsHandle: false)
    {
        _isCurrentServer = isCurrentServer;
    }

    public static SafeWtsServerHandle CurrentServer() => new(isCurrentServer: true);

    public override bool IsInvalid => handle == IntPtr.Zero && !_isCurrentServer;

    protected override bool ReleaseHandle()
    {
        WtsApi32.WTSCloseServer(handle);
        return true;
    }
}
