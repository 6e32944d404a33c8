using Community.PowerToys.Run.Plugin.SessionKiller.Actions;
using Community.PowerToys.Run.Plugin.SessionKiller.Settings;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Bulk;
using SessionKiller.Core.Catalog;
using SessionKiller.Core.Query;
using Wox.Plugin;
using static Community.PowerToys.Run.Plugin.SessionKiller.PluginWall;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Results;

/// <summary>
/// The bulk item: first among the results when a query with a filter names two or more sessions that may
/// be acted on (Core's <see cref="BulkSelection"/> decides), its context menu, and its actions.
/// </summary>
internal sealed class BulkResults(PluginServices services, SessionText text, Func<string> iconPath, BulkLauncher launcher)
{
    /// <summary>Above every session result: the group comes first.</summary>
    public const int Score = 20_000;

    /// <summary>Puts the bulk item first when the query earns one; the session results stay as they are.</summary>
    public List<Result> AddTo(List<Result> results, string search, CatalogSnapshot snapshot)
    {
        if (Item(search, snapshot) is { } item)
        {
            results.Insert(0, item);
        }

        return results;
    }

    public Result? Item(string search, CatalogSnapshot snapshot)
    {
        // Cheap before it matters: only a query with a filter can earn the item, and only then is every session matched.
        if (QueryParser.Parse(search).Query is not { } query || !BulkSelection.HasBulkFilter(query))
        {
            return null;
        }

        if (BulkSelection.From(query, BulkSelection.Matching(query, snapshot.Sessions)) is not { } selection)
        {
            return null;
        }

        var title = BulkText.Title(selection);
        return new Result
        {
            Title = title,
            SubTitle = BulkText.Subtitle(selection),
            ToolTipData = new ToolTipData(title, BulkText.List(selection, text)),
            IcoPath = iconPath(),
            Score = Score,
            ContextData = selection,

            // Enter signs everyone out; Ctrl+Enter asks everyone first, as on a single session.
            Action = context => Act(context?.SpecialKeyState?.CtrlPressed == true ? SessionAction.AskFirst : SessionAction.LogOff, selection),
        };
    }

    public List<ContextMenuResult> ContextMenu(BulkSelection selection) => BulkContextMenu.For(selection, Act, Copy);

    private bool Act(SessionAction action, BulkSelection selection) => Wall.Run(() => launcher.Launch(action, selection), () => false);

    private bool Copy(BulkSelection selection) => Wall.Run(() => services.Clipboard.TrySetText(BulkText.List(selection, text)), () => false);
}
