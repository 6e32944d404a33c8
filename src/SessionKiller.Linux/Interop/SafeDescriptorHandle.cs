using System.Runtime.InteropServices;

namespace SessionKiller.Linux.Interop;

/// <summary>
/// A file descriptor this process opened (a terminal, a pidfd), closed with close(2). Descriptors are C
/// ints: the native functions take and return int, and this handle converts at the edge.
/// </summary>
internal sealed class SafeDescriptorHandle : SafeHandle
{
    public SafeDescriptorHandle()
        : base(new IntPtr(-1), ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle.ToInt64() < 0;

    public static SafeDescriptorHandle FromDescriptor(int descriptor)
    {
        var owned = new SafeDescriptorHandle();
        owned.SetHandle(new IntPtr(descriptor));
        return owned;
    }

    /// <summary>Runs a native call on the descriptor, keeping it open for the duration of the call.</summary>
    public T Use<T>(Func<int, T> call)
    {
        var added = false;
        try
        {
            DangerousAddRef(ref added);
            return call(handle.ToInt32());
        }
        finally
        {
            if (added)
            {
                DangerousRelease();
            }
        }
    }

    protected override bool ReleaseHandle() => Libc.close(handle.ToInt32()) == 0;
}
