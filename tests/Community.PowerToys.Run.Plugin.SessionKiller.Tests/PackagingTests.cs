using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Community.PowerToys.Run.Plugin.SessionKiller.Properties;
using Wox.Plugin;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Tests;

/// <summary>What PowerToys checks when it loads the plugin, and what the package must carry.</summary>
public sealed partial class PackagingTests
{
    private static readonly JsonElement PluginJson =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "plugin.json"))).RootElement;

    [Fact]
    public void PluginID_is_plugin_jsons_ID_32_hex_digits()
    {
        Assert.Equal(PluginJson.GetProperty("ID").GetString(), Main.PluginID);
        Assert.Matches("^[0-9A-F]{32}$", Main.PluginID);
    }

    [Fact]
    public void PluginID_is_a_public_static_property_as_PowerToys_reads_it()
    {
        var property = typeof(Main).GetProperty("PluginID", BindingFlags.Public | BindingFlags.Static);

        Assert.NotNull(property);
        Assert.Equal(typeof(string), property.PropertyType);
    }

    [Theory]
    [InlineData("ActionKeyword", "logoff")]
    [InlineData("Name", "SessionKiller")]
    [InlineData("Language", "csharp")]
    [InlineData("ExecuteFileName", "Community.PowerToys.Run.Plugin.SessionKiller.dll")]
    [InlineData("Website", "https://github.com/sessionkiller/PowerToys-Run-SessionKiller")]
    public void Plugin_json_says_what_PowerToys_needs(string field, string expected) =>
        Assert.Equal(expected, PluginJson.GetProperty(field).GetString());

    [Fact]
    public void Plugin_json_points_at_files_that_are_in_the_output()
    {
        foreach (var field in new[] { "ExecuteFileName", "IcoPathDark", "IcoPathLight" })
        {
            var relative = PluginJson.GetProperty(field).GetString()!.Replace('\\', Path.DirectorySeparatorChar);
            Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, relative)), $"{field}: {relative}");
        }

        Assert.False(PluginJson.GetProperty("IsGlobal").GetBoolean());
    }

    [Fact]
    public void Plugin_json_Version_is_the_assemblys()
    {
        var version = typeof(Main).Assembly.GetName().Version!;

        Assert.Equal($"{version.Major}.{version.Minor}.{version.Build}", PluginJson.GetProperty("Version").GetString());
    }

    [Fact]
    public void Main_is_the_one_plugin_class_with_every_interface_and_a_public_parameterless_constructor()
    {
        var plugins = typeof(Main).Assembly.GetTypes().Where(type => typeof(IPlugin).IsAssignableFrom(type) && !type.IsAbstract).ToList();

        Assert.Equal([typeof(Main)], plugins);
        Assert.NotNull(typeof(Main).GetConstructor(Type.EmptyTypes));
        foreach (var feature in new[] { typeof(IDelayedExecutionPlugin), typeof(IContextMenu), typeof(IPluginI18n), typeof(ISettingProvider), typeof(IReloadable), typeof(IDisposable) })
        {
            Assert.True(feature.IsAssignableFrom(typeof(Main)), feature.Name);
        }
    }

    [Fact]
    public void The_German_satellite_assembly_ships_beside_the_plugin() =>
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "de", "Community.PowerToys.Run.Plugin.SessionKiller.resources.dll")));

    [Fact]
    public void Every_text_has_a_German_translation_with_the_same_placeholders()
    {
        var english = Texts(CultureInfo.InvariantCulture);
        var german = Texts(new CultureInfo("de"));

        Assert.Equal(english.Keys.Order(), german.Keys.Order());
        foreach (var (key, text) in english)
        {
            Assert.True(Placeholders(text).SetEquals(Placeholders(german[key])), key);
            Assert.NotEqual(string.Empty, german[key]);
        }
    }

    [Fact]
    public void Titles_that_highlights_index_start_with_the_user_name() =>
        Assert.StartsWith("{0}", Resources.ResourceManager.GetString("Title_You", new CultureInfo("de")), StringComparison.Ordinal);

    private static Dictionary<string, string> Texts(CultureInfo culture)
    {
        var set = Resources.ResourceManager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!;
        return set.Cast<DictionaryEntry>().ToDictionary(entry => (string)entry.Key, entry => (string)entry.Value!);
    }

    private static HashSet<string> Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(match => match.Value)];

    [GeneratedRegex(@"\{(\d+|user|admin|seconds)\}")]
    private static partial Regex PlaceholderPattern();
}
