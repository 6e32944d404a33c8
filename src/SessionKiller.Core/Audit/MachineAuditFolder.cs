using System.IO;
using System.Runtime.Versioning;
using System.Security.AccessControl;
using SessionKiller.Core.Files;

namespace SessionKiller.Core.Audit;

/// <summary>
/// The machine-wide audit folder. Users may create folders in <c>%ProgramData%</c>, so one may have made
/// <c>SessionKiller</c> first and planted a link in it: the folder is refused when it is a link, and is
/// otherwise created, or taken back, owned by Administrators with only them and SYSTEM allowed to write.
/// </summary>
public static class MachineAuditFolder
{
    /// <summary>
    /// Owner and group Administrators; inheritance from <c>%ProgramData%</c> cut (P); SYSTEM and
    /// Administrators full control, Users read and execute (0x1200a9), for folders and files inside (OICI).
    /// </summary>
    public const string AdministratorsOnly = "O:BAG:BAD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;BU)";

    [SupportedOSPlatform("windows")]
    public static void Prepare(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (NoLinks.FirstLinkOnPath(folder) is { } link)
        {
            throw new IOException($"The audit folder goes through a link ({link}): refused.");
        }

        var security = new DirectorySecurity();
        security.SetSecurityDescriptorSddlForm(AdministratorsOnly);
        var directory = new DirectoryInfo(folder);
        if (directory.Exists)
        {
            directory.SetAccessControl(security);
        }
        else
        {
            directory.Create(security);
        }
    }
}
