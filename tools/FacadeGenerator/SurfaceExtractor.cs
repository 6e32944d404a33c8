using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FacadeGenerator;

/// <summary>
/// Reads the public surface of every facade assembly of a set from the host's C# sources: one compilation of all of
/// them against .NET's own assemblies, so a signature naming another facade's type (Wox.Plugin naming WPF's Key) binds.
/// </summary>
internal sealed class SurfaceExtractor
{
    private static readonly SymbolDisplayFormat TypeFormat = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Included,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    // Attributes that change how a caller compiles or what the runtime does with the declaration; the others
    // (serialization, designers, analyzers) say nothing a plugin's build or load depends on.
    private static readonly HashSet<string> KeptAttributes = new(StringComparer.Ordinal)
    {
        "System.FlagsAttribute",
        "System.ObsoleteAttribute",
        "System.Runtime.CompilerServices.CallerMemberNameAttribute",
        "System.Runtime.CompilerServices.CallerFilePathAttribute",
        "System.Runtime.CompilerServices.CallerLineNumberAttribute",
    };

    private readonly CSharpCompilation _compilation;
    private readonly Dictionary<SyntaxTree, FacadeAssembly> _assemblyOf = [];
    private readonly Dictionary<INamedTypeSymbol, FacadeAssembly> _selected = new(SymbolEqualityComparer.Default);

    public SurfaceExtractor(IReadOnlyDictionary<FacadeAssembly, IReadOnlyList<SourceFile>> sources)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = new List<SyntaxTree>();
        foreach (var (assembly, files) in sources)
        {
            foreach (var file in files)
            {
                var tree = CSharpSyntaxTree.ParseText(file.Text, parse, file.Path);
                trees.Add(tree);
                _assemblyOf[tree] = assembly;
            }
        }

        _compilation = CSharpCompilation.Create(
            "FacadeSources",
            trees,
            FrameworkReferences(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
        SelectTypes(sources.Keys);
    }

    /// <summary>.NET's own assemblies, from the running runtime's folder, less its WindowsBase shim: WPF's WindowsBase is a facade here.</summary>
    internal static IEnumerable<MetadataReference> FrameworkReferences()
    {
        var folder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        foreach (var path in Directory.EnumerateFiles(folder, "*.dll").Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(path) == "WindowsBase.dll")
            {
                continue;
            }

            using var stream = File.OpenRead(path);
            using var reader = new System.Reflection.PortableExecutable.PEReader(stream);
            if (reader.HasMetadata)
            {
                yield return MetadataReference.CreateFromFile(path);
            }
        }
    }

    public ApiListing Extract(FacadeAssembly assembly, SourceRepository source, IReadOnlyList<SourceFile> files, string regenerate)
    {
        var entries = new List<ApiEntry>();
        var problems = new List<string>();
        foreach (var type in _selected.Where(pair => pair.Value == assembly).Select(pair => pair.Key))
        {
            entries.Add(new ApiEntry(ApiNames.Signature(type), TypeDeclaration(type, assembly)));
            foreach (var member in Members(type))
            {
                var unknown = UnknownTypes(member).ToList();
                if (unknown.Count > 0 || OverridesWhatIsLeftOut(member))
                {
                    if (!assembly.TrimToSelection)
                    {
                        problems.Add($"{ApiNames.Signature(member, includeType: false)} names {string.Join(", ", unknown)}, which no facade of this set declares");
                    }

                    continue;
                }

                entries.Add(new ApiEntry(ApiNames.Signature(member), MemberDeclaration(member)));
            }
        }

        if (problems.Count > 0)
        {
            throw new GeneratorException($"{assembly.Name}:\n  " + string.Join("\n  ", problems));
        }

        var header = new List<string>
        {
            $"# {assembly.Name}: its public surface, one declaration a line: <signature> | <C# declaration>. Generated: do not edit.",
            $"{ApiListing.SourceHeader}{source.Repository}@{source.Commit}",
            $"# regenerate: {regenerate}",
        };
        if (assembly.TrimToSelection)
        {
            header.Add("# trimmed: only the types below; members and base types naming a type outside this facade set and .NET are left out.");
        }

        header.AddRange(files.Select(file => "# file: " + file.Path));
        return new ApiListing(assembly.Name, header, [.. entries.OrderBy(entry => entry.Signature, StringComparer.Ordinal)]);
    }

