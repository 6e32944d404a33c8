using System.Reflection;
using System.Windows.Input;
using Community.PowerToys.Run.Plugin.SessionKiller.Properties;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Sessions;
using Wox.Plugin;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Results;

/// <summary>The context menu of a session: every action, each with its accelerator in the title.</summary>
internal static class ContextMenuFactory
{
    private const string FontFamily = "Segoe Fluent Icons,Segoe MDL2 Assets";
    private static readonly string PluginName = Assembly.GetExecutingAssembly().GetName().Name ?? "SessionKiller";

    public static List<ContextMenuResult> For(SessionInfo session, Func<SessionAction, SessionInfo, bool> act, Func<SessionInfo, bool> copy) =>
    [
        Item(Resources.Menu_LogOff, "\xF3B1", Key.Delete, _ => act(SessionAction.LogOff, session)),
        Item(Resources.Menu_AskFirst, "\xE9CE", Key.Enter, _ => act(SessionAction.AskFirst, session)),
        Item(Resources.Menu_Disconnect, "\xE8CD", Key.D, _ => act(SessionAction.Disconnect, session)),
        Item(Resources.Menu_SendMessage, "\xE8BD", Key.M, _ => act(SessionAction.SendMessage, session)),
        Item(Resources.Menu_CopyDetails, "\xE8C8", Key.C, _ => copy(session)),
    ];

    internal static ContextMenuResult Item(string title, string glyph, Key key, Func<ActionContext, bool> action) => new()
    {
        PluginName = PluginName,
        Title = title,
        Glyph = glyph,
        FontFamily = FontFamily,
        AcceleratorKey = key,
        AcceleratorModifiers = ModifierKeys.Control,
        Action = action,
    };
}
