using Community.PowerToys.Run.Plugin.SessionKiller.Host.Tests.Support;
using FacadeGenerator;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Host.Tests;

/// <summary>The facades the plugin builds against are the generator's output from a named PowerToys commit.</summary>
public sealed class FacadeTests
{
    private static readonly string ManifestPath = Path.Combine(Release.RepositoryRoot, "facades", "PowerToys", "facades.json");

    [Fact]
    public void Checked_in_stubs_are_what_the_generator_emits_from_the_checked_in_listings() =>
        Assert.Empty(Commands.Stale(FacadeManifest.Load(ManifestPath)));

    [Fact]
    public void A_stub_edited_by_hand_is_reported()
    {
        var copy = CopyOfFacades();
        var stub = Path.Combine(copy, "Wox.Plugin", "Wox.Plugin.g.cs");
        File.WriteAllText(stub, File.ReadAllText(stub).Replace("public partial interface IContextMenu", "public partial interface IContextMenu : Wox.Plugin.IFeatures", StringComparison.Ordinal));

        Assert.Equal([stub], Commands.Stale(FacadeManifest.Load(Path.Combine(copy, "facades.json"))));
    }

    [Fact]
    public void Every_listing_names_the_commit_the_manifest_reads_and_its_files()
    {
        var manifest = FacadeManifest.Load(ManifestPath);
        foreach (var assembly in manifest.Assemblies)
        {
            var listing = ApiListing.Read(assembly.Name, manifest.ListingPath(assembly));
            var source = manifest.Sources[assembly.Source];

            Assert.Equal($"{source.Repository}@{source.Commit}", listing.Source);
            Assert.Contains(listing.Header, line => line.StartsWith("# file: ", StringComparison.Ordinal));
            Assert.NotEmpty(listing.Entries);
        }
    }

    [Theory]
    [InlineData("T:Wox.Plugin.IContextMenu : interface")]
    [InlineData("M:Wox.Plugin.IPlugin.Query(Wox.Plugin.Query) : System.Collections.Generic.List{Wox.Plugin.Result}")]
    [InlineData("P:Wox.Plugin.ResultUpdatedEventArgs.Results : System.Collections.Generic.List{Wox.Plugin.Result} { get; }")]
    [InlineData("F:Microsoft.PowerToys.Settings.UI.Library.PluginAdditionalOption.AdditionalOptionType.CheckboxAndTextbox : Microsoft.PowerToys.Settings.UI.Library.PluginAdditionalOption.AdditionalOptionType static const 12")]
    [InlineData("F:System.Windows.Input.Key.Delete : System.Windows.Input.Key static const 32")]
    [InlineData("T:Common.UI.ThemeChangedHandler : delegate Invoke(ManagedCommon.Theme,ManagedCommon.Theme) : System.Void")]
    public void The_listings_hold_PowerToys_shapes(string signature) =>
        Assert.Contains(AllEntries(), entry => entry.Signature == signature);

    [Theory]
    [InlineData("T:Wox.Plugin.IFeatures")]
    [InlineData("M:Wox.Plugin.Query.#ctor")]
    public void The_listings_lack_what_only_Wox_and_Flow_Launcher_have(string id) =>
        Assert.DoesNotContain(AllEntries(), entry => entry.Id == id);

    [Fact]
    public void The_feature_interfaces_derive_from_nothing_as_in_PowerToys() =>
        Assert.All(
            AllEntries().Where(entry => entry.Signature.EndsWith(" : interface", StringComparison.Ordinal) && entry.Id.StartsWith("T:Wox.Plugin.I", StringComparison.Ordinal)),
            entry => Assert.DoesNotContain(" : ", entry.Declaration, StringComparison.Ordinal));

    private static IEnumerable<ApiEntry> AllEntries()
    {
        var manifest = FacadeManifest.Load(ManifestPath);
        return manifest.Assemblies.SelectMany(assembly => ApiListing.Read(assembly.Name, manifest.ListingPath(assembly)).Entries);
    }

    private static string CopyOfFacades()
    {
        var source = Path.GetDirectoryName(ManifestPath)!;
        var copy = Path.Combine(Path.GetTempPath(), "facades-" + Guid.NewGuid().ToString("N")[..12]);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Where(file => !file.Contains("/bin/", StringComparison.Ordinal) && !file.Contains("/obj/", StringComparison.Ordinal)))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }
}
