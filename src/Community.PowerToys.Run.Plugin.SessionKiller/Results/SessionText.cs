using System.Globalization;
using System.Text;
using Community.PowerToys.Run.Plugin.SessionKiller.Properties;
using SessionKiller.Core.Sessions;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Results;

/// <summary>How one session reads in a result: title, subtitle and the details of its tooltip.</summary>
internal sealed class SessionText(TimeProvider time)
{
    private const string TitleSeparator = " \u2014 ";
    private const string SubtitleSeparator = " \u00b7 ";

    /// <summary>"bob — Disconnected, idle 2 h 14 min". Starts with the user name, which the highlights index.</summary>
    public static string Title(SessionInfo session)
    {
        var name = session.IsCurrentSession ? Words.Format(Resources.Title_You, session.UserName) : Words.Name(session.UserName);
        var facts = new List<string>(3) { Words.State(session.State) };
        if (session.Lock == LockState.Locked)
        {
            facts.Add(Resources.Locked);
        }

        facts.Add(Words.Idle(session.IdleTime));
        return name + TitleSeparator + string.Join(", ", facts);
    }

    /// <summary>"CONTOSO\bob · session 3 on RDS01 · from LAPTOP-7 · signed in 08:12".</summary>
    public string Subtitle(SessionInfo session)
    {
        var parts = new List<string>(4) { Words.Name(session.QualifiedUserName), Words.Where(session.SessionId, session.ServerName) };
        if (From(session) is { } from)
        {
            parts.Add(from);
        }

        if (session.LogonTime is { } logon)
        {
            parts.Add(Words.Format(Resources.Subtitle_SignedIn, When(logon)));
        }

        return string.Join(SubtitleSeparator, parts);
    }

    public static string DetailsTitle(SessionInfo session) =>
        session.QualifiedUserName.Length > 0 ? Words.Name(session.QualifiedUserName) : Words.Where(session.SessionId, session.ServerName);

    /// <summary>Every field, one per line: the tooltip, and what "Copy details" copies.</summary>
    public string Details(SessionInfo session)
    {
        var lines = new StringBuilder();
        void Line(string format, object? value) => lines.AppendLine(Words.Format(format, value));

        Line(Resources.Detail_Session, session.SessionId);
        Line(Resources.Detail_Server, Words.Server(session.ServerName));
        Line(Resources.Detail_State, session.Lock == LockState.Locked ? $"{Words.State(session.State)}, {Resources.Locked}" : Words.State(session.State));
        Line(Resources.Detail_Idle, session.IdleTime is { } idle ? Words.Duration(idle) : Resources.Unknown);
        if (session.LastInputTime is { } input)
        {
            Line(Resources.Detail_LastInput, When(input));
        }

        if (session.LogonTime is { } logon)
        {
            Line(Resources.Detail_SignedIn, When(logon));
        }

        if (session.ClientName.Length > 0 || session.ClientAddress.Length > 0)
        {
            var client = session.ClientAddress.Length == 0 ? session.ClientName
                : session.ClientName.Length == 0 ? session.ClientAddress
                : $"{session.ClientName} ({session.ClientAddress})";
            Line(Resources.Detail_Client, client);
        }

        if (session.StationName.Length > 0)
        {
            Line(Resources.Detail_Station, session.StationName);
        }

        if (session.IsConsole)
        {
            lines.AppendLine(Resources.Detail_Console);
        }

        if (session.IsCurrentSession)
        {
            lines.AppendLine(Resources.Detail_Yours);
        }

        return lines.ToString().TrimEnd();
    }

    /// <summary>"from LAPTOP-7", "at the console", or nothing.</summary>
    public static string? From(SessionInfo session) =>
        session.ClientName.Length > 0 ? Words.Format(Resources.Subtitle_From, session.ClientName)
        : session.ClientAddress.Length > 0 ? Words.Format(Resources.Subtitle_From, session.ClientAddress)
        : session.IsConsole ? Resources.Subtitle_Console
        : null;

    /// <summary>The time alone today, with the date on other days, in this computer's time zone.</summary>
    public string When(DateTimeOffset moment)
    {
        var local = TimeZoneInfo.ConvertTime(moment, time.LocalTimeZone);
        return local.ToString(local.Date == Today() ? "t" : "g", CultureInfo.CurrentCulture);
    }

    /// <summary>Today's date in this computer's time zone.</summary>
    public DateTime Today() => TimeZoneInfo.ConvertTime(time.GetUtcNow(), time.LocalTimeZone).Date;

    /// <summary>"12 min ago".</summary>
    public string Ago(DateTimeOffset moment) => Words.Format(Resources.Ago, Words.Duration(time.GetUtcNow() - moment));
}
