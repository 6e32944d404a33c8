using SessionKiller.Core.Actions;
using SessionKiller.Core.Audit;
using SessionKiller.Core.Tests.Support;

namespace SessionKiller.Core.Tests.Audit;

/// <summary>The log is written where it should be, and never through a link someone planted.</summary>
public sealed class AuditLinksAndLocationTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sk-audit-links-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string LogPath => Path.Combine(folder, "audit.jsonl");

    private string Victim => Path.Combine(folder, "victim.txt");

    private static AuditEntry Entry() =>
        new(TestSessions.Now, @"CONTOSO\admin", SessionAction.LogOff, TestSessions.User("bob", id: 3).Identity, OutcomeKind.Done, "done", Elevated: false);

    [Fact]
    public void A_log_that_is_a_link_is_refused_and_its_target_left_alone()
    {
        File.WriteAllText(Victim, "precious");
        File.CreateSymbolicLink(LogPath, Victim);

        var written = new JsonLinesAuditLog(LogPath).TryAppend(Entry());

        Assert.False(written.IsWritten);
        Assert.Contains("link", written.Problem, StringComparison.Ordinal);
        Assert.Equal("precious", File.ReadAllText(Victim));
    }

    [Fact]
    public void A_dangling_link_in_place_of_the_log_creates_nothing_where_it_points()
    {
        File.CreateSymbolicLink(LogPath, Victim);

        Assert.False(new JsonLinesAuditLog(LogPath).TryAppend(Entry()).IsWritten);
        Assert.False(File.Exists(Victim));
    }

    [Fact]
    public void A_lock_file_that_is_a_link_is_refused()
    {
        File.WriteAllText(Victim, "precious");
        File.CreateSymbolicLink(LogPath + ".lock", Victim);

        var written = new JsonLinesAuditLog(LogPath).TryAppend(Entry());

        Assert.False(written.IsWritten);
        Assert.Contains("link", written.Problem, StringComparison.Ordinal);
        Assert.False(File.Exists(LogPath));
    }

    [Fact]
    public void Rotation_renames_no_link_and_measures_the_real_file()
    {
        var log = new JsonLinesAuditLog(LogPath, maxBytes: 600, keptFiles: 3);
        Assert.True(log.TryAppend(Entry()).IsWritten);
        File.WriteAllText(Victim, "precious");
        File.CreateSymbolicLink(log.RotatedPath(1), Victim);

        for (var i = 0; i < 5; i++)
        {
            log.TryAppend(Entry());
        }

        Assert.Equal("precious", File.ReadAllText(Victim));
        Assert.True(new FileInfo(log.RotatedPath(1)).LinkTarget is not null);
    }

    [Fact]
    public void An_elevated_process_on_Windows_ignores_the_variable_and_logs_machine_wide()
    {
        var previous = Environment.GetEnvironmentVariable(AuditLogLocation.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(AuditLogLocation.EnvironmentVariable, Path.Combine(folder, "chosen-by-the-user.jsonl"));

            Assert.Equal(AuditLogLocation.MachineWide, AuditLogLocation.For(elevatedOnWindows: true));
            Assert.Equal(Path.Combine(folder, "chosen-by-the-user.jsonl"), AuditLogLocation.For(elevatedOnWindows: false));
            Assert.EndsWith(Path.Combine("SessionKiller", "audit.jsonl"), AuditLogLocation.MachineWide, StringComparison.Ordinal);
            Assert.StartsWith(
                Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData, Environment.SpecialFolderOption.DoNotVerify),
                AuditLogLocation.MachineWide,
                StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(AuditLogLocation.EnvironmentVariable, previous);
        }
    }

    [Fact]
    public void The_machine_wide_folder_lets_only_administrators_and_system_write()
    {
        var sddl = MachineAuditFolder.AdministratorsOnly;
        var aces = sddl[(sddl.IndexOf("D:", StringComparison.Ordinal) + 2)..].Split('(').Skip(1).Select(ace => ace.TrimEnd(')').Split(';')).ToList();

        Assert.StartsWith("O:BA", sddl, StringComparison.Ordinal);
        Assert.Contains("D:PAI(", sddl, StringComparison.Ordinal);
        Assert.All(aces, ace => Assert.Equal("A", ace[0]));
        Assert.Equal(["SY", "BA"], aces.Where(ace => ace[2] == "FA").Select(ace => ace[5]));
        Assert.Equal("0x1200a9", Assert.Single(aces, ace => ace[5] == "BU")[2]);
    }

    [Fact]
    public void The_log_prepares_its_folder_through_the_hook_before_writing()
    {
        var prepared = new List<string>();
        var log = new JsonLinesAuditLog(Path.Combine(folder, "machine", "audit.jsonl"))
        {
            PrepareFolder = path =>
            {
                prepared.Add(path);
                Directory.CreateDirectory(path);
            },
        };

        Assert.True(log.TryAppend(Entry()).IsWritten);
        Assert.Equal([Path.Combine(folder, "machine")], prepared);
    }
}
