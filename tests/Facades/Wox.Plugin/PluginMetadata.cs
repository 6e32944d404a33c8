namespace Wox.Plugin;

/// <summary>plugin.json as PowerToys reads it (case-sensitive property names).</summary>
public class PluginMetadata
{
    private string _pluginDirectory;

    public string ID { get; set; }

    public string Name { get; set; }

    public string Author { get; set; }

    public string Version { get; set; }

    public string Language { get; set; }

    public string Website { get; set; }

    public bool Disabled { get; set; }

    public bool IsEnabledPolicyConfigured { get; set; }

    public string ExecuteFilePath { get; private set; }

    public string ExecuteFileName { get; set; }

    public string PluginDirectory
    {
        get => _pluginDirectory;
        internal set
        {
            _pluginDirectory = value;
            ExecuteFilePath = Path.Combine(value, ExecuteFileName);
        }
    }

    public string ActionKeyword { get; set; }

    public int WeightBoost { get; set; }

    public bool IsGlobal { get; set; }

    public string IcoPathDark { get; set; }

    public string IcoPathLight { get; set; }

    public bool DynamicLoading { get; set; }

    public long InitTime { get; set; }

    public long AvgQueryTime { get; set; }

    public int QueryCount { get; set; }

    public override string ToString() => Name;
}
