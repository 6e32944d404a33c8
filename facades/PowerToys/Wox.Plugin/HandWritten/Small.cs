namespace Wox.Plugin;

// Behaviour the plugin and the host tests rely on, as PowerToys has it.
public partial class ToolTipData
{
    public partial ToolTipData(string title, string text)
    {
        if (string.IsNullOrEmpty(title))
        {
            throw new ArgumentException("title cannot be null or empty", nameof(title));
        }

        Title = title;
        Text = text;
    }
}

public partial class ResultUpdatedEventArgs
{
    public partial ResultUpdatedEventArgs(List<Result> results) => Results = results;
}

public partial class ContextMenuResult
{
    public override partial string ToString() => Title;
}

public partial class PluginMetadata
{
    private string _pluginDirectory;

    /// <summary>Set by the host after reading plugin.json; it fixes where the plugin's DLL is.</summary>
    public partial string PluginDirectory
    {
        get => _pluginDirectory;
        internal set
        {
            _pluginDirectory = value;
            ExecuteFilePath = Path.Combine(value, ExecuteFileName);
        }
    }

    public override partial string ToString() => Name;
}
