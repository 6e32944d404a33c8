namespace SessionKiller.Core.Audit;

/// <summary>Where the audit log lives unless a host says otherwise.</summary>
public static class AuditLogLocation
{
    public const string EnvironmentVariable = "SESSIONKILLER_AUDIT_LOG";

    /// <summary>The variable's value when set, else <c>%LOCALAPPDATA%\SessionKiller\audit.jsonl</c>.</summary>
    public static string Default
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return configured;
            }

            var folder = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            if (string.IsNullOrEmpty(folder))
            {
                folder = Path.GetTempPath();
            }

            return Path.Combine(folder, "SessionKiller", "audit.jsonl");
        }
    }
}
