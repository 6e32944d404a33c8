using SessionKiller.Cli.Tests.Support;
using SessionKiller.Core.Elevation;

namespace SessionKiller.Cli.Tests;

public sealed class InstallHelperTests : IDisposable
{
    private static readonly byte[] Build2 = "MZ sessionkiller build 2"u8.ToArray();

    private readonly string root = Directory.CreateTempSubdirectory("sessionkiller-install-").FullName;
    private readonly CliHarness harness = new();

    public InstallHelperTests()
    {
        Directory.CreateDirectory(Path.Combine(root, "plugin"));
        File.WriteAllBytes(ThisExe, Build2);
        Directory.CreateDirectory(ProgramFiles);
        harness.HelperInstall = new HelperInstallPlaces(ThisExe, ProgramFiles, IsWindows: true);
    }

    private string ThisExe => Path.Combine(root, "plugin", ElevatedHelper.FileName);

    private string ProgramFiles => Path.Combine(root, "Program Files");

    private string MachineWide => Path.Combine(ProgramFiles, "SessionKiller", "sessionkiller.exe");

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task Install_helper_copies_this_exe_under_program_files_where_the_plugin_looks_for_it()
    {
        var run = await harness.RunAsync("install-helper");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(ElevatedHelper.MachineWidePath(ProgramFiles), MachineWide);
        Assert.Equal(Build2, await File.ReadAllBytesAsync(MachineWide));
        Assert.Contains(MachineWide, run.Out, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Build2)), run.Out, StringComparison.Ordinal);
        Assert.Equal([MachineWide], Directory.GetFiles(Path.GetDirectoryName(MachineWide)!));
    }

    [Fact]
    public async Task Install_helper_replaces_an_older_machine_wide_helper()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(MachineWide)!);
        await File.WriteAllBytesAsync(MachineWide, "MZ sessionkiller build 1"u8.ToArray());

        var run = await harness.RunAsync("install-helper");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Build2, await File.ReadAllBytesAsync(MachineWide));
    }

    [Fact]
    public async Task The_machine_wide_helper_installing_itself_changes_nothing()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(MachineWide)!);
        await File.WriteAllBytesAsync(MachineWide, Build2);
        harness.HelperInstall = new HelperInstallPlaces(MachineWide, ProgramFiles, IsWindows: true);

        var run = await harness.RunAsync("install-helper");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("already", run.Out, StringComparison.Ordinal);
        Assert.Equal(Build2, await File.ReadAllBytesAsync(MachineWide));
    }

    [Fact]
    public async Task Install_helper_run_through_dotnet_copies_nothing()
    {
        harness.HelperInstall = new HelperInstallPlaces("/usr/share/dotnet/dotnet", ProgramFiles, IsWindows: true);

        var run = await harness.RunAsync("install-helper");

        Assert.Equal(9, run.ExitCode);
        Assert.Contains("self-contained sessionkiller.exe", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.GetDirectoryName(MachineWide)));
    }

    [Fact]
    public async Task Install_helper_says_why_when_the_folder_cannot_be_made()
    {
        await File.WriteAllTextAsync(Path.Combine(ProgramFiles, "SessionKiller"), "a file where the folder belongs");

        var run = await harness.RunAsync("install-helper");

        Assert.Equal(9, run.ExitCode);
        Assert.Contains("Could not install the helper", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Install_helper_elsewhere_than_windows_is_not_supported()
    {
        harness.HelperInstall = harness.HelperInstall with { IsWindows = false };

        var run = await harness.RunAsync("install-helper");

        Assert.Equal(8, run.ExitCode);
        Assert.False(Directory.Exists(Path.GetDirectoryName(MachineWide)));
    }

    [Fact]
    public async Task Install_helper_takes_no_arguments()
    {
        var run = await harness.RunAsync("install-helper", "C:\\Temp");

        Assert.Equal(1, run.ExitCode);
        Assert.False(File.Exists(MachineWide));
    }
}
