namespace Wox.Plugin;

public interface IContextMenu : IFeatures
{
    List<ContextMenuResult> LoadContextMenus(Result selectedResult);
}
