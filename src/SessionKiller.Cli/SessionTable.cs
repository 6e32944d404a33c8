using System.Globalization;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Text;

namespace SessionKiller.Cli;

/// <summary>The human form of a session list: aligned columns, times in the local zone.</summary>
internal static class SessionTable
{
    private const string Unknown = "-";
    private const string Gap = "  ";

    private static readonly string[] Header = ["SERVER", "ID", "USER", "STATE", "IDLE", "LOGON", "CLIENT"];

    /// <param name="withClient">Whether the CLIENT column is shown (the clients were read).</param>
    public static void Write(TextWriter output, IEnumerable<SessionInfo> sessions, TimeZoneInfo zone, string indent = "", bool withClient = false)
    {
        var columns = withClient ? Header.Length : Header.Length - 1;
        var rows = new List<string[]> { Header[..columns] };
        rows.AddRange(sessions.Select(session => Row(session, zone)[..columns]));
        var widths = Enumerable.Range(0, columns).Select(column => rows.Max(row => row[column].Length)).ToArray();
        foreach (var row in rows)
        {
            var cells = row.Select((cell, column) => column == 1 ? cell.PadLeft(widths[column]) : cell.PadRight(widths[column]));
            output.WriteLine((indent + string.Join(Gap, cells)).TrimEnd());
        }
    }

    private static string[] Row(SessionInfo session, TimeZoneInfo zone) =>
    [
        DisplayText.OneLine(session.ServerName),
        session.SessionId.ToString(CultureInfo.InvariantCulture),
        session.HasUser ? DisplayText.OneLine(session.QualifiedUserName) : Unknown,
        session.State.ToString(),
        session.IdleTime is { } idle ? DurationText.Format(idle) : Unknown,
        session.LogonTime is { } logon
            ? TimeZoneInfo.ConvertTime(logon, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
            : Unknown,
        DisplayText.OneLine(Client(session)),
    ];

    private static string Client(SessionInfo session) =>
        (session.ClientName.Length, session.ClientAddress.Length) switch
        {
            (0, 0) => "",
            (0, _) => session.ClientAddress,
            (_, 0) => session.ClientName,
            _ => $"{session.ClientName} ({session.ClientAddress})",
        };
}
