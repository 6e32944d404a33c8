using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace FacadeGenerator;

/// <summary>What a built DLL asks of the host, against the host's listings.</summary>
/// <param name="Problems">One sentence each; none when the DLL asks for nothing the host lacks.</param>
/// <param name="HostTypeReferences">Type references into the host's assemblies that were checked.</param>
/// <param name="HostMemberReferences">Member references into the host's assemblies that were checked.</param>
/// <param name="HostInterfaces">"Type: Interface" for each host interface a type of the DLL implements.</param>
internal sealed record ReferenceReport(IReadOnlyList<string> Problems, int HostTypeReferences, int HostMemberReferences, IReadOnlyList<string> HostInterfaces);

/// <summary>
/// Reads a built DLL's metadata (System.Reflection.Metadata) and checks everything it takes from the host's assemblies
/// against their listings: every type reference names a listed type, every member reference a listed member with the
/// same signature (static or not, parameter and return types, accessors), every host interface one of its types
/// implements is listed and that type implements each of the interface's members. Assemblies referenced that are
/// neither the host's, nor .NET's, nor beside the DLL are problems too.
/// </summary>
internal static class ReferenceCheck
{
    public static ReferenceReport Check(FacadeManifest manifest, string dllPath)
    {
        var surfaces = manifest.Assemblies.ToDictionary(
            assembly => assembly.Name,
            assembly => new HostSurface(ApiListing.Read(assembly.Name, manifest.ListingPath(assembly))),
            StringComparer.Ordinal);
        using var stream = File.OpenRead(dllPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var names = new MetadataNames(reader);
        var problems = new List<string>();

        CheckAssemblies(reader, Path.GetDirectoryName(Path.GetFullPath(dllPath))!, surfaces, problems);
        var typeReferences = 0;
        foreach (var handle in reader.TypeReferences)
        {
            if (names.AssemblyOf(handle) is { } assembly && surfaces.TryGetValue(assembly, out var surface))
            {
                typeReferences++;
                var name = names.Name(handle);
                if (!surface.HasType(name))
                {
                    problems.Add($"{assembly} has no type {name} ({surface.Source}), yet the DLL references it");
                }
            }
        }

        var memberReferences = 0;
        foreach (var handle in reader.MemberReferences)
        {
            var member = reader.GetMemberReference(handle);
            if (HostType(names, member.Parent) is not ({ } assembly, { } type) || !surfaces.TryGetValue(assembly, out var surface))
            {
                continue;
            }

            memberReferences++;
            var problem = member.GetKind() == MemberReferenceKind.Method
                ? surface.FindMethodReference(type, reader.GetString(member.Name), member.DecodeMethodSignature(names, null))
                : surface.FindFieldReference(type, reader.GetString(member.Name), member.DecodeFieldSignature(names, null));
            if (problem is not null)
            {
                problems.Add($"{assembly}: {problem} ({surface.Source})");
            }
        }

        var interfaces = new List<string>();
        foreach (var handle in reader.TypeDefinitions)
        {
            CheckImplementations(names, handle, surfaces, interfaces, problems);
        }

        return new ReferenceReport(problems, typeReferences, memberReferences, interfaces);
    }

    private static void CheckAssemblies(MetadataReader reader, string folder, Dictionary<string, HostSurface> surfaces, List<string> problems)
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        foreach (var handle in reader.AssemblyReferences)
        {
            var name = reader.GetString(reader.GetAssemblyReference(handle).Name);
            if (!surfaces.ContainsKey(name) && !File.Exists(Path.Combine(folder, name + ".dll")) && !File.Exists(Path.Combine(runtime, name + ".dll")))
            {
                problems.Add($"the DLL references the assembly {name}, which is neither the host's (no listing), nor .NET's, nor beside it");
            }
        }
    }

    private static (string? Assembly, string? Type) HostType(MetadataNames names, EntityHandle parent)
    {
        switch (parent.Kind)
        {
            case HandleKind.TypeReference:
                var reference = (TypeReferenceHandle)parent;
                return (names.AssemblyOf(reference), names.Name(reference));
            case HandleKind.TypeSpecification:
                // A member of a generic host type: the type it instantiates is what the listing declares.
                var blob = names.Reader.GetBlobReader(names.Reader.GetTypeSpecification((TypeSpecificationHandle)parent).Signature);
                if (blob.ReadSignatureTypeCode() == SignatureTypeCode.GenericTypeInstance)
                {
                    blob.ReadSignatureTypeCode();
                    var generic = blob.ReadTypeHandle();
                    return generic.Kind == HandleKind.TypeReference ? HostType(names, generic) : (null, null);
                }

                return (null, null);
            default:
                return (null, null);
        }
    }

