using System.Text.Json;
using System.Text.Json.Serialization;
using SessionKiller.Core.Actions;
using SessionKiller.Core.HelperProtocol;

namespace SessionKiller.Cli;

/// <summary>
/// One line of <c>--where ... --json</c>: one session's outcome. The names are a contract with scripts;
/// <c>bulk</c> is the id its audit line carries.
/// </summary>
internal sealed record BulkJson(
    string Bulk,
    string Action,
    string ServerName,
    int SessionId,
    string User,
    string? LogonTime,
    string Outcome,
    int ExitCode,
    bool Elevated,
    string Sentence)
{
    public static BulkJson From(string bulkId, ActionOutcome outcome) => new(
        bulkId,
        CliSyntax.CommandFor(outcome.Action),
        outcome.Target.ServerName,
        outcome.Target.SessionId,
        outcome.Target.QualifiedUserName,
        outcome.Target.LogonTime is { } logon ? CliSyntax.FormatTime(logon) : null,
        outcome.Kind.ToString(),
        (int)ExitCodes.For(outcome.Kind),
        outcome.Elevated,
        outcome.Sentence);

    public static string Line(string bulkId, ActionOutcome outcome) => JsonSerializer.Serialize(From(bulkId, outcome), BulkJsonContext.Line.BulkJson);
}

/// <summary>Source-generated, like <see cref="SessionJsonContext"/>: one line per session, camelCase, only ASCII.</summary>
[JsonSerializable(typeof(BulkJson))]
internal sealed partial class BulkJsonContext : JsonSerializerContext
{
    public static BulkJsonContext Line { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.BasicLatin),
    });
}
