using SessionKiller.Core.Backend;
using SessionKiller.Wts;

namespace SessionKiller.Cli;

/// <summary>The one place that chooses the platform backend.</summary>
internal static class SessionBackendFactory
{
    public const string UnsupportedSystem = "sessionkiller needs Windows for now (Linux sessions are planned)";

    /// <returns>The backend for this system, or null where there is none yet.</returns>
    public static ISessionBackend? Create() => OperatingSystem.IsWindows() ? new WtsSessionBackend() : null;
}