    private void SelectTypes(IEnumerable<FacadeAssembly> assemblies)
    {
        foreach (var tree in _compilation.SyntaxTrees)
        {
            var assembly = _assemblyOf[tree];
            var model = _compilation.GetSemanticModel(tree);
            foreach (var declaration in tree.GetRoot().DescendantNodes().Where(node => node is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax))
            {
                if (declaration.Parent is BaseTypeDeclarationSyntax || model.GetDeclaredSymbol(declaration) is not INamedTypeSymbol type)
                {
                    continue;
                }

                if (type.DeclaredAccessibility == Microsoft.CodeAnalysis.Accessibility.Public && (assembly.Types.Count == 0 || assembly.Types.Contains(ApiNames.Definition(type))))
                {
                    Select(type, assembly);
                }
            }
        }

        foreach (var assembly in assemblies)
        {
            var missing = assembly.Types.Where(name => !_selected.Any(pair => pair.Value == assembly && ApiNames.Definition(pair.Key) == name)).ToList();
            if (missing.Count > 0)
            {
                throw new GeneratorException($"{assembly.Name}: no public type {string.Join(", ", missing)} in its sources.");
            }
        }
    }

    private void Select(INamedTypeSymbol type, FacadeAssembly assembly)
    {
        if (!_selected.TryAdd(type, assembly))
        {
            return;
        }

        foreach (var nested in type.GetTypeMembers().Where(ApiNames.IsVisible))
        {
            Select(nested, assembly);
        }
    }

