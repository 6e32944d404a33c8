using Community.PowerToys.Run.Plugin.SessionKiller.Properties;
using Community.PowerToys.Run.Plugin.SessionKiller.Results;
using SessionKiller.Core.Elevation;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Elevation;

/// <summary>
/// Chooses the helper to elevate: the machine-wide one under <c>%ProgramFiles%</c> when it is there and is
/// the build this plugin was made with, else the one beside the plugin, if it is. Anything else (no
/// fingerprint, a file that differs or cannot be read) elevates nothing and says why.
/// </summary>
/// <param name="expectedSha256">The helper's SHA-256, fixed into the plugin when it was built (<see cref="HelperFingerprint"/>).</param>
/// <param name="candidates">Where to look, preferred first.</param>
internal sealed class HelperLocator(IHelperFiles files, string expectedSha256, IReadOnlyList<string> candidates)
{
    public IReadOnlyList<string> Candidates { get; } = candidates;

    /// <summary>The plugin's own choice: the machine-wide helper, then the one in <paramref name="pluginFolder"/>.</summary>
    public static HelperLocator ForThisComputer(string pluginFolder) =>
        new(
            new LocalHelperFiles(),
            HelperFingerprint.Sha256,
            [
                ElevatedHelper.MachineWidePath(Environment.GetFolderPath(Environment.SpecialFolder.ProgramFiles)),
                Path.Combine(pluginFolder, ElevatedHelper.FileName),
            ]);

    /// <summary>A verified helper, held open until disposed; or, without a path, why none can be started.</summary>
    public LocatedHelper Locate()
    {
        if (!ElevatedHelper.IsFingerprint(expectedSha256))
        {
            return LocatedHelper.None(Resources.Elevation_HelperUnknown);
        }

        string? problem = null;
        foreach (var path in Candidates)
        {
            if (!Path.IsPathFullyQualified(path) || !files.Exists(path))
            {
                continue;
            }

            Stream? held = null;
            try
            {
                held = files.OpenLocked(path);
                var actual = ElevatedHelper.Sha256(held);
                if (string.Equals(actual, expectedSha256, StringComparison.OrdinalIgnoreCase))
                {
                    held.Position = 0;
                    var found = new LocatedHelper(path, null, held);
                    held = null;
                    return found;
                }

                problem ??= Words.Format(Resources.Elevation_HelperDiffers, path, actual, expectedSha256.ToLowerInvariant());
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                problem ??= Words.Format(Resources.Elevation_HelperUnreadable, path, exception.Message);
            }
            finally
            {
                held?.Dispose();
            }
        }

        return LocatedHelper.None(problem ?? Words.Format(Resources.Elevation_HelperMissing, Candidates.Count > 0 ? Candidates[^1] : ElevatedHelper.FileName));
    }
}

/// <summary>The helper chosen, kept open (so unchangeable) until disposed; or the reason there is none.</summary>
internal sealed class LocatedHelper(string? path, string? problem, Stream? held) : IDisposable
{
    public string? Path { get; } = path;

    public string? Problem { get; } = problem;

    public static LocatedHelper None(string problem) => new(null, problem, null);

    public void Dispose() => held?.Dispose();
}
