namespace Wox.Plugin;

public class PluginPair
{
    public PluginPair(PluginMetadata metadata)
    {
        Metadata = metadata;
    }

    public IPlugin Plugin { get; internal set; }

    public PluginMetadata Metadata { get; internal set; }
}
