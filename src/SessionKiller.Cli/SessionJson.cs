using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using SessionKiller.Core.HelperProtocol;
using SessionKiller.Core.Sessions;

namespace SessionKiller.Cli;

/// <summary>
/// One session in <c>list --json</c>. The property names are a contract with scripts and the plugin:
/// times in UTC to the tick (so <c>--expect-logon</c> can be fed back), null when unknown; client name
/// and address null when not read (without <c>--client</c>).
/// </summary>
internal sealed record SessionJson(
    string ServerName,
    int SessionId,
    string UserName,
    string DomainName,
    string State,
    string StationName,
    string? ClientName,
    string? ClientAddress,
    string? LogonTime,
    string? LastInputTime,
    long? IdleSeconds,
    bool IsCurrentSession,
    bool IsConsole)
{
    public static SessionJson From(SessionInfo session, bool withClient) => new(
        session.ServerName,
        session.SessionId,
        session.UserName,
        session.DomainName,
        session.State.ToString(),
        session.StationName,
        withClient ? session.ClientName : null,
        withClient ? session.ClientAddress : null,
        session.LogonTime is { } logon ? CliSyntax.FormatTime(logon) : null,
        session.LastInputTime is { } input ? CliSyntax.FormatTime(input) : null,
        session.IdleTime is { } idle ? (long)Math.Max(0, idle.TotalSeconds) : null,
        session.IsCurrentSession,
        session.IsConsole);

    public static void Write(TextWriter output, IEnumerable<SessionInfo> sessions, bool withClient)
    {
        output.WriteLine(JsonSerializer.Serialize(sessions.Select(session => From(session, withClient)).ToList(), SessionJsonContext.Readable.ListSessionJson));
    }
}

/// <summary>Source-generated serialization: no reflection, so the trimmed exe keeps working.</summary>
[JsonSerializable(typeof(List<SessionJson>))]
internal sealed partial class SessionJsonContext : JsonSerializerContext
{
    /// <summary>
    /// camelCase names, nulls written, indented, and only ASCII: every other character is a \u escape
    /// (<c>J\u00FCrgen</c>). Windows writes redirected output in the console's code page, which turns
    /// <c>Łukasz</c> into <c>Lukasz</c> and <c>王</c> into <c>?</c>; an escape survives any code page and
    /// every JSON reader turns it back into the name. Control characters are escaped too.
    /// </summary>
    public static SessionJsonContext Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.BasicLatin),
    });
}
