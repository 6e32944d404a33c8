using System.Runtime.Versioning;

namespace SessionKiller.Core.Audit;

/// <summary>
/// Where the audit log lives unless a host says otherwise. An elevated process on Windows logs to the
/// machine-wide file, whatever the environment says: a user's own variables (HKCU\Environment) reach the
/// processes UAC starts for them, so honouring the variable would let any of their programs point an
/// administrator's log at a file of its choosing, or away from anyone's sight.
/// </summary>
public static class AuditLogLocation
{
    public const string EnvironmentVariable = "SESSIONKILLER_AUDIT_LOG";

    /// <summary>Whether this process runs elevated on Windows, and so logs machine-wide.</summary>
    [SupportedOSPlatformGuard("windows")]
    public static bool ElevatedOnWindows => OperatingSystem.IsWindows() && Environment.IsPrivilegedProcess;

    /// <summary><c>%ProgramData%\SessionKiller\audit.jsonl</c>, where only administrators write.</summary>
    public static string MachineWide =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData, Environment.SpecialFolderOption.DoNotVerify), "SessionKiller", "audit.jsonl");

    /// <summary>The location for this process: see <see cref="For"/>.</summary>
    public static string Default => For(ElevatedOnWindows);

    /// <summary>
    /// <see cref="MachineWide"/> when <paramref name="elevatedOnWindows"/>; otherwise the variable's value
    /// when set, else <c>%LOCALAPPDATA%\SessionKiller\audit.jsonl</c>.
    /// </summary>
    public static string For(bool elevatedOnWindows)
    {
        if (elevatedOnWindows)
        {
            return MachineWide;
        }

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

    /// <summary>The log this process writes: machine-wide in a folder only administrators write to when elevated on Windows.</summary>
    public static JsonLinesAuditLog OpenDefault() =>
        ElevatedOnWindows
            ? new JsonLinesAuditLog(MachineWide) { PrepareFolder = MachineAuditFolder.Prepare }
            : new JsonLinesAuditLog(For(elevatedOnWindows: false));
}
