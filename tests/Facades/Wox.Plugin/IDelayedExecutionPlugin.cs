namespace Wox.Plugin;

/// <summary>The host calls Query(q) at once and Query(q, true) after the user pauses typing.</summary>
public interface IDelayedExecutionPlugin : IFeatures
{
    List<Result> Query(Query query, bool delayedExecution);
}
