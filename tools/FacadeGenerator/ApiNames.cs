using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FacadeGenerator;

/// <summary>
/// The names a listing's signatures use, from Roslyn symbols: documentation-comment ids ("System.Collections.Generic.List{Wox.Plugin.Result}",
/// "`0" for a type's type parameter, "``0" for a method's, "[]", "@" for by-reference). <see cref="MetadataNames"/> writes the same
/// names from compiled metadata, so a built DLL's references compare with the listing as text.
/// </summary>
internal static class ApiNames
{
    public static string Definition(INamedTypeSymbol type)
    {
        var name = type.MetadataName;
        if (type.ContainingType is { } outer)
        {
            return Definition(outer) + "." + name;
        }

        return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + name : name;
    }

    public static string Reference(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => Reference(array.ElementType) + (array.Rank == 1 ? "[]" : "[" + new string(',', array.Rank - 1) + "]"),
        IPointerTypeSymbol pointer => Reference(pointer.PointedAtType) + "*",
        ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method } parameter => "``" + parameter.Ordinal.ToString(CultureInfo.InvariantCulture),
        ITypeParameterSymbol parameter => "`" + (OuterArity(parameter.DeclaringType) + parameter.Ordinal).ToString(CultureInfo.InvariantCulture),
        INamedTypeSymbol named => NamedReference(named),
        _ => throw new GeneratorException($"a type the listing cannot name: {type}"),
    };

    public static string Signature(ISymbol member, bool includeType = true)
    {
        var text = new StringBuilder();
        switch (member)
        {
            case INamedTypeSymbol type:
                text.Append("T:").Append(Definition(type)).Append(" : ").Append(TypeKind(type));
                if (type.DelegateInvokeMethod is { } invoke)
                {
                    // What a reference to the delegate's Invoke must match: the runtime supplies the method itself.
                    text.Append(" Invoke");
                    AppendParameters(text, invoke.Parameters);
                    text.Append(" : ").Append(Reference(invoke.ReturnType));
                }

                return text.ToString();
            case IMethodSymbol method:
                text.Append("M:").Append(Definition(method.ContainingType)).Append('.')
                    .Append(method.MethodKind == MethodKind.Constructor ? "#ctor" : method.Name);
                if (method.Arity > 0)
                {
                    text.Append("``").Append(method.Arity.ToString(CultureInfo.InvariantCulture));
                }

                AppendParameters(text, method.Parameters);
                if (includeType)
                {
                    text.Append(" : ").Append(Reference(method.ReturnType));
                }

                break;
            case IPropertySymbol property:
                text.Append("P:").Append(Definition(property.ContainingType)).Append('.').Append(property.IsIndexer ? "Item" : property.Name);
                AppendParameters(text, property.Parameters);
                if (includeType)
                {
                    text.Append(" : ").Append(Reference(property.Type));
                }

                break;
            case IEventSymbol @event:
                text.Append("E:").Append(Definition(@event.ContainingType)).Append('.').Append(@event.Name);
                if (includeType)
                {
                    text.Append(" : ").Append(Reference(@event.Type));
                }

                break;
            case IFieldSymbol field:
                text.Append("F:").Append(Definition(field.ContainingType)).Append('.').Append(field.Name);
                if (includeType)
                {
                    text.Append(" : ").Append(Reference(field.Type));
                }

                break;
            default:
                throw new GeneratorException($"a member the listing cannot name: {member}");
        }

        if (!includeType)
        {
            return text.ToString();
        }

        if (member.IsStatic || member is IFieldSymbol { IsConst: true })
        {
            text.Append(" static");
        }

        if (member is IFieldSymbol { IsConst: true } constant)
        {
            text.Append(" const ").Append(Literal(constant.ConstantValue));
        }
        else if (member is IFieldSymbol { IsReadOnly: true })
        {
            text.Append(" readonly");
        }

        if (member is IPropertySymbol withAccessors)
        {
            text.Append(" {");
            if (withAccessors.GetMethod is { } getter && IsVisible(getter))
            {
                text.Append(" get;");
            }

            if (withAccessors.SetMethod is { } setter && IsVisible(setter))
            {
                text.Append(setter.IsInitOnly ? " init;" : " set;");
            }

            text.Append(" }");
        }

        return text.ToString();
    }

    /// <summary>Public or protected: what another assembly can see.</summary>
    public static bool IsVisible(ISymbol symbol) =>
        symbol.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal;

    public static string Literal(object? value) => value switch
    {
        null => "null",
        string text => SymbolDisplay.FormatLiteral(text, quote: true),
        char character => SymbolDisplay.FormatLiteral(character, quote: true),
        bool flag => flag ? "true" : "false",
        float single => single.ToString("R", CultureInfo.InvariantCulture) + "F",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        decimal number => number.ToString(CultureInfo.InvariantCulture) + "M",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => throw new GeneratorException($"a constant the listing cannot write: {value}"),
    };

    private static string TypeKind(INamedTypeSymbol type) => type.TypeKind switch
    {
        Microsoft.CodeAnalysis.TypeKind.Interface => "interface",
        Microsoft.CodeAnalysis.TypeKind.Enum => "enum",
        Microsoft.CodeAnalysis.TypeKind.Delegate => "delegate",
        Microsoft.CodeAnalysis.TypeKind.Struct => "struct",
        _ => type.IsStatic ? "static class" : type.IsAbstract ? "abstract class" : type.IsSealed ? "sealed class" : "class",
    };

    private static void AppendParameters(StringBuilder text, IReadOnlyList<IParameterSymbol> parameters)
    {
        if (parameters.Count == 0)
        {
            return;
        }

        text.Append('(').AppendJoin(',', parameters.Select(p => Reference(p.Type) + (p.RefKind == RefKind.None ? "" : "@"))).Append(')');
    }

    private static string NamedReference(INamedTypeSymbol type)
    {
        var outer = type.ContainingType is { } containing ? NamedReference(containing) + "." : type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." : "";
        return type.Arity == 0 ? outer + type.Name : outer + type.Name + "{" + string.Join(',', type.TypeArguments.Select(Reference)) + "}";
    }

    private static int OuterArity(ISymbol? type)
    {
        var arity = 0;
        for (var outer = type?.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            arity += outer.Arity;
        }

        return arity;
    }
}
