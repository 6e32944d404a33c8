namespace SessionKiller.Wts;

/// <summary>Whether reading a server's sessions also reads each session's client name and address (two calls more per session).</summary>
public enum ClientDetails
{
    /// <summary>Read for a session new or reconnected since this backend last read the server; kept otherwise.</summary>
    WhenConnected,

    /// <summary>Not read: client name and address stay empty, and a read costs one call per session.</summary>
    Skip,
}
