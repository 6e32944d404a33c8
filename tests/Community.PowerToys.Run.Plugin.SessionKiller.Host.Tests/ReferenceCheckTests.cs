using Community.PowerToys.Run.Plugin.SessionKiller.Host.Tests.Support;
using FacadeGenerator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Host.Tests;

/// <summary>The plugin DLL, as built and zipped, references nothing PowerToys lacks (read from its metadata).</summary>
public sealed class ReferenceCheckTests
{
    private static readonly FacadeManifest Manifest = FacadeManifest.Load(Path.Combine(Release.RepositoryRoot, "facades", "PowerToys", "facades.json"));

    [Fact]
    public async Task The_released_plugin_DLL_references_only_what_PowerToys_has_and_implements_every_member_of_its_interfaces()
    {
        var folder = await Release.UnzipAsync(Temporary());

        var report = ReferenceCheck.Check(Manifest, Path.Combine(folder, "Community.PowerToys.Run.Plugin.SessionKiller.dll"));

        Assert.Empty(report.Problems);
        Assert.True(report.HostTypeReferences >= 15, $"{report.HostTypeReferences} type references");
        Assert.True(report.HostMemberReferences >= 30, $"{report.HostMemberReferences} member references");
        Assert.Equal(
            ["IContextMenu", "IDelayedExecutionPlugin", "IPlugin", "IPluginI18n", "IReloadable", "ISettingProvider"],
            report.HostInterfaces.Select(line => line.Split(": Wox.Plugin.")[1]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_plugin_built_against_a_Wox_Plugin_with_IFeatures_is_caught()
    {
        var report = CheckPlugin(
            "namespace Wox.Plugin { public interface IFeatures { } public interface IReloadable : IFeatures { void ReloadData(); } }",
            "public sealed class Main : Wox.Plugin.IReloadable { public void ReloadData() { } }");

        Assert.Contains(report.Problems, problem => problem.Contains("no type Wox.Plugin.IFeatures", StringComparison.Ordinal));
    }

    [Fact]
    public void A_setter_PowerToys_keeps_private_is_caught()
    {
        var report = CheckPlugin(
            "namespace Wox.Plugin { public class Result { } public class ResultUpdatedEventArgs : System.EventArgs { public System.Collections.Generic.List<Result> Results { get; set; } } }",
            "public static class Use { public static void Run() => new Wox.Plugin.ResultUpdatedEventArgs().Results = null; }");

        Assert.Contains(report.Problems, problem => problem.Contains("set_Results", StringComparison.Ordinal));
        Assert.Contains(report.Problems, problem => problem.Contains("M:Wox.Plugin.ResultUpdatedEventArgs.#ctor : System.Void is referenced", StringComparison.Ordinal));
    }

    [Fact]
    public void An_interface_member_the_plugin_does_not_implement_is_caught()
    {
        var report = CheckPlugin(
            "namespace Wox.Plugin { public interface IPluginI18n { string GetTranslatedPluginTitle(); } }",
            "public sealed class Main : Wox.Plugin.IPluginI18n { public string GetTranslatedPluginTitle() => \"\"; }");

        Assert.Equal(["Main implements Wox.Plugin.IPluginI18n but not its member GetTranslatedPluginDescription : System.String"], report.Problems);
    }

    [Fact]
    public void A_method_with_another_signature_is_caught()
    {
        var report = CheckPlugin(
            "namespace Wox.Plugin { public interface IPublicAPI { void ShowMsg(string title, string subTitle); } }",
            "public static class Use { public static void Run(Wox.Plugin.IPublicAPI api) => api.ShowMsg(\"a\", \"b\"); }");

        Assert.Contains(report.Problems, problem => problem.Contains("ShowMsg(System.String,System.String) : System.Void is referenced, but the listing has no such member", StringComparison.Ordinal));
    }

    [Fact]
    public void An_assembly_that_is_neither_the_hosts_nor_NETs_nor_shipped_is_caught()
    {
        var report = CheckPlugin(
            "namespace Wox.Infrastructure { public static class Helper { public static void Run() { } } }",
            "public static class Use { public static void Run() => Wox.Infrastructure.Helper.Run(); }",
            hostAssembly: "Wox.Infrastructure",
            shipHost: false);

        Assert.Contains(report.Problems, problem => problem.Contains("the assembly Wox.Infrastructure", StringComparison.Ordinal));
    }

    /// <summary>Compiles a stand-in host assembly and a plugin against it, then checks the plugin against the real listings.</summary>
    private static ReferenceReport CheckPlugin(string hostSource, string pluginSource, string hostAssembly = "Wox.Plugin", bool shipHost = true)
    {
        var folder = Temporary();
        var host = Compile(Path.Combine(shipHost ? folder : Temporary(), hostAssembly + ".dll"), hostSource);
        var plugin = Compile(Path.Combine(folder, "Plugin.dll"), pluginSource, host);
        return ReferenceCheck.Check(Manifest, plugin);
    }

    private static string Compile(string path, string source, params string[] references)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var compilation = CSharpCompilation.Create(
            Path.GetFileNameWithoutExtension(path),
            [CSharpSyntaxTree.ParseText(source)],
            [.. SurfaceExtractor.FrameworkReferences(), .. references.Select(reference => MetadataReference.CreateFromFile(reference))],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var result = compilation.Emit(path);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return path;
    }

    private static string Temporary() => Path.Combine(Path.GetTempPath(), "reference-check-" + Guid.NewGuid().ToString("N")[..12]);
}
