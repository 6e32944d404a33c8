using Community.PowerToys.Run.Plugin.SessionKiller.Clipboard;
using Community.PowerToys.Run.Plugin.SessionKiller.Elevation;
using Community.PowerToys.Run.Plugin.SessionKiller.Prompt;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Audit;
using SessionKiller.Core.Backend;
using SessionKiller.Wts;

namespace Community.PowerToys.Run.Plugin.SessionKiller;

/// <summary>Everything the plugin reaches outside itself; tests replace each part.</summary>
/// <param name="IsElevated">Whether PowerToys Run itself runs elevated; when it does, nothing goes through UAC.</param>
/// <param name="Actor">Who acts, as the audit log and the ask-first message name them.</param>
internal sealed record PluginServices(
    ISessionBackend Backend,
    IConfirmationPrompt Prompt,
    IElevation Elevation,
    IAuditLog AuditLog,
    IClipboard Clipboard,
    TimeProvider Time,
    Func<bool> IsElevated,
    string Actor)
{
    /// <summary>The real parts: wtsapi32, MessageBoxW, the verified helper (machine-wide, else beside this DLL), the audit file.</summary>
    public static PluginServices ForThisComputer()
    {
        var pluginFolder = Path.GetDirectoryName(typeof(PluginServices).Assembly.Location);
        var helpers = HelperLocator.ForThisComputer(string.IsNullOrEmpty(pluginFolder) ? AppContext.BaseDirectory : pluginFolder);
        return new PluginServices(
            new WtsSessionBackend(),
            new MessageBoxPrompt(new User32MessageBox()),
            new CliElevation(new ShellProcessLauncher(), helpers),
            AuditLogLocation.OpenDefault(),
            new Win32Clipboard(),
            TimeProvider.System,
            ElevationCheck.IsElevated,
            CurrentUser());
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
