namespace Wox.Plugin;

public interface IReloadable : IFeatures
{
    void ReloadData();
}
