using System.Runtime.CompilerServices;
using Microsoft.CommandPalette.Extensions;
using Microsoft.CommandPalette.Extensions.Toolkit;

namespace SessionKiller.CommandPalette;

/// <summary>
/// The wall between the extension and the Command Palette: every call CmdPal makes goes through here, so
/// no exception crosses COM into CmdPal; what is caught goes to CmdPal's log.
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
            ExtensionHost.LogMessage(new LogMessage($"SessionKiller: {where} failed: {exception}") { State = MessageState.Error });
        }
        catch (Exception)
        {
            // Logging itself failed: there is nowhere left to say so.
        }
    }
}
