using System.Reflection;
using System.Runtime.InteropServices;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Tests;

/// <summary>The plugin's folder is the user's to write: a user32.dll or kernel32.dll planted there must not be loaded.</summary>
public sealed class DllSearchPathTests
{
    [Fact]
    public void Every_native_import_of_the_plugin_searches_only_system32()
    {
        var imports = typeof(Main).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(method => method.Attributes.HasFlag(MethodAttributes.PinvokeImpl))
            .ToList();

        Assert.NotEmpty(imports);
        Assert.All(imports, method => Assert.True(
            method.GetCustomAttribute<DefaultDllImportSearchPathsAttribute>()?.Paths == DllImportSearchPath.System32,
            $"{method.DeclaringType}.{method.Name} may load its DLL from outside System32"));
    }
}
