using System.Windows.Input;
using Community.PowerToys.Run.Plugin.SessionKiller.Properties;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Bulk;
using Wox.Plugin;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Results;

/// <summary>The context menu of the bulk item: every action on all of its sessions, and the list to copy.</summary>
internal static class BulkContextMenu
{
    public static List<ContextMenuResult> For(BulkSelection selection, Func<SessionAction, BulkSelection, bool> act, Func<BulkSelection, bool> copy) =>
    [
        ContextMenuFactory.Item(Resources.Bulk_Menu_LogOff, "\xF3B1", Key.Delete, _ => act(SessionAction.LogOff, selection)),
        ContextMenuFactory.Item(Resources.Bulk_Menu_AskFirst, "\xE9CE", Key.Enter, _ => act(SessionAction.AskFirst, selection)),
        ContextMenuFactory.Item(Resources.Bulk_Menu_Disconnect, "\xE8CD", Key.D, _ => act(SessionAction.Disconnect, selection)),
        ContextMenuFactory.Item(Resources.Bulk_Menu_SendMessage, "\xE8BD", Key.M, _ => act(SessionAction.SendMessage, selection)),
        ContextMenuFactory.Item(Resources.Bulk_Menu_Copy, "\xE8C8", Key.C, _ => copy(selection)),
    ];
}
