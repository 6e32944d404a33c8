using System.Text.Json.Serialization;

namespace SessionKiller.Core.Audit;

/// <summary>The JSON shape of one audit line; names are part of the log's contract.</summary>
internal sealed record AuditLine(
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("actor")] string Actor,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("server")] string Server,
    [property: JsonPropertyName("sessionId")] int SessionId,
    [property: JsonPropertyName("user")] string User,
    [property: JsonPropertyName("logonTime")] DateTimeOffset? LogonTime,
    [property: JsonPropertyName("phase")] string Phase,
    [property: JsonPropertyName("outcome")] string? Outcome,
    [property: JsonPropertyName("elevated")] bool Elevated,
    [property: JsonPropertyName("detail")] string Detail,
    [property: JsonPropertyName("pid")] int ProcessId)
{
    [JsonPropertyName("bulk")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? BulkId { get; init; }

    public static AuditLine From(AuditEntry entry) => new(
        entry.Time.ToUniversalTime(),
        entry.Actor,
        entry.Action.ToString(),
        entry.Target.ServerName,
        entry.Target.SessionId,
        entry.Target.QualifiedUserName,
        entry.Target.LogonTime?.ToUniversalTime(),
        entry.Phase == AuditPhase.AboutTo ? "about-to" : "outcome",
        entry.Outcome?.ToString(),
        entry.Elevated,
        entry.Detail,
        Environment.ProcessId)
    {
        BulkId = entry.BulkId,
    };
}

[JsonSerializable(typeof(AuditLine))]
[JsonSourceGenerationOptions(WriteIndented = false)]
internal sealed partial class AuditJsonContext : JsonSerializerContext;
