using System.Net;
using SessionKiller.Core.Sessions;
using Tmds.DBus.Protocol;

namespace SessionKiller.Linux.Logind;

/// <summary>Turns the properties of logind's Session objects into sessions. Pure: values in, values out.</summary>
internal static class LogindSessions
{
    /// <returns>The session, or null for what is not a person's login (a greeter, a background or manager
    /// session) and for sessions whose leader has gone.</returns>
    public static LinuxSession? ToSession(string id, IReadOnlyDictionary<string, VariantValue> properties, HostFacts facts)
    {
        var sessionClass = String(properties, "Class");
        var user = String(properties, "Name");
        var leader = UInt32(properties, "Leader");
        if (!sessionClass.StartsWith("user", StringComparison.Ordinal) || user.Length == 0
            || leader is 0 or > int.MaxValue || !facts.IsRunning((int)leader))
        {
            return null;
        }

        var tty = String(properties, "TTY");
        var display = String(properties, "Display");
        var line = tty.Length > 0 ? tty : display;
        var terminal = facts.TerminalNumber(tty);
        var remoteHost = String(properties, "RemoteHost");
        var (lastInput, idle) = Idle(properties, tty, facts);
        var info = new SessionInfo
        {
            ServerName = ServerNames.Local,
            SessionId = (int)leader,
            UserName = user,
            DomainName = "",
            State = String(properties, "State") == "closing" ? SessionState.Disconnected : SessionState.Active,
            StationName = line,
            ClientName = remoteHost,
            ClientAddress = IPAddress.TryParse(remoteHost, out var address) ? address.ToString() : "",
            LogonTime = Microseconds(UInt64(properties, "Timestamp")),
            LastInputTime = lastInput,
            IdleTime = idle,
            IsCurrentSession = facts.IsOwnSession((int)leader, terminal),
            IsConsole = SeatId(properties).Length > 0 && !Bool(properties, "Remote"),
        };
        return new LinuxSession(info, tty, terminal, id);
    }

    /// <summary>
    /// A text login's idle time comes from its terminal, as <c>w</c> computes it; a graphical one has
    /// only logind's idle hint (set by the desktop), and is not idle without it.
    /// </summary>
    private static (DateTimeOffset? LastInput, TimeSpan? Idle) Idle(IReadOnlyDictionary<string, VariantValue> properties, string tty, HostFacts facts)
    {
        if (tty.Length > 0 && facts.LastInput(tty) is { } input)
        {
            return (input, facts.IdleSince(input));
        }

        if (Bool(properties, "IdleHint") && Microseconds(UInt64(properties, "IdleSinceHint")) is { } since)
        {
            return (since, facts.IdleSince(since));
        }

        return (null, properties.ContainsKey("IdleHint") ? TimeSpan.Zero : null);
    }

    /// <summary>logind's times: microseconds since the epoch, 0 for "not known".</summary>
    internal static DateTimeOffset? Microseconds(ulong microseconds) =>
        microseconds is 0 or > 253_402_300_799_999_999UL ? null : DateTimeOffset.UnixEpoch.AddTicks((long)microseconds * 10);

    /// <summary>Seat is a (so) struct: the seat's id and object path; an empty id means no seat.</summary>
    internal static string SeatId(IReadOnlyDictionary<string, VariantValue> properties) =>
        properties.TryGetValue("Seat", out var seat) && seat.Type == VariantValueType.Struct && seat.Count > 0
            && seat.GetItem(0).Type == VariantValueType.String
            ? seat.GetItem(0).GetString()
            : "";

    private static string String(IReadOnlyDictionary<string, VariantValue> properties, string name) =>
        properties.TryGetValue(name, out var value) && value.Type == VariantValueType.String ? value.GetString() : "";

    private static uint UInt32(IReadOnlyDictionary<string, VariantValue> properties, string name) =>
        properties.TryGetValue(name, out var value) && value.Type == VariantValueType.UInt32 ? value.GetUInt32() : 0;

    private static ulong UInt64(IReadOnlyDictionary<string, VariantValue> properties, string name) =>
        properties.TryGetValue(name, out var value) && value.Type == VariantValueType.UInt64 ? value.GetUInt64() : 0;

    private static bool Bool(IReadOnlyDictionary<string, VariantValue> properties, string name) =>
        properties.TryGetValue(name, out var value) && value.Type == VariantValueType.Bool && value.GetBool();
}
