namespace SessionKiller.Core.Actions;

public enum SessionAction
{
    LogOff,
    AskFirst,
    Disconnect,
    SendMessage,
}
