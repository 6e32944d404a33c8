namespace SessionKiller.Wts.Interop;

internal static partial class WtsApi32
{
    internal const int USERNAME_LENGTH = 20;
    internal const int WINSTATIONNAME_LENGTH = 32;
    internal const int DOMAIN_LENGTH = 17;

    internal const int WTS_SESSIONSTATE_LOCK = 0;
    internal const int WTS_SESSIONSTATE_UNLOCK = 1;
    internal const int WTS_SESSIONSTATE_UNKNOWN = -1;

    internal const int AF_INET = 2;
    internal const int AF_INET6 = 23;

    internal const uint MB_OK = 0x0;
    internal const uint MB_YESNO = 0x4;
    internal const uint MB_ICONQUESTION = 0x20;
    internal const uint MB_ICONINFORMATION = 0x40;
    internal const uint MB_SETFOREGROUND = 0x10000;
    internal const uint MB_TOPMOST = 0x40000;

    internal const int IDOK = 1;
    internal const int IDYES = 6;
    internal const int IDNO = 7;
    internal const int IDTIMEOUT = 32000;
    internal const int IDASYNC = 32001;
}
