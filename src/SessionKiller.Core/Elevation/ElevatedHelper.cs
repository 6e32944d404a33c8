using System.Security.Cryptography;

namespace SessionKiller.Core.Elevation;

/// <summary>
/// The helper (<c>sessionkiller.exe</c>) that the plugin starts through UAC: where it lives, and the
/// fingerprint by which the plugin recognises the build it was made with.
/// </summary>
public static class ElevatedHelper
{
    public const string FileName = "sessionkiller.exe";

    /// <summary>The folder under <c>%ProgramFiles%</c> that <c>sessionkiller install-helper</c> copies the helper to.</summary>
    public const string MachineWideFolderName = "SessionKiller";

    /// <summary><c>%ProgramFiles%\SessionKiller\sessionkiller.exe</c>: only administrators can change it.</summary>
    public static string MachineWidePath(string programFiles) => Path.Combine(programFiles, MachineWideFolderName, FileName);

    /// <summary>The SHA-256 of <paramref name="content"/>, as 64 lowercase hex digits.</summary>
    public static string Sha256(Stream content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Whether <paramref name="sha256"/> is 64 hex digits (a fingerprint a build could have fixed).</summary>
    public static bool IsFingerprint(string sha256) => sha256.Length == 64 && sha256.All(char.IsAsciiHexDigit);
}
