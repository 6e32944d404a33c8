using Community.PowerToys.Run.Plugin.SessionKiller.Results;
using Community.PowerToys.Run.Plugin.SessionKiller.Settings;
using Microsoft.CommandPalette.Extensions;
using Microsoft.CommandPalette.Extensions.Toolkit;
using SessionKiller.CommandPalette.Actions;
using SessionKiller.CommandPalette.Pages;
using SessionKiller.CommandPalette.Properties;
using SessionKiller.CommandPalette.Settings;
using SessionKiller.Core.Catalog;
using static SessionKiller.CommandPalette.ExtensionWall;

namespace SessionKiller.CommandPalette;

/// <summary>The extension's commands: one top-level command, "Sign users out", opening the sessions page; and its settings.</summary>
internal sealed partial class SessionKillerCommandsProvider : CommandProvider
{
    private readonly ExtensionSettingsManager settingsManager;
    private readonly SessionsPage page;
    private readonly CommandItem command;
    private PluginSettings settings;

    public SessionKillerCommandsProvider(ExtensionServices services)
    {
        Id = "SessionKiller";
        DisplayName = Resources.Provider_DisplayName;
        Icon = new IconInfo("\uF3B1");

        settingsManager = new ExtensionSettingsManager(services.SettingsPath);
        Wall.Run(() =>
        {
            Directory.CreateDirectory(Path.GetDirectoryName(services.SettingsPath)!);
            settingsManager.LoadSettings();
        });
        settings = settingsManager.Read();
        settingsManager.Settings.SettingsChanged += (_, _) => Wall.Run(ApplySettings, nameof(ApplySettings));
        Settings = settingsManager.Settings;

        Catalog = new SessionCatalog(services.Backend, services.Time);
        Catalog.Configure(settings.Core);
        var text = new SessionText(services.Time);
        var flow = new ActionFlow(services, () => settings, server => Catalog.RefreshServerAsync(server));
        page = new SessionsPage(Catalog, () => settings, text, new SessionItems(text, flow, server => Catalog.RefreshServerAsync(server)), services.Time);
        command = new CommandItem(page) { Title = Resources.Command_Title, Subtitle = Resources.Command_Subtitle, Icon = Icon };

        // The first read starts on a pool thread: CmdPal never waits on a server.
        Wall.Run(Catalog.Start);
    }

    internal SessionCatalog Catalog { get; }

    internal PluginSettings CurrentSettings => settings;

    internal ExtensionSettingsManager SettingsManager => settingsManager;

    public override ICommandItem[] TopLevelCommands() => Wall.Run(() => new ICommandItem[] { command }, () => []);

    public override ICommand? GetCommand(string id) => Wall.Run(() => id == SessionsPage.CommandId ? page : null, () => null);

    /// <summary>CmdPal's settings page was submitted: save, then apply at once (servers read, next search uses the options).</summary>
    internal void ApplySettings()
    {
        settingsManager.SaveSettings();
        settings = settingsManager.Read();
        Catalog.Configure(settings.Core);
    }

    internal void Shutdown() => Wall.Run(Catalog.Dispose);
}
