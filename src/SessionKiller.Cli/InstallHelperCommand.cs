using SessionKiller.Core.HelperProtocol;
using SessionKiller.Core.Elevation;

namespace SessionKiller.Cli;

/// <summary>Where <c>install-helper</c> copies from and to: this computer's, or temporary folders in tests.</summary>
/// <param name="ThisExe">The running executable (<see cref="Environment.ProcessPath"/>).</param>
/// <param name="ProgramFiles">The Program Files folder, whose subfolders only administrators can write.</param>
internal sealed record HelperInstallPlaces(string? ThisExe, string ProgramFiles, bool IsWindows)
{
    public static HelperInstallPlaces ThisComputer() =>
        new(Environment.ProcessPath, Environment.GetFolderPath(Environment.SpecialFolder.ProgramFiles), OperatingSystem.IsWindows());
}

/// <summary>
/// <c>sessionkiller install-helper</c>, run elevated once: copies this sessionkiller.exe to
/// <c>%ProgramFiles%\SessionKiller\</c>, where no process of an ordinary user can change it. The plugin
/// then elevates that copy, as long as it is the build the plugin was made with.
/// </summary>
internal sealed class InstallHelperCommand(CliPorts ports)
{
    public int Run()
    {
        var places = ports.HelperInstall;
        if (!places.IsWindows)
        {
            return ports.Report(ExitCode.NotSupported, "install-helper installs the Windows helper under Program Files; there is nothing to install on this system.");
        }

        if (places.ThisExe is not { } source || !string.Equals(Path.GetFileName(source), ElevatedHelper.FileName, StringComparison.OrdinalIgnoreCase))
        {
            return ports.Report(ExitCode.Failed, $"install-helper copies the self-contained {ElevatedHelper.FileName} it runs as; this process runs as '{places.ThisExe}'.");
        }

        var target = ElevatedHelper.MachineWidePath(places.ProgramFiles);
        if (string.Equals(Path.GetFullPath(source), Path.GetFullPath(target), StringComparison.OrdinalIgnoreCase))
        {
            ports.Out.WriteLine($"This is the machine-wide helper already: {target}");
            return (int)ExitCode.Done;
        }

        var staging = target + ".new";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, staging, overwrite: true);
            var expected = Fingerprint(source);
            if (Fingerprint(staging) != expected)
            {
                File.Delete(staging);
                return ports.Report(ExitCode.Failed, $"The copy in {staging} does not match {source}; nothing was installed.");
            }

            File.Move(staging, target, overwrite: true);
            ports.Out.WriteLine($"Installed the helper as {target} (SHA-256 {expected}).");
            ports.Out.WriteLine("The plugin elevates it from now on, as long as it is the build the plugin was made with.");
            return (int)ExitCode.Done;
        }
        catch (UnauthorizedAccessException exception)
        {
            return ports.Report(ExitCode.AccessDenied, $"install-helper must run elevated (as administrator): {exception.Message}");
        }
        catch (IOException exception)
        {
            return ports.Report(ExitCode.Failed, $"Could not install the helper as {target}: {exception.Message}");
        }
    }

    private static string Fingerprint(string path)
    {
        using var content = File.OpenRead(path);
        return ElevatedHelper.Sha256(content);
    }
}
