using System.Runtime.CompilerServices;
using Wox.Plugin.Logger;

namespace Community.PowerToys.Run.Plugin.SessionKiller;

/// <summary>
/// The wall between the plugin and PowerToys Run: an exception escaping a query, a setting or an action
/// crashes Run (PowerToys #42803), so every entry point goes through here; what is caught is logged.
/// </summary>
internal static class Guard
{
    public static T Run<T>(Func<T> body, Func<T> fallback, [CallerMemberName] string where = "")
    {
        try
        {
            return body();
        }
        catch (Exception exception)
        {
            Report(exception, where);
            return fallback();
        }
    }

    public static void Run(Action body, [CallerMemberName] string where = "")
    {
        try
        {
            body();
        }
        catch (Exception exception)
        {
            Report(exception, where);
        }
    }

    public static void Report(Exception exception, string where)
    {
        try
        {
            Log.Exception($"SessionKiller: {where} failed", exception, typeof(Guard), where);
        }
        catch (Exception)
        {
            // Logging itself failed: there is nowhere left to say so.
        }
    }
}
