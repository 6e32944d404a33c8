using System.Diagnostics;

namespace FacadeGenerator;

/// <summary>A source file of the host as it is at the manifest's commit.</summary>
internal sealed record SourceFile(string Path, string Text);

/// <summary>Reads a facade assembly's source files from a git repository (bare or not) at a commit, or from a plain folder.</summary>
internal static class SourceFiles
{
    public static IReadOnlyList<SourceFile> Read(string location, SourceRepository source, FacadeAssembly assembly)
    {
        var isGit = Directory.Exists(Path.Combine(location, ".git")) || File.Exists(Path.Combine(location, "HEAD"));
        var all = isGit ? ListGit(location, source.Commit, assembly.Include) : ListFolder(location, assembly.Include);
        var chosen = all
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal))
            .Where(path => !assembly.Exclude.Any(excluded => Matches(path, excluded)))
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var include in assembly.Include)
        {
            if (!chosen.Any(path => Matches(path, include)))
            {
                throw new GeneratorException($"{assembly.Name}: '{include}' matches no C# file in {location} at {source.Commit}.");
            }
        }

        return chosen.Select(path => new SourceFile(path, isGit ? Git(location, "show", $"{source.Commit}:{path}") : File.ReadAllText(Path.Combine(location, path)))).ToList();
    }

    private static bool Matches(string path, string pattern) =>
        pattern.EndsWith('/') ? path.StartsWith(pattern, StringComparison.Ordinal) : string.Equals(path, pattern, StringComparison.Ordinal);

    private static string[] ListGit(string gitDirectory, string commit, IEnumerable<string> include)
    {
        var resolved = Git(gitDirectory, "rev-parse", "--verify", commit + "^{commit}").Trim();
        if (!resolved.StartsWith(commit, StringComparison.OrdinalIgnoreCase))
        {
            throw new GeneratorException($"{gitDirectory}: {commit} resolves to {resolved}.");
        }

        return Git(gitDirectory, ["ls-tree", "-r", "--name-only", commit, "--", .. include.Select(path => path.TrimEnd('/'))])
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static IEnumerable<string> ListFolder(string folder, IEnumerable<string> include) =>
        include.SelectMany(path =>
        {
            var full = Path.Combine(folder, path);
            return path.EndsWith('/')
                ? Directory.Exists(full) ? Directory.EnumerateFiles(full, "*.cs", SearchOption.AllDirectories) : []
                : File.Exists(full) ? [full] : (IEnumerable<string>)[];
        }).Select(full => Path.GetRelativePath(folder, full).Replace('\\', '/'));

    private static string Git(string gitDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("--git-dir=" + (Directory.Exists(Path.Combine(gitDirectory, ".git")) ? Path.Combine(gitDirectory, ".git") : gitDirectory));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var git = Process.Start(start) ?? throw new GeneratorException("git could not be started.");
        var errors = git.StandardError.ReadToEndAsync();
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        if (git.ExitCode != 0)
        {
            throw new GeneratorException($"git {string.Join(' ', arguments)} in {gitDirectory} failed: {errors.Result.Trim()}");
        }

        return output;
    }
}
