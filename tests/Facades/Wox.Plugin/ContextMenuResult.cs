using System.Windows.Input;

namespace Wox.Plugin;

public class ContextMenuResult
{
    public string PluginName { get; set; }

    public string Title { get; set; }

    public string Glyph { get; set; }

    public string FontFamily { get; set; }

    public Key AcceleratorKey { get; set; }

    public ModifierKeys AcceleratorModifiers { get; set; }

    /// <summary>Return true to hide PowerToys Run after the item was chosen.</summary>
    public Func<ActionContext, bool> Action { get; set; }

    public override string ToString() => Title;
}
