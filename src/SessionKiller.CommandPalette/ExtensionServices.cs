using Community.PowerToys.Run.Plugin.SessionKiller.Elevation;
using Microsoft.CommandPalette.Extensions.Toolkit;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Audit;
using SessionKiller.Core.Backend;
using SessionKiller.Wts;

namespace SessionKiller.CommandPalette;

/// <summary>Everything the extension reaches outside itself; tests replace each part.</summary>
/// <param name="IsElevated">Whether the extension itself runs elevated; when it does, nothing goes through UAC.</param>
/// <param name="Actor">Who acts, as the audit log and the ask-first message name them.</param>
/// <param name="SettingsPath">The JSON file the Toolkit's settings manager keeps the options in.</param>
internal sealed record ExtensionServices(
    ISessionBackend Backend,
    IElevation Elevation,
    IAuditLog AuditLog,
    TimeProvider Time,
    Func<bool> IsElevated,
    string Actor,
    string SettingsPath)
{
    /// <summary>The real parts: wtsapi32, the verified helper (machine-wide, else the one bundled beside the exe, checked as the plugin checks it), the audit file.</summary>
    public static ExtensionServices ForThisComputer()
    {
        return new ExtensionServices(
            new WtsSessionBackend(),
            new CliElevation(new ShellProcessLauncher(), HelperLocator.ForThisComputer(AppContext.BaseDirectory)),
            AuditLogLocation.OpenDefault(),
            TimeProvider.System,
            ElevationCheck.IsElevated,
            CurrentUser(),
            Path.Combine(Utilities.BaseSettingsPath("SessionKiller.CommandPalette"), "settings.json"));
    }

    private static string CurrentUser()
    {
        try
        {
            return $"{Environment.UserDomainName}\\{Environment.UserName}";
        }
        catch (Exception exception) when (exception is PlatformNotSupportedException or InvalidOperationException)
        {
            return Environment.UserName;
        }
    }
}
