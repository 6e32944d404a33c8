using System.Runtime.InteropServices;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Interop;

/// <summary>Memory from GlobalAlloc; freed unless the clipboard took it (<see cref="SafeHandle.SetHandleAsInvalid"/>).</summary>
internal sealed class SafeGlobalMemoryHandle : SafeHandle
{
    public SafeGlobalMemoryHandle()
        : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle() => Kernel32.GlobalFree(handle) == 0;
}