    private static void CheckImplementations(MetadataNames names, TypeDefinitionHandle handle, Dictionary<string, HostSurface> surfaces, List<string> interfaces, List<string> problems)
    {
        var reader = names.Reader;
        var type = reader.GetTypeDefinition(handle);
        var typeName = names.Name(handle);
        HashSet<string>? implicitSlots = null;
        Dictionary<string, HashSet<string>>? explicitSlots = null;
        foreach (var implementation in type.GetInterfaceImplementations())
        {
            var @interface = reader.GetInterfaceImplementation(implementation).Interface;
            if (HostType(names, @interface) is not ({ } assembly, { } interfaceName) || !surfaces.TryGetValue(assembly, out var surface))
            {
                continue;
            }

            interfaces.Add($"{typeName}: {interfaceName}");
            implicitSlots ??= ImplicitSlots(names, type);
            explicitSlots ??= ExplicitSlots(names, type);
            var explicitOnes = explicitSlots.GetValueOrDefault(interfaceName) ?? [];
            foreach (var slot in surface.Slots(interfaceName))
            {
                if (!implicitSlots.Contains(slot) && !explicitOnes.Contains(slot))
                {
                    problems.Add($"{typeName} implements {interfaceName} but not its member {slot}");
                }
            }
        }
    }

    /// <summary>"name(parameters) : return" of the public virtual methods a type declares: what implements an interface implicitly.</summary>
    private static HashSet<string> ImplicitSlots(MetadataNames names, TypeDefinition type) =>
        [.. type.GetMethods()
            .Select(names.Reader.GetMethodDefinition)
            .Where(method => (method.Attributes & System.Reflection.MethodAttributes.MemberAccessMask) == System.Reflection.MethodAttributes.Public
                && (method.Attributes & System.Reflection.MethodAttributes.Virtual) != 0)
            .Select(method => HostSurface.Slot(names.Reader.GetString(method.Name), method.DecodeSignature(names, null)))];

    /// <summary>Per interface, the slots a type implements explicitly (its MethodImpl rows).</summary>
    private static Dictionary<string, HashSet<string>> ExplicitSlots(MetadataNames names, TypeDefinition type)
    {
        var slots = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var handle in type.GetMethodImplementations())
        {
            var declaration = names.Reader.GetMethodImplementation(handle).MethodDeclaration;
            if (declaration.Kind != HandleKind.MemberReference)
            {
                continue;
            }

            var member = names.Reader.GetMemberReference((MemberReferenceHandle)declaration);
            if (HostType(names, member.Parent) is (_, { } interfaceName))
            {
                var slot = HostSurface.Slot(names.Reader.GetString(member.Name), member.DecodeMethodSignature(names, null));
                (slots.TryGetValue(interfaceName, out var set) ? set : slots[interfaceName] = []).Add(slot);
            }
        }

        return slots;
    }
}

/// <summary>One host assembly's listing, indexed for <see cref="ReferenceCheck"/>.</summary>
internal sealed class HostSurface
{
    private readonly Dictionary<string, ApiEntry> _byId = new(StringComparer.Ordinal);
    private readonly HashSet<string> _signatures = new(StringComparer.Ordinal);
    private readonly HashSet<string> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _delegateInvokes = new(StringComparer.Ordinal);

    public HostSurface(ApiListing listing)
    {
        Listing = listing;
        foreach (var entry in listing.Entries)
        {
            _byId.TryAdd(entry.Id, entry);
            _signatures.Add(entry.Signature);
            if (entry.Kind == 'T')
            {
                _types.Add(entry.Id[2..]);
                var shape = entry.Signature.Split(" : ", 2)[1];
                if (shape.StartsWith("delegate ", StringComparison.Ordinal))
                {
                    _delegateInvokes[entry.Id[2..]] = shape["delegate ".Length..];
                }
            }
        }
    }

    public ApiListing Listing { get; }

    public string Source => Listing.Source ?? Listing.AssemblyName;

    public bool HasType(string name) => _types.Contains(name);

    /// <summary>"name(parameters) : return", the form in which a method implements an interface member.</summary>
    public static string Slot(string name, MethodSignature<string> signature) =>
        name + Parameters(signature.ParameterTypes) + " : " + signature.ReturnType;

    /// <summary>The slots (see <see cref="Slot"/>) an implementation of the interface must fill: methods, accessors, event accessors.</summary>
    public IEnumerable<string> Slots(string interfaceName)
    {
        foreach (var entry in Listing.Entries.Where(entry => entry.Container == interfaceName && entry.Kind is 'M' or 'P' or 'E'))
        {
            var (type, _, accessors) = Parse(entry);
            var name = entry.Name;
            var parameters = ParametersOf(entry.Id);
            switch (entry.Kind)
            {
                case 'M':
                    yield return name + Parameters(parameters) + " : " + type;
                    break;
                case 'P':
                    if (accessors.Contains("get;", StringComparison.Ordinal))
                    {
                        yield return "get_" + name + Parameters(parameters) + " : " + type;
                    }

                    if (accessors.Contains("set;", StringComparison.Ordinal) || accessors.Contains("init;", StringComparison.Ordinal))
                    {
                        yield return "set_" + name + Parameters([.. parameters, type]) + " : System.Void";
                    }

                    break;
                default:
                    yield return "add_" + name + "(" + type + ") : System.Void";
                    yield return "remove_" + name + "(" + type + ") : System.Void";
                    break;
            }
        }
    }

