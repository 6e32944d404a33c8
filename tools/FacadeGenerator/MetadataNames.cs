using System.Collections.Immutable;
using System.Globalization;
using System.Reflection.Metadata;

namespace FacadeGenerator;

/// <summary>
/// Names of types in compiled metadata, written as <see cref="ApiNames"/> writes them from source, so that a reference
/// in a built DLL and a declaration of the listing compare as text.
/// </summary>
internal sealed class MetadataNames(MetadataReader reader) : ISignatureTypeProvider<string, object?>
{
    public MetadataReader Reader { get; } = reader;

    public string Name(TypeReferenceHandle handle)
    {
        var type = Reader.GetTypeReference(handle);
        var name = Reader.GetString(type.Name);
        return type.ResolutionScope.Kind == HandleKind.TypeReference
            ? Name((TypeReferenceHandle)type.ResolutionScope) + "." + name
            : Qualified(Reader.GetString(type.Namespace), name);
    }

    public string Name(TypeDefinitionHandle handle)
    {
        var type = Reader.GetTypeDefinition(handle);
        var name = Reader.GetString(type.Name);
        var outer = type.GetDeclaringType();
        return outer.IsNil ? Qualified(Reader.GetString(type.Namespace), name) : Name(outer) + "." + name;
    }

    /// <summary>The assembly a type reference points into (through its enclosing types), or null when it is not another assembly.</summary>
    public string? AssemblyOf(TypeReferenceHandle handle)
    {
        var scope = Reader.GetTypeReference(handle).ResolutionScope;
        return scope.Kind switch
        {
            HandleKind.TypeReference => AssemblyOf((TypeReferenceHandle)scope),
            HandleKind.AssemblyReference => Reader.GetString(Reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name),
            _ => null,
        };
    }

    public string GetPrimitiveType(PrimitiveTypeCode typeCode) => "System." + typeCode switch
    {
        PrimitiveTypeCode.IntPtr => "IntPtr",
        PrimitiveTypeCode.UIntPtr => "UIntPtr",
        _ => typeCode.ToString(),
    };

    public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => Name(handle);

    public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => Name(handle);

    public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments)
    {
        var tick = genericType.LastIndexOf('`');
        return (tick < 0 ? genericType : genericType[..tick]) + "{" + string.Join(',', typeArguments) + "}";
    }

    public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";

    public string GetSZArrayType(string elementType) => elementType + "[]";

    public string GetByReferenceType(string elementType) => elementType + "@";

    public string GetPointerType(string elementType) => elementType + "*";

    public string GetPinnedType(string elementType) => elementType;

    public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

    public string GetFunctionPointerType(MethodSignature<string> signature) => "method " + signature.ReturnType + "(" + string.Join(',', signature.ParameterTypes) + ")";

    public string GetGenericMethodParameter(object? genericContext, int index) => "``" + index.ToString(CultureInfo.InvariantCulture);

    public string GetGenericTypeParameter(object? genericContext, int index) => "`" + index.ToString(CultureInfo.InvariantCulture);

    private static string Qualified(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;
}
