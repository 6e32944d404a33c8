namespace Wox.Plugin;

public interface IFeatures
{
}

public interface IPluginI18n : IFeatures
{
    string GetTranslatedPluginTitle();

    string GetTranslatedPluginDescription();
}

public interface IResultUpdated : IFeatures
{
    event ResultUpdatedEventHandler ResultsUpdated;
}

public delegate void ResultUpdatedEventHandler(IResultUpdated sender, ResultUpdatedEventArgs e);

public class ResultUpdatedEventArgs : EventArgs
{
    public List<Result> Results { get; set; }

    public Query Query { get; set; }
}
