using System.Globalization;
using SessionKiller.Core.Sessions;

namespace SessionKiller.Core.Actions;

/// <summary>Fills <c>{user}</c>, <c>{admin}</c> and <c>{seconds}</c> in the ask-first title and text.</summary>
public static class Placeholders
{
    public static string Fill(string template, SessionIdentity target, string admin, TimeSpan timeout) =>
        FillNames(template, target, admin)
            .Replace("{seconds}", ((long)timeout.TotalSeconds).ToString(CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Fills <c>{user}</c> and <c>{admin}</c> only, for a plain message: it waits for no answer, so no
    /// timeout belongs in it, and <c>{seconds}</c> stays as typed.
    /// </summary>
    public static string FillNames(string template, SessionIdentity target, string admin)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(target);
        return template
            .Replace("{user}", target.UserName, StringComparison.OrdinalIgnoreCase)
            .Replace("{admin}", admin, StringComparison.OrdinalIgnoreCase);
    }
}
