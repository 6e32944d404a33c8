namespace Wox.Plugin;

public interface IPlugin
{
    string Name { get; }

    string Description { get; }

    List<Result> Query(Query query);

    void Init(PluginInitContext context);
}
