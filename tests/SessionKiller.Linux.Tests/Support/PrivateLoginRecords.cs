using SessionKiller.Linux.Interop;

namespace SessionKiller.Linux.Tests.Support;

/// <summary>
/// Login records of the test's own, seen by a program at the real paths (/run/utmp, /var/log/wtmp) and by
/// nothing else: the program runs in a private mount namespace (unshare -m) where a directory of the test
/// is bound over /run and another over /var/log. That also hides the system bus socket, so the program
/// reads utmp. Needs root (CI runs as root); without it the test fails and says so.
/// </summary>
internal sealed class PrivateLoginRecords : IDisposable
{
    private const string MountScript = "mount --bind \"$1\" /run && mount --bind \"$2\" /var/log && shift 2 && exec \"$@\"";

    private readonly string _directory = Directory.CreateTempSubdirectory("sk-records-").FullName;

    public PrivateLoginRecords()
    {
        Assert.True(Libc.geteuid() == 0, "Private login records need root: a mount namespace and bind mounts (CI runs as root).");
        Directory.CreateDirectory(RunDirectory);
        Directory.CreateDirectory(LogDirectory);
        File.WriteAllBytes(WtmpPath, []);
    }

    public string UtmpPath => Path.Combine(RunDirectory, "utmp");

    public string WtmpPath => Path.Combine(LogDirectory, "wtmp");

    /// <summary>The command that runs <c>dotnet</c> with these records in place of the machine's.</summary>
    public IReadOnlyList<string> Launcher =>
        [Tools.Find("unshare", "util-linux"), "--mount", "--propagation", "private", "sh", "-c", MountScript, "sk-private-records", RunDirectory, LogDirectory, "dotnet"];

    /// <summary>No system bus for the program: it reads the records here.</summary>
    public static IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string> { ["DBUS_SYSTEM_BUS_ADDRESS"] = "" };

    private string RunDirectory => Path.Combine(_directory, "run");

    private string LogDirectory => Path.Combine(_directory, "log");

    public void Write(params byte[][] records) => File.WriteAllBytes(UtmpPath, UtmpBytes.File(records));

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
