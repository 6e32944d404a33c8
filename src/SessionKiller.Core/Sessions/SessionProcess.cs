namespace SessionKiller.Core.Sessions;

/// <summary>A process running in a session, as the backend lists it.</summary>
public sealed record SessionProcess(int ProcessId, string Name);
