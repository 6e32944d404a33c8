using SessionKiller.Core.Hosting;
using Wox.Plugin.Logger;

namespace Community.PowerToys.Run.Plugin.SessionKiller;

/// <summary>The plugin's <see cref="ExceptionWall"/>: what is caught goes to PowerToys Run's log.</summary>
internal static class PluginWall
{
    public static ExceptionWall Wall { get; } = new((where, exception) =>
        Log.Exception($"SessionKiller: {where} failed", exception, typeof(PluginWall), where));
}
