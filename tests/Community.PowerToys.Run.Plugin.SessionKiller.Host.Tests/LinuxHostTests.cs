using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using Community.PowerToys.Run.Plugin.SessionKiller.Host.Tests.Support;
using PowerToysRunHost;
using SessionKiller.Wts.Tests.Wine;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Host.Tests;

/// <summary>The unzipped x64 release, loaded in this process as PowerToys Run loads it; the facades are the host's assemblies.</summary>
public sealed class LinuxHostTests
{
    private static readonly string[] OurAssemblies = ["Community.PowerToys.Run.Plugin.SessionKiller", "SessionKiller.Core", "SessionKiller.Wts"];

    [Fact]
    public async Task The_zip_carries_a_deps_json_that_lists_our_assemblies_and_nothing_of_PowerToys()
    {
        var folder = await Release.UnzipAsync(Temporary());

        using var deps = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "Community.PowerToys.Run.Plugin.SessionKiller.deps.json")));
        var libraries = deps.RootElement.GetProperty("libraries").EnumerateObject().Select(library => library.Name.Split('/')[0]).Order(StringComparer.Ordinal);

        Assert.Equal(OurAssemblies, libraries);
        Assert.DoesNotContain(
            Directory.EnumerateFiles(folder, "*.dll", SearchOption.AllDirectories).Select(Path.GetFileName),
            name => name!.StartsWith("Wox.", StringComparison.Ordinal) || name.StartsWith("PowerToys.", StringComparison.Ordinal) || name is "WindowsBase.dll" or "PresentationCore.dll" or "PresentationFramework.dll");
    }

    [Fact]
    public async Task Plugin_json_passes_the_loaders_checks_and_asks_for_the_plugins_own_load_context()
    {
        var folder = await Release.UnzipAsync(Temporary());

        var metadata = PluginLoader.ReadMetadata(folder);

        Assert.True(metadata.DynamicLoading);
        Assert.Equal(Path.Combine(folder, "Community.PowerToys.Run.Plugin.SessionKiller.dll"), metadata.ExecuteFilePath);
        Assert.Equal("logoff", metadata.ActionKeyword);
    }

    [Fact]
    public async Task The_plugin_references_Wox_Plugin_0_0_0_0_so_that_no_PowerToys_version_refuses_it()
    {
        using var session = HostSession.Load(await Release.UnzipAsync(Temporary()));

        var (referenced, host) = session.WoxPluginVersions();

        Assert.Equal(new Version(0, 0, 0, 0), referenced);
        Assert.True(referenced <= host);
    }

    [Fact]
    public async Task Loaded_as_PowerToys_loads_it_the_plugin_answers_and_says_this_system_has_no_WTS_API()
    {
        var folder = await Release.UnzipAsync(Temporary());
        using var session = HostSession.Load(folder);
        Assert.NotSame(AssemblyLoadContext.Default, session.Loaded.LoadContext);
        Assert.Equal(
            OurAssemblies.Where(name => name != OurAssemblies[0]).Select(name => Path.Combine(folder, name + ".dll")),
            session.Loaded.LoadContext.Assemblies.Where(assembly => assembly.GetName().Name!.StartsWith("SessionKiller.", StringComparison.Ordinal)).Select(assembly => assembly.Location).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(session.Loaded.LoadContext.Assemblies, assembly => assembly.GetName().Name == "Wox.Plugin");

        session.Init();
        session.UpdateSettings(new Dictionary<string, bool> { ["ConfirmBeforeLogoff"] = false });
        var first = session.Query("", delayed: false);
        var delayed = session.Query("bob", delayed: true);

        Assert.NotEmpty(first);
        var notSupported = Assert.Single(delayed);
        Assert.Contains("not supported", notSupported.Title, StringComparison.Ordinal);
        Assert.Contains("wtsapi32", notSupported.SubTitle, StringComparison.Ordinal);
        Assert.Empty(session.ContextMenu(notSupported));
        Assert.False(HostSession.Press(notSupported.Action));
        session.Dispose();
    }

    [Fact]
    public async Task Without_DynamicLoading_PowerToys_would_not_find_SessionKiller_Core()
    {
        var folder = await Release.UnzipAsync(Temporary());
        var manifest = Path.Combine(folder, "plugin.json");
        await File.WriteAllTextAsync(manifest, (await File.ReadAllTextAsync(manifest)).Replace("\"DynamicLoading\": true", "\"DynamicLoading\": false", StringComparison.Ordinal));

        // In a process of its own: loading into the default context cannot be undone.
        var run = await ProcessRunner.RunAsync(
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "PowerToysRunHost.dll"), folder, "init"],
            new Dictionary<string, string?> { ["DOTNET_ROLL_FORWARD"] = "Major" },
            TimeSpan.FromMinutes(1));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Could not load file or assembly 'SessionKiller.Core", run.StandardOutput.Replace("\\u0027", "'", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plugin_json_whose_ID_is_not_Mains_PluginID_is_refused()
    {
        var folder = await Release.UnzipAsync(Temporary());
        var manifest = Path.Combine(folder, "plugin.json");
        await File.WriteAllTextAsync(manifest, (await File.ReadAllTextAsync(manifest)).Replace("8973930548F2496697A6A98D9ED8FC56", "00000000000000000000000000000000", StringComparison.Ordinal));

        var problem = Assert.Throws<PluginLoadException>(() => PluginLoader.Load(folder));

        Assert.Contains("is not plugin.json's ID", problem.Message, StringComparison.Ordinal);
    }

    private static string Temporary() => Path.Combine(Path.GetTempPath(), "linux-host-" + Guid.NewGuid().ToString("N")[..12]);
}
