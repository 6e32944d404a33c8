using System.IO.Compression;
using SessionKiller.Wts.Tests.Wine;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Host.Tests.Support;

/// <summary>
/// The x64 release zip, as release.ps1 makes it: the one in SESSIONKILLER_RELEASE_DIR when set (scripts/test.sh builds
/// it before the tests), else built once per test run into a temporary folder.
/// </summary>
internal static class Release
{
    private static readonly Lazy<Task<string>> Zip = new(FindOrBuildAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static Task<string> ZipAsync() => Zip.Value;

    /// <summary>Unzips the release under <paramref name="folder"/> (as into PowerToys Run's Plugins folder) and returns the plugin's folder.</summary>
    public static async Task<string> UnzipAsync(string folder)
    {
        var zip = await ZipAsync();
        Directory.CreateDirectory(folder);
        await ZipFile.ExtractToDirectoryAsync(zip, folder, overwriteFiles: true);
        return Path.Combine(folder, "SessionKiller");
    }

    private static async Task<string> FindOrBuildAsync()
    {
        var folder = Environment.GetEnvironmentVariable("SESSIONKILLER_RELEASE_DIR");
        if (string.IsNullOrEmpty(folder))
        {
            folder = Path.Combine(Path.GetTempPath(), "sessionkiller-release-" + Guid.NewGuid().ToString("N")[..12]);
            var build = await ProcessRunner.RunAsync(
                "dotnet",
                ["tool", "run", "pwsh", "--", "-NoProfile", "-NonInteractive", "-File", Path.Combine(RepositoryRoot, "release.ps1"), "-ArtifactsPath", folder],
                new Dictionary<string, string?>(),
                TimeSpan.FromMinutes(15),
                RepositoryRoot);
            if (build.ExitCode != 0)
            {
                throw new InvalidOperationException($"release.ps1 failed, so there is no zip to load:\n{build.Describe()}");
            }
        }

        var zips = Directory.Exists(folder) ? Directory.GetFiles(folder, "SessionKiller-*-x64.zip") : [];
        return zips.Length == 1
            ? zips[0]
            : throw new InvalidOperationException($"{folder} holds {zips.Length} SessionKiller-*-x64.zip files, not one: run release.ps1 (scripts/test.sh does).");
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Run.Plugin.SessionKiller.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Run.Plugin.SessionKiller.sln above {AppContext.BaseDirectory}.");
    }
}
