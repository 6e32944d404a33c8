namespace SessionKiller.Linux.Utmp;

/// <summary>
/// glibc's <c>struct utmp</c> on x86-64 (bits/utmp.h), checked with offsetof: 384 bytes, times as two
/// 32-bit fields (the compat layout shared with 32-bit programs).
/// </summary>
internal static class UtmpLayout
{
    internal const int RecordSize = 384;
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
    internal const int ut_session = 336;
    internal const int ut_tv_sec = 340;
    internal const int ut_tv_usec = 344;
    internal const int ut_addr_v6 = 348;
    internal const int ut_addr_v6_size = 16;

    internal const short LOGIN_PROCESS = 6;
    internal const short USER_PROCESS = 7;
    internal const short DEAD_PROCESS = 8;
}
