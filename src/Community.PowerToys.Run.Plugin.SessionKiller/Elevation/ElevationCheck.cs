using System.Security.Principal;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Elevation;

internal static class ElevationCheck
{
    /// <summary>Whether this process runs as an elevated administrator (PowerToys Run normally does not).</summary>
    public static bool IsElevated()
    {
        using var identity = WindowsIdentity.GetCurrent();
        return new WindowsPrincipal(identity).IsInRole(WindowsBuiltInRole.Administrator);
    }
}
