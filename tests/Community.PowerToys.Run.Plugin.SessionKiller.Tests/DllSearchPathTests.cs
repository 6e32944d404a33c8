using System.Reflection;
using System.Runtime.InteropServices;
using SessionKiller.Wts;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Tests;

/// <summary>
/// The plugin's folder, and the folder of the helper it elevates, are the user's to write: a user32.dll,
/// kernel32.dll or wtsapi32.dll planted there must not be loaded. Every native import searches System32 only.
/// </summary>
public sealed class DllSearchPathTests
{
    public static TheoryData<string> Assemblies => [typeof(Main).Assembly.GetName().Name!, typeof(WtsSessionBackend).Assembly.GetName().Name!];

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Every_native_import_searches_only_system32(string assemblyName)
    {
        var imports = Assembly.Load(assemblyName).GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(method => method.Attributes.HasFlag(MethodAttributes.PinvokeImpl))
            .ToList();

        Assert.NotEmpty(imports);
        Assert.All(imports, method => Assert.True(
            method.GetCustomAttribute<DefaultDllImportSearchPathsAttribute>()?.Paths == DllImportSearchPath.System32,
            $"{method.DeclaringType}.{method.Name} may load its DLL from outside System32"));
    }
}
