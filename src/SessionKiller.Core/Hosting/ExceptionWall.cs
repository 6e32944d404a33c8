using System.Runtime.CompilerServices;

namespace SessionKiller.Core.Hosting;

/// <summary>
/// The wall between a host (the PowerToys Run plugin, the Command Palette extension) and the launcher that
/// calls it: an exception escaping into the launcher crashes it (PowerToys #42803), so every entry point
/// runs through here, and what is caught is reported to the host's log, never rethrown.
/// </summary>
/// <param name="report">Writes to the host's log: where it failed, and what.</param>
public sealed class ExceptionWall(Action<string, Exception> report)
{
    public T Run<T>(Func<T> body, Func<T> fallback, [CallerMemberName] string where = "")
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(fallback);
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

    public void Run(Action body, [CallerMemberName] string where = "")
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            body();
        }
        catch (Exception exception)
        {
            Report(exception, where);
        }
    }

    public void Report(Exception exception, string where)
    {
        try
        {
            report(where, exception);
        }
        catch (Exception)
        {
            // Logging itself failed: there is nowhere left to say so.
        }
    }
}
