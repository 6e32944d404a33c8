namespace SessionKiller.Wts.Interop;

internal enum WTS_TYPE_CLASS
{
    WTSTypeProcessInfoLevel0 = 0,
    WTSTypeProcessInfoLevel1 = 1,
    WTSTypeSessionInfoLevel1 = 2,
}
