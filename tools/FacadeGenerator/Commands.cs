namespace FacadeGenerator;

/// <summary>The generator's commands; each returns the process exit code.</summary>
internal static class Commands
{
    public const string Usage = """
        usage: FacadeGenerator extract <facades.json> --source <name>=<git dir or folder> [--source ...]
               FacadeGenerator emit <facades.json>
               FacadeGenerator check <facades.json>
               FacadeGenerator check-references <facades.json> <built.dll>
        """;

    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        if (args.Count < 2)
        {
            throw new GeneratorException(Usage);
        }

        var manifest = FacadeManifest.Load(args[1]);
        switch (args[0])
        {
            case "extract":
                Extract(manifest, Locations(args.Skip(2).ToList(), manifest), output);
                Emit(manifest, output);
                return 0;
            case "emit":
                Emit(manifest, output);
                return 0;
            case "check":
                var stale = Stale(manifest);
                foreach (var path in stale)
                {
                    output.WriteLine($"{path} differs from what the generator emits from its api.txt: run FacadeGenerator emit {args[1]}");
                }

                return stale.Count == 0 ? 0 : 1;
            case "check-references" when args.Count == 3:
                var report = ReferenceCheck.Check(manifest, args[2]);
                foreach (var problem in report.Problems)
                {
                    output.WriteLine(problem);
                }

                output.WriteLine($"{args[2]}: {report.HostTypeReferences} type and {report.HostMemberReferences} member references into the host, "
                    + $"{report.HostInterfaces.Count} host interfaces implemented; {report.Problems.Count} problem(s)");
                return report.Problems.Count == 0 ? 0 : 1;
            default:
                throw new GeneratorException(Usage);
        }
    }

    /// <summary>The stub files whose checked-in text is not what <see cref="StubEmitter"/> writes from the checked-in listing.</summary>
    public static IReadOnlyList<string> Stale(FacadeManifest manifest) =>
        manifest.Assemblies
            .Where(assembly =>
            {
                var path = manifest.StubPath(assembly);
                return !File.Exists(path) || File.ReadAllText(path) != StubEmitter.Emit(ApiListing.Read(assembly.Name, manifest.ListingPath(assembly)), assembly);
            })
            .Select(manifest.StubPath)
            .ToList();

    private static void Extract(FacadeManifest manifest, Dictionary<string, string> locations, TextWriter output)
    {
        var files = manifest.Assemblies.ToDictionary(
            assembly => assembly,
            assembly => SourceFiles.Read(locations[assembly.Source], manifest.Sources[assembly.Source], assembly));
        var extractor = new SurfaceExtractor(files);
        var regenerate = $"dotnet run --project tools/FacadeGenerator -- extract {RepositoryRelative(manifest.Path)} "
            + string.Join(' ', manifest.Sources.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"--source {pair.Key}=<clone of {pair.Value.Repository}>"));
        foreach (var assembly in manifest.Assemblies)
        {
            var listing = extractor.Extract(assembly, manifest.Sources[assembly.Source], files[assembly], regenerate);
            var path = manifest.ListingPath(assembly);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, listing.Write());
            output.WriteLine($"{path}: {listing.Entries.Count} declarations from {files[assembly].Count} files");
        }
    }

    private static void Emit(FacadeManifest manifest, TextWriter output)
    {
        foreach (var assembly in manifest.Assemblies)
        {
            var path = manifest.StubPath(assembly);
            File.WriteAllText(path, StubEmitter.Emit(ApiListing.Read(assembly.Name, manifest.ListingPath(assembly)), assembly));
            output.WriteLine($"{path}: written");
        }
    }

    private static Dictionary<string, string> Locations(List<string> args, FacadeManifest manifest)
    {
        var locations = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] != "--source" || i + 1 >= args.Count || args[i + 1].Split('=', 2) is not [var name, var location])
            {
                throw new GeneratorException(Usage);
            }

            locations[name] = location;
            i++;
        }

        var missing = manifest.Sources.Keys.Where(name => !locations.ContainsKey(name)).ToList();
        if (missing.Count > 0)
        {
            throw new GeneratorException($"say where each source is: --source {string.Join(", --source ", missing.Select(name => name + "=<" + manifest.Sources[name].Repository + " clone>"))}");
        }

        return locations;
    }

    private static string RepositoryRelative(string path)
    {
        for (var folder = Path.GetDirectoryName(path); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (Path.Exists(Path.Combine(folder, ".git")))
            {
                return Path.GetRelativePath(folder, path).Replace('\\', '/');
            }
        }

        return Path.GetFileName(path);
    }
}
