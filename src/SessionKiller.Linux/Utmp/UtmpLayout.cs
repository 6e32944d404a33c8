using System.Runtime.InteropServices;

namespace SessionKiller.Linux.Utmp;

/// <summary>
/// Where glibc's <c>struct utmp</c> (bits/utmp.h) keeps each field on one architecture. The fields up to
/// <c>ut_exit</c> sit alike everywhere; what follows depends on <c>__WORDSIZE_TIME64_COMPAT32</c>: x86-64
/// keeps <c>ut_session</c> and <c>ut_tv</c> as 32-bit fields (384 bytes, the layout shared with 32-bit
/// programs), aarch64 as <c>long</c> and <c>struct timeval</c> (400 bytes). Both checked with
/// <c>offsetof</c> and <c>sizeof</c> (x86-64 by the tests against glibc; aarch64 with Debian's cross gcc).
/// </summary>
internal sealed record UtmpLayout(int RecordSize, int ut_session, int ut_tv_sec, int ut_tv_usec, int TimeFieldSize, int ut_addr_v6)
{
    internal const int ut_type = 0;
    internal const int ut_pid = 4;
    internal const int ut_line = 8;
    internal const int UT_LINESIZE = 32;
    internal const int ut_id = 40;
    internal const int ut_id_size = 4;
    internal const int ut_user = 44;
    internal const int UT_NAMESIZE = 32;
    internal const int ut_host = 76;
    internal const int UT_HOSTSIZE = 256;
    internal const int ut_addr_v6_size = 16;

    internal const short LOGIN_PROCESS = 6;
    internal const short USER_PROCESS = 7;
    internal const short DEAD_PROCESS = 8;

    public static UtmpLayout X64 { get; } = new(RecordSize: 384, ut_session: 336, ut_tv_sec: 340, ut_tv_usec: 344, TimeFieldSize: 4, ut_addr_v6: 348);

    public static UtmpLayout Arm64 { get; } = new(RecordSize: 400, ut_session: 336, ut_tv_sec: 344, ut_tv_usec: 352, TimeFieldSize: 8, ut_addr_v6: 360);

    /// <summary>The layout of this process's architecture, or null where this backend does not know glibc's.</summary>
    public static UtmpLayout? ForThisMachine { get; } = For(RuntimeInformation.ProcessArchitecture);

    public static UtmpLayout? For(Architecture architecture) => architecture switch
    {
        Architecture.X64 => X64,
        Architecture.Arm64 => Arm64,
        _ => null,
    };
}
