using SessionKiller.Core.Backend;
using SessionKiller.Linux;
using SessionKiller.Wts;

namespace SessionKiller.Cli;

/// <summary>The one place that chooses the platform backend.</summary>
internal static class SessionBackendFactory
{
    public const string UnsupportedSystem = "sessionkiller runs on Windows and Linux; this system has no session backend";

    /// <returns>The backend for this system, or null where there is none.</returns>
    public static ISessionBackend? Create() =>
        OperatingSystem.IsWindows() ? new WtsSessionBackend()
        : OperatingSystem.IsLinux() ? new LinuxSessionBackend()
        : null;
}
