using System.Reflection;
using Microsoft.PowerToys.Settings.UI.Library;
using Wox.Plugin;

namespace PowerToysRunHost;

/// <summary>One plugin loaded and driven as PowerToys Run drives it: Init, settings, queries, context menus, actions, Dispose.</summary>
internal sealed class HostSession : IDisposable
{
    private HostSession(LoadedPlugin loaded) => Loaded = loaded;

    public LoadedPlugin Loaded { get; }

    public HostApi Api { get; } = new();

    public IPlugin Plugin => Loaded.Plugin;

    public static HostSession Load(string pluginDirectory) => new(PluginLoader.Load(pluginDirectory));

    /// <summary>As PluginPair.InitializePlugin: the plugin's metadata and the host's API.</summary>
    public void Init()
    {
        var context = new PluginInitContext { API = Api };
        // PowerToys' setter is internal; its loader sets it.
        typeof(PluginInitContext).GetProperty(nameof(PluginInitContext.CurrentPluginMetadata))!.SetValue(context, Loaded.Metadata);
        Plugin.Init(context);
    }

    /// <summary>
    /// As PluginPair.Update after the settings changed: the plugin's own options with some values changed, then
    /// ReloadData for an initialized plugin.
    /// </summary>
    public void UpdateSettings(IReadOnlyDictionary<string, bool> checkboxes)
    {
        var provider = Plugin as ISettingProvider ?? throw new InvalidOperationException("the plugin has no settings");
        var options = provider.AdditionalOptions.ToList();
        foreach (var option in options)
        {
            if (checkboxes.TryGetValue(option.Key, out var value))
            {
                option.Value = value;
            }
        }

        var missing = checkboxes.Keys.Where(key => !options.Any(option => option.Key == key)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"the plugin has no option {string.Join(", ", missing)}");
        }

        provider.UpdateSettings(new PowerLauncherPluginSettings
        {
            Id = Loaded.Metadata.ID,
            Name = Loaded.Metadata.Name,
            Author = Loaded.Metadata.Author,
            Version = Loaded.Metadata.Version,
            ActionKeyword = Loaded.Metadata.ActionKeyword,
            IsGlobal = Loaded.Metadata.IsGlobal,
            IconPathDark = Loaded.Metadata.IcoPathDark,
            IconPathLight = Loaded.Metadata.IcoPathLight,
            AdditionalOptions = options,
        });
        (Plugin as IReloadable)?.ReloadData();
    }

    /// <summary>What PowerToys Run shows for <paramref name="text"/> (typed after the action keyword) at once, or after the pause in typing.</summary>
    public List<Result> Query(string text, bool delayed)
    {
        var query = new Query(Loaded.Metadata.ActionKeyword + " " + text, Loaded.Metadata.ActionKeyword);
        return delayed
            ? ((IDelayedExecutionPlugin)Plugin).Query(query, delayedExecution: true) ?? []
            : Plugin.Query(query) ?? [];
    }

    public List<ContextMenuResult> ContextMenu(Result result) => ((IContextMenu)Plugin).LoadContextMenus(result) ?? [];

    /// <summary>Enter on a result: its Action, with no modifier held. True: PowerToys Run hides.</summary>
    public static bool Press(Func<ActionContext, bool> action) => action(new ActionContext { SpecialKeyState = new SpecialKeyState() });

    /// <summary>The version of Wox.Plugin the plugin was built against, and the host's: a newer one than the host's does not load.</summary>
    public (Version Referenced, Version Host) WoxPluginVersions() =>
        (Loaded.Assembly.GetReferencedAssemblies().Single(name => name.Name == "Wox.Plugin").Version!, typeof(IPlugin).Assembly.GetName().Version!);

    public void Dispose() => (Plugin as IDisposable)?.Dispose();
}
