using System.Globalization;
using Community.PowerToys.Run.Plugin.SessionKiller.Properties;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Text;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Results;

/// <summary>The localized words every text of the plugin is made of: states, idle times, servers.</summary>
internal static class Words
{
    /// <summary>Below this a session counts as in use right now.</summary>
    private static readonly TimeSpan ActiveNow = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A localized sentence around values. Every string value is shown as one clean line: names come from
    /// servers and processes, and one with a line break or a bidirectional override must not rewrite the box.
    /// </summary>
    public static string Format(string format, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, format, Array.ConvertAll(args, arg => arg is string text ? Name(text) : arg));

    /// <summary>A user, client, server or process name as it may be shown (see <see cref="DisplayText.OneLine"/>).</summary>
    public static string Name(string name) => DisplayText.OneLine(name);

    public static string State(SessionState state) => state switch
    {
        SessionState.Active => Resources.State_Active,
        SessionState.Connected => Resources.State_Connected,
        SessionState.ConnectQuery => Resources.State_ConnectQuery,
        SessionState.Shadow => Resources.State_Shadow,
        SessionState.Disconnected => Resources.State_Disconnected,
        SessionState.Idle => Resources.State_Idle,
        SessionState.Listen => Resources.State_Listen,
        SessionState.Reset => Resources.State_Reset,
        SessionState.Down => Resources.State_Down,
        SessionState.Init => Resources.State_Init,
        _ => state.ToString(),
    };

    /// <summary>"active now", "idle 12 s", "idle 35 min", "idle 2 h 14 min", "idle 3 d 4 h", or "idle time unknown".</summary>
    public static string Idle(TimeSpan? idle) => idle switch
    {
        null => Resources.Idle_Unknown,
        { } value when value < ActiveNow => Resources.Idle_ActiveNow,
        { } value => Format(Resources.Idle_For, Duration(value)),
    };

    /// <summary>Two units at most, the larger first: "2 h 14 min", "35 min", "12 s", "3 d 4 h".</summary>
    public static string Duration(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            duration = TimeSpan.Zero;
        }

        if (duration.TotalDays >= 1)
        {
            return Format(Resources.Duration_DaysHours, (int)duration.TotalDays, duration.Hours);
        }

        if (duration.TotalHours >= 1)
        {
            return Format(Resources.Duration_HoursMinutes, duration.Hours, duration.Minutes);
        }

        return duration.TotalMinutes >= 1
            ? Format(Resources.Duration_Minutes, duration.Minutes)
            : Format(Resources.Duration_Seconds, duration.Seconds);
    }

    /// <summary>The server as a person calls it: "this PC" for the local computer.</summary>
    public static string Server(string serverName) => ServerNames.IsLocal(serverName) ? Resources.ThisComputer : Name(serverName);

    /// <summary>"session 3 on RDS01".</summary>
    public static string Where(int sessionId, string serverName) =>
        ServerNames.IsLocal(serverName) ? Format(Resources.SessionOnThisComputer, sessionId) : Format(Resources.SessionOnServer, sessionId, serverName);

    /// <summary>DOMAIN\user, or the session when nobody is signed in to it.</summary>
    public static string Who(SessionIdentity target) =>
        target.QualifiedUserName.Length > 0 ? Name(target.QualifiedUserName) : Where(target.SessionId, target.ServerName);
}
