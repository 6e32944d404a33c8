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

    /// <summary>
    /// The backend for a command that shows no client: on Windows a read then costs one call per session
    /// (the clients would cost two more each, since a one-shot command has no earlier read to keep them
    /// from). Linux reads its clients with the logins, at no extra cost.
    /// </summary>
    public static ISessionBackend WithoutClientDetails(ISessionBackend backend) =>
        OperatingSystem.IsWindows() && backend is WtsSessionBackend ? new WtsSessionBackend(ClientDetails.Skip) : backend;
}
