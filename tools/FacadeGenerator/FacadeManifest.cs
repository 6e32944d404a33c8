using System.Text.Json;

namespace FacadeGenerator;

/// <summary>
/// One facade set (facades.json): where the host's sources come from (repository and commit) and, per facade
/// assembly, which of their files make its public surface. Paths in it are relative to its own folder.
/// </summary>
internal sealed record FacadeManifest(string Path, string Directory, IReadOnlyDictionary<string, SourceRepository> Sources, IReadOnlyList<FacadeAssembly> Assemblies)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    public static FacadeManifest Load(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var file = JsonSerializer.Deserialize<ManifestFile>(File.ReadAllText(full), Json)
            ?? throw new GeneratorException($"{path} is empty.");
        var sources = file.Sources ?? throw new GeneratorException($"{path} names no sources.");
        var assemblies = (file.Assemblies ?? throw new GeneratorException($"{path} names no assemblies.")).Select(a => a.ToAssembly(path, sources)).ToList();
        var duplicate = assemblies.GroupBy(a => a.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new GeneratorException($"{path} names the assembly {duplicate.Key} twice.");
        }

        return new FacadeManifest(full, System.IO.Path.GetDirectoryName(full)!, sources, assemblies);
    }

    public string ListingPath(FacadeAssembly assembly) => System.IO.Path.Combine(Directory, assembly.Name, "api.txt");

    public string StubPath(FacadeAssembly assembly) => System.IO.Path.Combine(Directory, assembly.Name, assembly.Name + ".g.cs");

    private sealed class ManifestFile
    {
        public Dictionary<string, SourceRepository>? Sources { get; set; }

        public List<AssemblyEntry>? Assemblies { get; set; }
    }

    private sealed class AssemblyEntry
    {
        public string? Name { get; set; }

        public string? Source { get; set; }

        public List<string>? Include { get; set; }

        public List<string>? Exclude { get; set; }

        public List<string>? Types { get; set; }

        public bool TrimToSelection { get; set; }

        public List<string>? HandWritten { get; set; }

        public FacadeAssembly ToAssembly(string path, Dictionary<string, SourceRepository> sources)
        {
            if (string.IsNullOrWhiteSpace(Name))
            {
                throw new GeneratorException($"{path}: an assembly has no name.");
            }

            if (Source is null || !sources.ContainsKey(Source))
            {
                throw new GeneratorException($"{path}: {Name} names the source '{Source}', which the manifest does not list.");
            }

            if (Include is not { Count: > 0 })
            {
                throw new GeneratorException($"{path}: {Name} includes no source files.");
            }

            return new FacadeAssembly(Name, Source, Include, Exclude ?? [], Types ?? [], TrimToSelection, HandWritten ?? []);
        }
    }
}

/// <summary>A repository and the commit its files are read at.</summary>
internal sealed record SourceRepository(string Repository, string Commit);

/// <summary>
/// One facade assembly. <paramref name="Include"/>: files or folders (ending in '/') of the source; <paramref name="Types"/>:
/// when not empty, only these types (full names) are taken; <paramref name="TrimToSelection"/>: members and base types that
/// name a type outside the facade set and .NET are left out instead of being an error (for a few types out of a large
/// framework); <paramref name="HandWritten"/>: members (listing ids) whose bodies a hand-written partial file supplies.
/// </summary>
internal sealed record FacadeAssembly(
    string Name,
    string Source,
    IReadOnlyList<string> Include,
    IReadOnlyList<string> Exclude,
    IReadOnlyList<string> Types,
    bool TrimToSelection,
    IReadOnlyList<string> HandWritten);

/// <summary>A problem the generator reports as one line and exit code 1.</summary>
internal sealed class GeneratorException(string message) : Exception(message);
