using System.Globalization;
using SessionKiller.Core.Sessions;

namespace SessionKiller.Core.Actions;

/// <summary>Fills <c>{user}</c>, <c>{admin}</c> and <c>{seconds}</c> in the ask-first title and text.</summary>
public static class Placeholders
{
    public static string Fill(string template, SessionIdentity target, string admin, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(target);
        return template
            .Replace("{user}", target.UserName, StringComparison.OrdinalIgnoreCase)
            .Replace("{admin}", admin, StringComparison.OrdinalIgnoreCase)
            .Replace("{seconds}", ((long)timeout.TotalSeconds).ToString(CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase);
    }
}
