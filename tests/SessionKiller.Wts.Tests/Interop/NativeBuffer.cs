using System.Runtime.InteropServices;

namespace SessionKiller.Wts.Tests.Interop;

/// <summary>
/// Unmanaged memory laid out by hand at the documented x64 offsets, the way wtsapi32 hands buffers
/// back: one block for the structures, each string allocated on its own and pointed to.
/// Written without the product's struct types, so a wrong field order there shows as a wrong read.
/// </summary>
internal sealed unsafe class NativeBuffer : IDisposable
{
    private readonly List<IntPtr> _strings = [];

    public NativeBuffer(int size)
    {
        Size = size;
        Pointer = Marshal.AllocHGlobal(size);
        new Span<byte>((void*)Pointer, size).Clear();
    }

    public IntPtr Pointer { get; }

    public int Size { get; }

    public uint ByteCount => (uint)Size;

    public NativeBuffer Int32(int offset, int value)
    {
        Marshal.WriteInt32(Pointer, Check(offset, 4), value);
        return this;
    }

    public NativeBuffer Int64(int offset, long value)
    {
        Marshal.WriteInt64(Pointer, Check(offset, 8), value);
        return this;
    }

    public NativeBuffer Bytes(int offset, params byte[] values)
    {
        Marshal.Copy(values, 0, Pointer + Check(offset, values.Length), values.Length);
        return this;
    }

    /// <summary>UTF-16 characters in place (a fixed WCHAR array), with no terminator added.</summary>
    public NativeBuffer Chars(int offset, string text)
    {
        Marshal.Copy(text.ToCharArray(), 0, Pointer + Check(offset, text.Length * 2), text.Length);
        return this;
    }

    /// <summary>A pointer to a separately allocated NUL-terminated UTF-16 string; null writes NULL.</summary>
    public NativeBuffer String(int offset, string? text)
    {
        var target = IntPtr.Zero;
        if (text is not null)
        {
            target = Marshal.StringToHGlobalUni(text);
            _strings.Add(target);
        }

        Marshal.WriteIntPtr(Pointer, Check(offset, IntPtr.Size), target);
        return this;
    }

    public void Dispose()
    {
        foreach (var text in _strings)
        {
            Marshal.FreeHGlobal(text);
        }

        Marshal.FreeHGlobal(Pointer);
    }

    private int Check(int offset, int length)
    {
        if (offset < 0 || offset + length > Size)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), $"{length} bytes at {offset} do not fit in {Size}.");
        }

        return offset;
    }
}
