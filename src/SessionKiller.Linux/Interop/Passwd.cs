using System.Runtime.InteropServices;

namespace SessionKiller.Linux.Interop;

/// <summary>glibc's <c>struct passwd</c> (pwd.h), fields in their native order and with their native names.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct Passwd
{
    public nint pw_name;
    public nint pw_passwd;
    public uint pw_uid;
    public uint pw_gid;
    public nint pw_gecos;
    public nint pw_dir;
    public nint pw_shell;
}
