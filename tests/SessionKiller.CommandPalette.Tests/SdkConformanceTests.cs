using System.Reflection;
using System.Runtime.InteropServices;
using System.Xml.Linq;
using SessionKiller.CommandPalette.Tests.Support;

namespace SessionKiller.CommandPalette.Tests;

/// <summary>The extension against the real SDK's listing and the package manifest against the extension.</summary>
public sealed class SdkConformanceTests
{
    private static readonly string ExtensionPath = typeof(SessionKillerExtension).Assembly.Location;
    private static readonly string ListingPath = Path.Combine(AppContext.BaseDirectory, "api-listing.txt");

    [Fact]
    public void Every_SDK_type_and_member_the_built_extension_uses_is_in_the_listing_of_the_real_SDK()
    {
        var listing = ListingCheck.ReadListing(ListingPath);

        var missing = ListingCheck.Missing(ExtensionPath, listing);

        Assert.True(missing.Count == 0, "Not in the real SDK: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_check_finds_what_the_extension_uses_and_would_flag_a_member_the_SDK_lacks()
    {
        var used = ListingCheck.References(ExtensionPath);
        Assert.Contains("M:Microsoft.CommandPalette.Extensions.Toolkit.CommandResult.Confirm(1)", used);
        Assert.Contains("M:Microsoft.CommandPalette.Extensions.Toolkit.ListPage.RaiseItemsChanged(1)", used);
        Assert.Contains("T:Microsoft.CommandPalette.Extensions.IExtension", used);
        Assert.Contains("C:Microsoft.CommandPalette.Extensions.Toolkit.ChoiceSetSetting+Choice.#ctor(2)", used);

        var withoutConfirm = ListingCheck.ReadListing(ListingPath).Where(entry => !entry.Contains("CommandResult.Confirm", StringComparison.Ordinal)).ToHashSet();

        Assert.Equal(["M:Microsoft.CommandPalette.Extensions.Toolkit.CommandResult.Confirm(1)"], ListingCheck.Missing(ExtensionPath, withoutConfirm));
    }

    [Fact]
    public void The_listing_holds_the_IDL_projection_48_interfaces_5_enums_3_structs()
    {
        var header = string.Join("\n", File.ReadLines(ListingPath).TakeWhile(line => line.StartsWith('#')));

        Assert.Contains("(48 interfaces, 5 enums, 3 structs)", header);
        Assert.Contains("cb88704567ed1604e02a61c160e921de9f88644b", header);
    }

    [Fact]
    public void The_manifest_names_the_extensions_class_id_three_times_and_starts_it_as_a_COM_server()
    {
        var manifest = XDocument.Load(Path.Combine(AppContext.BaseDirectory, "Package.appxmanifest"));
        XNamespace com = "http://schemas.microsoft.com/appx/manifest/com/windows10";
        XNamespace uap3 = "http://schemas.microsoft.com/appx/manifest/uap/windows10/3";
        var classId = typeof(SessionKillerExtension).GetCustomAttribute<GuidAttribute>()!.Value;

        var server = Assert.Single(manifest.Descendants(com + "ExeServer"));
        var comClass = Assert.Single(server.Elements(com + "Class")).Attribute("Id")!.Value;
        var appExtension = Assert.Single(manifest.Descendants(uap3 + "AppExtension"));
        var createInstance = Assert.Single(appExtension.Descendants(), element => element.Name.LocalName == "CreateInstance").Attribute("ClassId")!.Value;

        Assert.Equal(SessionKillerExtension.ClassId, classId);
        Assert.Equal(classId, comClass, ignoreCase: true);
        Assert.Equal(classId, createInstance, ignoreCase: true);
        Assert.Equal("com.microsoft.commandpalette", appExtension.Attribute("Name")!.Value);
        Assert.Single(appExtension.Descendants(), element => element.Name.LocalName == "Commands");
        Assert.Equal(Program.ComServerArgument, server.Attribute("Arguments")!.Value);
        Assert.Equal("SessionKiller.CommandPalette.exe", server.Attribute("Executable")!.Value);
        Assert.True(typeof(SessionKillerExtension).GetCustomAttribute<ComVisibleAttribute>()!.Value);
    }
}
