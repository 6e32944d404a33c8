using SessionKiller.Core.Audit;

namespace SessionKiller.Cli;

/// <summary>Where the CLI writes its audit lines: the product's default file, or the one an environment variable names.</summary>
internal static class AuditLogFactory
{
    public const string PathVariable = "SESSIONKILLER_AUDIT_LOG";

    public static string PathFrom(Func<string, string?> environment) =>
        environment(PathVariable) is { Length: > 0 } path ? path : AuditLogLocation.Default;

    public static IAuditLog Create(Func<string, string?> environment) => new JsonLinesAuditLog(PathFrom(environment));
}
