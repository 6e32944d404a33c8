namespace SessionKiller.Core.Sessions;

public enum LockState
{
    Unknown = 0,
    Locked = 1,
    Unlocked = 2,
}
