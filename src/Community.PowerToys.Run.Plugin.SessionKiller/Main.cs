using System.Windows.Controls;
using Community.PowerToys.Run.Plugin.SessionKiller.Actions;
using Community.PowerToys.Run.Plugin.SessionKiller.Properties;
using Community.PowerToys.Run.Plugin.SessionKiller.Results;
using Community.PowerToys.Run.Plugin.SessionKiller.Settings;
using ManagedCommon;
using Microsoft.PowerToys.Settings.UI.Library;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Bulk;
using SessionKiller.Core.Catalog;
using SessionKiller.Core.Sessions;
using Wox.Plugin;
using static Community.PowerToys.Run.Plugin.SessionKiller.PluginWall;

namespace Community.PowerToys.Run.Plugin.SessionKiller;

/// <summary>The PowerToys Run plugin: maps the host's calls to Core and Core's answers to results.</summary>
public sealed class Main : IPlugin, IDelayedExecutionPlugin, IContextMenu, IPluginI18n, ISettingProvider, IReloadable, IDisposable
{
    private readonly PluginServices services;
    private readonly SessionText text;
    private readonly ResultFactory results;
    private readonly ActionLauncher launcher;
    private readonly BulkResults bulk;
    private PluginSettings settings = PluginSettings.CreateDefault();
    private IPublicAPI? api;
    private string iconPath = ThemeIcons.Dark;
    private bool disposed;

    public Main()
        : this(PluginServices.ForThisComputer())
    {
    }

    internal Main(PluginServices services)
    {
        this.services = services;
        Catalog = new SessionCatalog(services.Backend, services.Time);
        text = new SessionText(services.Time);
        results = new ResultFactory(text, () => iconPath);
        launcher = new ActionLauncher(services, () => settings, server => Catalog.RefreshServerAsync(server), Notify);
        bulk = new BulkResults(services, text, () => iconPath, new BulkLauncher(services, () => settings, server => Catalog.RefreshServerAsync(server), Notify));
    }

    /// <summary>Must equal plugin.json's ID, or PowerToys refuses the plugin.</summary>
    public static string PluginID => "8973930548F2496697A6A98D9ED8FC56";

    public string Name => "SessionKiller";

    public string Description => Resources.Plugin_Description;

    public IEnumerable<PluginAdditionalOption> AdditionalOptions => Wall.Run(() => SettingsMapper.Options(settings), () => []);

    internal SessionCatalog Catalog { get; }

    internal PluginSettings Settings => settings;

    internal string IconPath => iconPath;

    internal ActionLauncher Launcher => launcher;

    public void Init(PluginInitContext context)
    {
        // The first read starts on a pool thread: Init never waits on a server.
        Wall.Run(Catalog.Start);
        Wall.Run(() =>
        {
            api = context?.API;
            if (api is not null)
            {
                api.ThemeChanged += OnThemeChanged;
                iconPath = ThemeIcons.For(api.GetCurrentTheme());
            }
        });
    }

    /// <summary>Reads the catalog's snapshot only: a keystroke never waits on a server (and keeps the catalog refreshing).</summary>
    public List<Result> Query(Query query) =>
        Wall.Run(
            () =>
            {
                var view = Catalog.ForQuery();
                return bulk.AddTo(results.For(query?.Search ?? "", view, settings, Act, Retry), query?.Search ?? "", view.Snapshot);
            },
            () => []);

    /// <summary>After a pause in typing PowerToys replaces the first results with these: the catalog first waits briefly for the reads it needs.</summary>
    public List<Result> Query(Query query, bool delayedExecution) =>
        delayedExecution
            ? Wall.Run(() => results.For(query?.Search ?? "", Catalog.ForDelayedQuery(), settings, Act, Retry), () => [])
            : Query(query);

    public List<ContextMenuResult> LoadContextMenus(Result selectedResult) =>
        Wall.Run(
            () => selectedResult?.ContextData switch
            {
                SessionInfo session => ContextMenuFactory.For(session, Act, Copy),
                BulkSelection selection => bulk.ContextMenu(selection),
                _ => [],
            },
            () => []);

    public string GetTranslatedPluginTitle() => Name;

    public string GetTranslatedPluginDescription() => Description;

    /// <summary>PowerToys shows <see cref="AdditionalOptions"/>; no panel of our own.</summary>
    public Control CreateSettingPanel() => throw new NotImplementedException();

    /// <summary>Applies at once: the catalog reads the new servers, the next query uses the new options.</summary>
    public void UpdateSettings(PowerLauncherPluginSettings settings) => Wall.Run(() =>
    {
        if (settings is null)
        {
            return;
        }

        var read = SettingsMapper.Read(settings.AdditionalOptions);
        this.settings = read;
        Catalog.Configure(read.Core);
    });

    public void ReloadData() => Wall.Run(() => _ = Catalog.RefreshAsync());

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        Wall.Run(() =>
        {
            if (api is not null)
            {
                api.ThemeChanged -= OnThemeChanged;
            }

            Catalog.Dispose();
        });
    }

    private bool Act(SessionAction action, SessionInfo session) => Wall.Run(() => launcher.Launch(action, session), () => false);

    private bool Copy(SessionInfo session) =>
        Wall.Run(() => services.Clipboard.TrySetText(SessionText.DetailsTitle(session) + Environment.NewLine + text.Details(session)), () => false);

    private bool Retry(string serverName)
    {
        Wall.Run(() => _ = Catalog.RefreshServerAsync(serverName));
        return false;
    }

    private void Notify(ActionOutcome outcome) => Wall.Run(() =>
    {
        var (sentence, detail) = OutcomeText.For(outcome);
        api?.ShowNotification(sentence, detail);
    });

    private void Notify(BulkSummary summary) => Wall.Run(() => api?.ShowNotification(BulkText.Summary(summary), BulkText.SummaryDetail(summary)));

    private void OnThemeChanged(Theme oldTheme, Theme newTheme) => iconPath = ThemeIcons.For(newTheme);
}
