namespace FacadeGenerator;

/// <summary>
/// One declaration of the listing: its signature (a documentation-comment id with the type after " : ", "static",
/// a constant's value and a property's public accessors, the form the metadata checks compare) and its C# declaration
/// (what the stubs are emitted from), written as "signature | declaration".
/// </summary>
internal sealed record ApiEntry(string Signature, string Declaration)
{
    private const string Separator = " | ";

    /// <summary>T, M, P, E or F.</summary>
    public char Kind => Signature[0];

    /// <summary>The signature up to its type: "M:Wox.Plugin.Query.#ctor(System.String,System.String)".</summary>
    public string Id => Signature.Split(" : ", 2)[0];

    /// <summary>The full name of the type (or namespace) the declaration sits in.</summary>
    public string Container
    {
        get
        {
            var name = Id[2..];
            var parameters = name.IndexOf('(', StringComparison.Ordinal);
            if (parameters >= 0)
            {
                name = name[..parameters];
            }

            var dot = name.LastIndexOf('.');
            return dot < 0 ? string.Empty : name[..dot];
        }
    }

    /// <summary>The declared name: the last part of the id, without parameters.</summary>
    public string Name => Kind == 'T' ? Id[(Container.Length == 0 ? 2 : Container.Length + 3)..] : Id[(Container.Length + 3)..].Split('(')[0];

    public override string ToString() => Signature + Separator + Declaration;

    public static ApiEntry Parse(string line)
    {
        var at = line.IndexOf(Separator, StringComparison.Ordinal);
        if (at < 0 || line.Length < 3 || line[1] != ':' || !"TMPEF".Contains(line[0], StringComparison.Ordinal))
        {
            throw new GeneratorException($"not a listing line: {line}");
        }

        return new ApiEntry(line[..at], line[(at + Separator.Length)..]);
    }
}

/// <summary>The public surface of one facade assembly: header lines ("# ...") and one entry a declaration, sorted.</summary>
internal sealed record ApiListing(string AssemblyName, IReadOnlyList<string> Header, IReadOnlyList<ApiEntry> Entries)
{
    public const string SourceHeader = "# source: ";

    /// <summary>"owner/name@commit", from the header.</summary>
    public string? Source => Header.FirstOrDefault(line => line.StartsWith(SourceHeader, StringComparison.Ordinal))?[SourceHeader.Length..];

    public string Write() =>
        string.Concat(Header.Select(line => line + "\n")) + string.Concat(Entries.Select(entry => entry + "\n"));

    public static ApiListing Read(string assemblyName, string path)
    {
        if (!File.Exists(path))
        {
            throw new GeneratorException($"{path} does not exist: extract the listing first.");
        }

        var lines = File.ReadAllLines(path);
        return new ApiListing(
            assemblyName,
            lines.Where(line => line.StartsWith('#')).ToList(),
            lines.Where(line => line.Length > 0 && !line.StartsWith('#')).Select(ApiEntry.Parse).ToList());
    }
}
