using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace SessionKiller.CommandPalette.Tests.Support;

/// <summary>
/// What a built assembly uses of the Command Palette SDK (its type and member references into
/// Microsoft.CommandPalette.Extensions.Toolkit), in the listing's terms, and which of those the listing
/// of the real SDK lacks: anything the facade has that the real SDK does not would fail on Windows.
/// </summary>
internal static class ListingCheck
{
    public const string SdkAssembly = "Microsoft.CommandPalette.Extensions.Toolkit";

    public static IReadOnlySet<string> ReadListing(string path) =>
        File.ReadLines(path).Where(line => line.Length > 0 && line[0] != '#').Select(line => line.Split(' ')[0]).ToHashSet(StringComparer.Ordinal);

    public static IReadOnlyList<string> Missing(string assemblyPath, IReadOnlySet<string> listing) =>
        References(assemblyPath).Where(entry => !listing.Contains(entry)).Order(StringComparer.Ordinal).ToArray();

    public static IReadOnlySet<string> References(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in reader.TypeReferences)
        {
            if (SdkTypeName(reader, handle) is { } name)
            {
                used.Add("T:" + name);
            }
        }

        foreach (var handle in reader.MemberReferences)
        {
            var member = reader.GetMemberReference(handle);
            if (ParentName(reader, member.Parent) is not { } type)
            {
                continue;
            }

            var name = reader.GetString(member.Name);
            if (member.GetKind() == MemberReferenceKind.Field)
            {
                used.Add($"F:{type}.{name}");
                continue;
            }

            var parameters = ParameterCount(reader.GetBlobReader(member.Signature));
            used.Add(name switch
            {
                ".ctor" => $"C:{type}.#ctor({parameters})",
                _ when name.StartsWith("get_", StringComparison.Ordinal) || name.StartsWith("set_", StringComparison.Ordinal) => $"P:{type}.{name[4..]}",
                _ when name.StartsWith("add_", StringComparison.Ordinal) => $"E:{type}.{name[4..]}",
                _ when name.StartsWith("remove_", StringComparison.Ordinal) => $"E:{type}.{name[7..]}",
                _ => $"M:{type}.{name}({parameters})",
            });
        }

        return used;
    }

    private static string? ParentName(MetadataReader reader, EntityHandle parent) => parent.Kind switch
    {
        HandleKind.TypeReference => SdkTypeName(reader, (TypeReferenceHandle)parent),
        HandleKind.TypeSpecification => GenericTypeName(reader, reader.GetTypeSpecification((TypeSpecificationHandle)parent).Signature),
        _ => null,
    };

    /// <summary>A generic instance (Setting&lt;bool&gt;) is listed by its definition (Setting`1).</summary>
    private static string? GenericTypeName(MetadataReader reader, BlobHandle signature)
    {
        var blob = reader.GetBlobReader(signature);
        if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance)
        {
            return null;
        }

        blob.ReadSignatureTypeCode();
        var definition = blob.ReadTypeHandle();
        return definition.Kind == HandleKind.TypeReference ? SdkTypeName(reader, (TypeReferenceHandle)definition) : null;
    }

    private static string? SdkTypeName(MetadataReader reader, TypeReferenceHandle handle)
    {
        var type = reader.GetTypeReference(handle);
        var scope = type.ResolutionScope;
        var name = reader.GetString(type.Name);
        if (scope.Kind == HandleKind.TypeReference)
        {
            return SdkTypeName(reader, (TypeReferenceHandle)scope) is { } outer ? outer + "+" + name : null;
        }

        if (scope.Kind != HandleKind.AssemblyReference
            || reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name) != SdkAssembly)
        {
            return null;
        }

        return reader.GetString(type.Namespace) + "." + name;
    }

    private static int ParameterCount(BlobReader signature)
    {
        var header = signature.ReadSignatureHeader();
        if (header.IsGeneric)
        {
            signature.ReadCompressedInteger();
        }

        return signature.ReadCompressedInteger();
    }
}