    private static IEnumerable<ISymbol> Members(INamedTypeSymbol type)
    {
        if (type.TypeKind == TypeKind.Delegate)
        {
            yield break;
        }

        foreach (var member in type.GetMembers())
        {
            var visible = ApiNames.IsVisible(member) || (type.TypeKind == TypeKind.Interface && member.DeclaredAccessibility == Microsoft.CodeAnalysis.Accessibility.Public);
            if (!visible)
            {
                continue;
            }

            switch (member)
            {
                case IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.UserDefinedOperator or MethodKind.Conversion }:
                case IMethodSymbol { MethodKind: MethodKind.Constructor } when type.TypeKind == TypeKind.Class || (type.TypeKind == TypeKind.Struct && !member.IsImplicitlyDeclared):
                case IPropertySymbol:
                case IEventSymbol:
                case IFieldSymbol { IsImplicitlyDeclared: false }:
                    yield return member;
                    break;
                case IMethodSymbol { MethodKind: MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove or MethodKind.StaticConstructor or MethodKind.Constructor }:
                case INamedTypeSymbol:
                    break;
                default:
                    throw new GeneratorException($"{ApiNames.Definition(type)}: a kind of member the generator does not handle yet: {member.ToDisplayString()}");
            }
        }
    }

    private IEnumerable<string> UnknownTypes(ISymbol member)
    {
        IEnumerable<ITypeSymbol> types = member switch
        {
            IMethodSymbol method => [method.ReturnType, .. method.Parameters.Select(p => p.Type)],
            IPropertySymbol property => [property.Type, .. property.Parameters.Select(p => p.Type)],
            IEventSymbol @event => [@event.Type],
            IFieldSymbol field => [field.Type],
            _ => [],
        };
        return types.SelectMany(Unknown).Distinct(StringComparer.Ordinal);
    }

    private IEnumerable<string> Unknown(ITypeSymbol type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return Unknown(array.ElementType);
            case IPointerTypeSymbol pointer:
                return Unknown(pointer.PointedAtType);
            case ITypeParameterSymbol:
                return [];
            case INamedTypeSymbol { TypeKind: TypeKind.Error } error:
                return [error.ToDisplayString()];
            case INamedTypeSymbol named:
                var own = IsKnownDefinition(named.OriginalDefinition) ? [] : new[] { ApiNames.Definition(named.OriginalDefinition) };
                return own.Concat(named.TypeArguments.SelectMany(Unknown));
            default:
                return [type.ToDisplayString()];
        }
    }

    /// <summary>Known: a type of this facade set, or one of .NET's (not declared in the host's sources).</summary>
    private bool IsKnownDefinition(INamedTypeSymbol type) =>
        _selected.ContainsKey(type) || !SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, _compilation.Assembly);

    private bool OverridesWhatIsLeftOut(ISymbol member)
    {
        ISymbol? overridden = member switch
        {
            IMethodSymbol method => method.OverriddenMethod,
            IPropertySymbol property => property.OverriddenProperty,
            IEventSymbol @event => @event.OverriddenEvent,
            _ => null,
        };
        return overridden is not null && !IsKnownDefinition(overridden.ContainingType.OriginalDefinition);
    }

    private string TypeDeclaration(INamedTypeSymbol type, FacadeAssembly assembly)
    {
        var text = new StringBuilder();
        AppendAttributes(text, type.GetAttributes());
        text.Append(AccessibilityText(type));
        if (type.TypeKind == TypeKind.Delegate)
        {
            var invoke = type.DelegateInvokeMethod!;
            text.Append("delegate ").Append(Type(invoke.ReturnType)).Append(' ').Append(type.Name);
            AppendTypeParameters(text, type.TypeParameters);
            text.Append('(');
            AppendParameters(text, invoke.Parameters);
            return text.Append(')').ToString();
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return text.Append("enum ").Append(type.Name).Append(" : ").Append(Type(type.EnumUnderlyingType!)).ToString();
        }

        if (type.TypeKind == TypeKind.Class)
        {
            text.Append(type.IsStatic ? "static " : type.IsAbstract ? "abstract " : type.IsSealed ? "sealed " : "");
        }

        text.Append(type.TypeKind switch { TypeKind.Interface => "interface ", TypeKind.Struct => "struct ", _ => "class " }).Append(type.Name);
        AppendTypeParameters(text, type.TypeParameters);
        var bases = new List<string>();
        var baseType = type.BaseType;
        while (baseType is not null && assembly.TrimToSelection && !IsKnownDefinition(baseType.OriginalDefinition))
        {
            baseType = baseType.BaseType;
        }

        if (baseType is not null && type.TypeKind == TypeKind.Class && baseType.SpecialType != SpecialType.System_Object)
        {
            bases.Add(Type(baseType));
        }

        bases.AddRange(type.Interfaces
            .Where(i => !assembly.TrimToSelection || _selected.ContainsKey(i.OriginalDefinition))
            .Select(Type)
            .Order(StringComparer.Ordinal));
        if (bases.Count > 0)
        {
            text.Append(" : ").AppendJoin(", ", bases);
        }

        AppendConstraints(text, type.TypeParameters);
        return text.ToString();
    }

    private static string MemberDeclaration(ISymbol member)
    {
        var text = new StringBuilder();
        AppendAttributes(text, member.GetAttributes());
        var inInterface = member.ContainingType.TypeKind == TypeKind.Interface;
        if (member is IFieldSymbol { ContainingType.TypeKind: TypeKind.Enum } enumMember)
        {
            return text.Append(enumMember.Name).Append(" = ").Append(ApiNames.Literal(enumMember.ConstantValue)).ToString();
        }

        if (!inInterface)
        {
            text.Append(AccessibilityText(member)).Append(Modifiers(member));
        }

        switch (member)
        {
            case IMethodSymbol { MethodKind: MethodKind.Constructor } constructor:
                text.Append(constructor.ContainingType.Name).Append('(');
                AppendParameters(text, constructor.Parameters);
                return text.Append(')').ToString();
            case IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator } op:
                text.Append(Type(op.ReturnType)).Append(" operator ").Append(SyntaxFacts.GetText(SyntaxFacts.GetOperatorKind(op.MetadataName))).Append('(');
                AppendParameters(text, op.Parameters);
                return text.Append(')').ToString();
            case IMethodSymbol { MethodKind: MethodKind.Conversion } conversion:
                text.Append(conversion.Name == "op_Implicit" ? "implicit" : "explicit").Append(" operator ").Append(Type(conversion.ReturnType)).Append('(');
                AppendParameters(text, conversion.Parameters);
                return text.Append(')').ToString();
            case IMethodSymbol method:
                text.Append(Type(method.ReturnType)).Append(' ').Append(method.Name);
                AppendTypeParameters(text, method.TypeParameters);
                text.Append('(');
                AppendParameters(text, method.Parameters);
                text.Append(')');
                AppendConstraints(text, method.TypeParameters);
                return text.ToString();
            case IPropertySymbol property:
                text.Append(Type(property.Type)).Append(' ');
                if (property.IsIndexer)
                {
                    text.Append("this[");
                    AppendParameters(text, property.Parameters);
                    text.Append(']');
                }
                else
                {
                    text.Append(property.Name);
                }

                text.Append(" {");
                AppendAccessor(text, property, property.GetMethod, "get");
                AppendAccessor(text, property, property.SetMethod, property.SetMethod?.IsInitOnly == true ? "init" : "set");
                return text.Append(" }").ToString();
            case IEventSymbol @event:
                return text.Append("event ").Append(Type(@event.Type)).Append(' ').Append(@event.Name).ToString();
            case IFieldSymbol field:
                text.Append(Type(field.Type)).Append(' ').Append(field.Name);
                if (field.IsConst)
                {
                    text.Append(" = ").Append(ApiNames.Literal(field.ConstantValue));
                }

                return text.ToString();
            default:
                throw new GeneratorException($"a member the generator cannot declare: {member}");
        }
    }

    private static void AppendAccessor(StringBuilder text, IPropertySymbol property, IMethodSymbol? accessor, string keyword)
    {
        if (accessor is null)
        {
            return;
        }

        text.Append(' ');
        if (accessor.DeclaredAccessibility != property.DeclaredAccessibility && property.ContainingType.TypeKind != TypeKind.Interface)
        {
            text.Append(AccessibilityText(accessor));
        }

        text.Append(keyword).Append(';');
    }

    private static string AccessibilityText(ISymbol symbol) => symbol.DeclaredAccessibility switch
    {
        Microsoft.CodeAnalysis.Accessibility.Public => "public ",
        Microsoft.CodeAnalysis.Accessibility.Protected => "protected ",
        Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal => "protected internal ",
        Microsoft.CodeAnalysis.Accessibility.Internal => "internal ",
        Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal => "private protected ",
        _ => "private ",
    };

    private static string Modifiers(ISymbol member)
    {
        var text = new StringBuilder();
        if (member is IFieldSymbol { IsConst: true })
        {
            return "const ";
        }

        if (member.IsStatic)
        {
            text.Append("static ");
        }

        if (member.IsAbstract)
        {
            text.Append("abstract ");
        }
        else if (member.IsOverride)
        {
            text.Append(member.IsSealed ? "sealed override " : "override ");
        }
        else if (member.IsVirtual)
        {
            text.Append("virtual ");
        }

        if (member is IFieldSymbol { IsReadOnly: true })
        {
            text.Append("readonly ");
        }

        return text.ToString();
    }

    private static string Type(ITypeSymbol type) => type.ToDisplayString(TypeFormat);

    private static void AppendTypeParameters(StringBuilder text, IReadOnlyList<ITypeParameterSymbol> parameters)
    {
        if (parameters.Count > 0)
        {
            text.Append('<').AppendJoin(", ", parameters.Select(p => (p.Variance switch { VarianceKind.In => "in ", VarianceKind.Out => "out ", _ => "" }) + p.Name)).Append('>');
        }
    }

    private static void AppendConstraints(StringBuilder text, IReadOnlyList<ITypeParameterSymbol> parameters)
    {
        foreach (var parameter in parameters)
        {
            var constraints = new List<string>();
            if (parameter.HasReferenceTypeConstraint)
            {
                constraints.Add("class");
            }

            if (parameter.HasValueTypeConstraint)
            {
                constraints.Add("struct");
            }

            constraints.AddRange(parameter.ConstraintTypes.Select(Type));
            if (parameter.HasConstructorConstraint)
            {
                constraints.Add("new()");
            }

            if (constraints.Count > 0)
            {
                text.Append(" where ").Append(parameter.Name).Append(" : ").AppendJoin(", ", constraints);
            }
        }
    }

    private static void AppendParameters(StringBuilder text, IReadOnlyList<IParameterSymbol> parameters)
    {
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            if (i > 0)
            {
                text.Append(", ");
            }

            AppendAttributes(text, parameter.GetAttributes());
            text.Append(parameter.RefKind switch { RefKind.Ref => "ref ", RefKind.Out => "out ", RefKind.In => "in ", _ => "" });
            if (parameter.IsParams)
            {
                text.Append("params ");
            }

            if (parameter.IsThis)
            {
                text.Append("this ");
            }

            text.Append(Type(parameter.Type)).Append(' ').Append(SyntaxFacts.GetKeywordKind(parameter.Name) == SyntaxKind.None ? parameter.Name : "@" + parameter.Name);
            if (parameter.HasExplicitDefaultValue)
            {
                text.Append(" = ").Append(DefaultValue(parameter));
            }
        }
    }

    private static string DefaultValue(IParameterSymbol parameter) => parameter.ExplicitDefaultValue switch
    {
        null when parameter.Type.IsValueType => "default",
        not null when parameter.Type.TypeKind == TypeKind.Enum => $"({Type(parameter.Type)}){ApiNames.Literal(parameter.ExplicitDefaultValue)}",
        var value => ApiNames.Literal(value),
    };

    private static void AppendAttributes(StringBuilder text, IEnumerable<AttributeData> attributes)
    {
        foreach (var attribute in attributes)
        {
            var name = attribute.AttributeClass is { } type ? ApiNames.Definition(type) : "";
            if (!KeptAttributes.Contains(name))
            {
                continue;
            }

            text.Append("[global::").Append(name[..^"Attribute".Length]);
            if (attribute.ConstructorArguments.Length > 0)
            {
                text.Append('(').AppendJoin(", ", attribute.ConstructorArguments.Select(argument => argument.ToCSharpString())).Append(')');
            }

            text.Append("] ");
        }
    }
}
