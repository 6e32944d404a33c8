using SessionKiller.Core.Sessions;

namespace SessionKiller.Core.Actions;

/// <summary>Turns a session's process list into the applications a person would lose work in.</summary>
public static class ApplicationList
{
    public const int MaxShown = 12;

    // Parts of Windows that run in every session: naming them would hide the programs that matter.
    private static readonly HashSet<string> ShellProcesses = new(StringComparer.OrdinalIgnoreCase)
    {
        "csrss", "winlogon", "dwm", "fontdrvhost", "LogonUI", "explorer", "sihost", "taskhostw",
        "RuntimeBroker", "ctfmon", "ShellExperienceHost", "StartMenuExperienceHost", "SearchHost",
        "SearchApp", "TextInputHost", "dllhost", "conhost", "rdpclip", "rdpinput", "smartscreen", "svchost",
        "SecurityHealthSystray", "ShellHost", "Widgets", "WidgetService", "UserOOBEBroker",
        "ApplicationFrameHost", "SystemSettingsBroker", "backgroundTaskHost", "LockApp", "CredentialUIBroker",
        "tstheme", "rdpshell", "rdpsa", "ChsIME", "sppsvc", "LsaIso", "smss", "wininit", "services",
        "lsass", "Registry", "System", "Idle", "MemCompression", "audiodg", "WmiPrvSE", "spoolsv",
    };

    /// <summary>Distinct program names without ".exe", shell processes left out, sorted.</summary>
    public static IReadOnlyList<string> From(IEnumerable<SessionProcess> processes)
    {
        var names = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var process in processes)
        {
            var name = process.Name.EndsWith(".exe", StringComparison.OrdinalIgnoreCase) ? process.Name[..^4] : process.Name;
            if (name.Length > 0 && !ShellProcesses.Contains(name))
            {
                names.Add(name);
            }
        }

        return [.. names];
    }
}
