using Community.PowerToys.Run.Plugin.SessionKiller.Results;
using Community.PowerToys.Run.Plugin.SessionKiller.Settings;
using Microsoft.CommandPalette.Extensions;
using Microsoft.CommandPalette.Extensions.Toolkit;
using SessionKiller.CommandPalette.Properties;
using SessionKiller.Core.Catalog;
using static SessionKiller.CommandPalette.ExtensionWall;

namespace SessionKiller.CommandPalette.Pages;

/// <summary>
/// The list CmdPal shows after "Sign users out": every keystroke runs Core's grammar and ranking over the
/// catalog's snapshot (never waiting on a server) and raises ItemsChanged; a catalog update does the same.
/// </summary>
internal sealed partial class SessionsPage : DynamicListPage
{
    /// <summary>The command's stable id: CmdPal keeps aliases (the README suggests <c>logoff</c>) and hotkeys by it.</summary>
    public const string CommandId = "SessionKiller.SignUsersOut";

    /// <summary>At most this many sessions per search, as in the plugin.</summary>
    public const int MaxSessionItems = Listing.MaxSessions;

    private readonly SessionCatalog catalog;
    private readonly Func<PluginSettings> settings;
    private readonly SessionText text;
    private readonly SessionItems items;
    private readonly Lock gate = new();
    private IListItem[]? current;

    public SessionsPage(SessionCatalog catalog, Func<PluginSettings> settings, SessionText text, SessionItems items, TimeProvider time)
    {
        this.catalog = catalog;
        this.settings = settings;
        this.text = text;
        this.items = items;
        Time = time;
        Id = CommandId;
        Name = Resources.Action_Show;
        Title = Resources.Page_Title;
        PlaceholderText = Resources.Page_Placeholder;
        Icon = new IconInfo("\uF3B1");
        ShowDetails = true;
        catalog.Updated += (_, _) => Wall.Run(() => Rebuild(SearchText), nameof(SessionCatalog.Updated));
    }

    private TimeProvider Time { get; }

    public override void UpdateSearchText(string oldSearch, string newSearch) => Wall.Run(() => Rebuild(newSearch));

    public override IListItem[] GetItems() => Wall.Run(
        () =>
        {
            // In use: keeps the catalog's refresh going, and after a pause starts it again.
            catalog.ForQuery();
            lock (gate)
            {
                if (current is { } built)
                {
                    return built;
                }
            }

            return Build(SearchText);
        },
        () => []);

    private void Rebuild(string search)
    {
        Build(search);
        RaiseItemsChanged();
    }

    private IListItem[] Build(string search)
    {
        var view = catalog.ForQuery();
        var snapshot = view.Snapshot;
        var built = items.For(Listing.For(search ?? "", view, settings().Core.ShowOwnSession, MaxSessionItems, text));
        lock (gate)
        {
            current = built;
        }

        IsLoading = snapshot.Servers.Any(server => server.IsPending);
        return built;
    }
}
