using System.Runtime.InteropServices;

namespace SessionKiller.Linux.Interop;

/// <summary>A file descriptor this process opened (a terminal, a pidfd), closed with close(2).</summary>
internal sealed class SafeDescriptorHandle : SafeHandle
{
    public SafeDescriptorHandle()
        : base(new IntPtr(-1), ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle.ToInt64() < 0;

    protected override bool ReleaseHandle() => Libc.close(handle.ToInt32()) == 0;
}
