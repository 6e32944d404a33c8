using System.Net;

namespace SessionKiller.Linux.Utmp;

/// <summary>One record of utmp, decoded; strings without their NUL padding.</summary>
internal sealed record UtmpRecord(
    short Type,
    int ProcessId,
    string Line,
    string Id,
    string User,
    string Host,
    int Session,
    DateTimeOffset Time,
    IPAddress? Address)
{
    public bool IsUserProcess => Type == UtmpLayout.USER_PROCESS;
}