    /// <summary>Null when the listing has the referenced method (or accessor) with this signature; else what is wrong.</summary>
    public string? FindMethodReference(string type, string name, MethodSignature<string> signature)
    {
        if (_delegateInvokes.TryGetValue(type, out var invoke))
        {
            // A delegate's constructor and Invoke are the runtime's; Invoke must match the declared signature.
            var isConstructor = name == ".ctor" && Parameters(signature.ParameterTypes) == "(System.Object,System.IntPtr)";
            return isConstructor || Slot(name, signature) == invoke || name is "BeginInvoke" or "EndInvoke"
                ? null
                : $"{Slot(name, signature)} of the delegate {type} is referenced, but it is declared {invoke}";
        }

        var isStatic = !signature.Header.IsInstance;
        var arity = signature.GenericParameterCount > 0 ? "``" + signature.GenericParameterCount : "";
        var id = $"M:{type}.{(name == ".ctor" ? "#ctor" : name)}{arity}{Parameters(signature.ParameterTypes)}";
        var expected = id + " : " + signature.ReturnType + (isStatic ? " static" : "");
        if (_signatures.Contains(expected))
        {
            return null;
        }

        var accessor = name.Split('_', 2);
        if (accessor.Length == 2 && accessor[0] is "get" or "set" or "add" or "remove")
        {
            var isProperty = accessor[0] is "get" or "set";
            var parameters = signature.ParameterTypes;
            var valueType = accessor[0] == "get" ? signature.ReturnType : parameters.Length > 0 ? parameters[^1] : "";
            var indexParameters = accessor[0] == "set" ? parameters[..^1] : isProperty ? parameters : [];
            var memberId = $"{(isProperty ? 'P' : 'E')}:{type}.{accessor[1]}{Parameters(indexParameters)}";
            if (_byId.TryGetValue(memberId, out var member))
            {
                var (memberType, memberStatic, accessors) = Parse(member);
                var hasAccessor = !isProperty
                    || accessors.Contains(accessor[0] + ";", StringComparison.Ordinal)
                    || (accessor[0] == "set" && accessors.Contains("init;", StringComparison.Ordinal));
                if (memberType == valueType && memberStatic == isStatic && hasAccessor)
                {
                    return null;
                }

                return $"{name} of {member.Signature}: the DLL expects {valueType}{(isStatic ? " static" : "")}";
            }
        }

        return _byId.TryGetValue(id, out var other)
            ? $"{expected} is referenced, but the listing has {other.Signature}"
            : $"{expected} is referenced, but the listing has no such member";
    }

    /// <summary>Null when the listing has the referenced field with this type; else what is wrong.</summary>
    public string? FindFieldReference(string type, string name, string fieldType)
    {
        var id = $"F:{type}.{name}";
        if (!_byId.TryGetValue(id, out var field))
        {
            return $"{id} : {fieldType} is referenced, but the listing has no such field";
        }

        return Parse(field).Type == fieldType ? null : $"{id} : {fieldType} is referenced, but the listing has {field.Signature}";
    }

    private static string Parameters(IReadOnlyList<string> parameters) => parameters.Count == 0 ? "" : "(" + string.Join(',', parameters) + ")";

    private static string[] ParametersOf(string id)
    {
        var open = id.IndexOf('(', StringComparison.Ordinal);
        return open < 0 ? [] : SplitTopLevel(id[(open + 1)..^1]);
    }

    /// <summary>Splits "A,B{C,D},E" at the commas outside braces.</summary>
    private static string[] SplitTopLevel(string text)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '{' or '[' => 1, '}' or ']' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        parts.Add(text[start..]);
        return [.. parts];
    }

    /// <summary>A member signature's type, whether it is static, and its accessor list ("{ get; set; }").</summary>
    private static (string Type, bool IsStatic, string Accessors) Parse(ApiEntry entry)
    {
        var rest = entry.Signature.Split(" : ", 2)[1];
        var brace = rest.IndexOf(" {", StringComparison.Ordinal);
        var accessors = brace < 0 ? "" : rest[brace..];
        var words = (brace < 0 ? rest : rest[..brace]).Split(' ');
        return (words[0], words.Skip(1).Contains("static"), accessors);
    }
}
