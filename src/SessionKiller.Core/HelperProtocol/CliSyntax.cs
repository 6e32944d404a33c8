using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Settings;

namespace SessionKiller.Core.HelperProtocol;

/// <summary>
/// The spelling of <c>sessionkiller</c>'s commands, options and values, shared by the CLI that parses
/// them and by <see cref="HelperCommandLine"/> that writes them.
/// </summary>
public static class CliSyntax
{
    public const string ListCommand = "list";
    public const string LogOffCommand = "logoff";
    public const string DisconnectCommand = "disconnect";
    public const string AskCommand = "ask";
    public const string MessageCommand = "message";

    public const string ServerOption = "--server";
    public const string JsonOption = "--json";
    public const string AllOption = "--all";
    public const string ClientOption = "--client";
    public const string YesOption = "--yes";
    public const string ExpectUserOption = "--expect-user";
    public const string ExpectLogonOption = "--expect-logon";
    public const string NoWaitOption = "--no-wait";
    public const string AskMessageOption = "--message";
    public const string TimeoutOption = "--timeout";
    public const string OnTimeoutOption = "--on-timeout";
    public const string TextOption = "--text";
    public const string TitleOption = "--title";
    public const string OutcomeFileOption = "--outcome-file";

    /// <summary>The value of <c>--expect-logon</c> for a session whose logon time the server did not report.</summary>
    public const string UnknownLogon = "unknown";

    public const string KeepPolicy = "keep";
    public const string LogOffPolicy = "logoff";

    private const char SessionIdPrefix = '#';

    private static readonly string[] LogonFormats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz"];

    public static string CommandFor(SessionAction action) => action switch
    {
        SessionAction.LogOff => LogOffCommand,
        SessionAction.Disconnect => DisconnectCommand,
        SessionAction.AskFirst => AskCommand,
        SessionAction.SendMessage => MessageCommand,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "No command runs this action."),
    };

    /// <summary><c>#3</c>: the target form that names a session by id.</summary>
    public static string FormatSessionId(int sessionId) => SessionIdPrefix + sessionId.ToString(CultureInfo.InvariantCulture);

    public static bool IsSessionIdForm(string target) => target.StartsWith(SessionIdPrefix);

    /// <summary>Reads <c>#3</c>; false for anything else, including <c>#</c>, <c>#-1</c>, <c>#+3</c> and <c>#03x</c>.</summary>
    public static bool TryParseSessionId(string target, out int sessionId)
    {
        sessionId = 0;
        var digits = target.AsSpan(target.StartsWith(SessionIdPrefix) ? 1 : target.Length);
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return digits.Length > 0 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out sessionId);
    }

    /// <summary>A time as the CLI writes it: ISO 8601 in UTC to the tick (round-trip format), e.g. <c>2026-11-25T08:00:00.0000003Z</c>.</summary>
    public static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    public static string FormatLogon(DateTimeOffset? logonTime) => logonTime is { } time ? FormatTime(time) : UnknownLogon;

    /// <summary>
    /// Reads an <c>--expect-logon</c> value: ISO 8601 with seconds, up to seven fraction digits and a zone
    /// (<c>Z</c> or an offset), or <see cref="UnknownLogon"/> (then <paramref name="logonTime"/> is null).
    /// </summary>
    public static bool TryParseLogon(string text, out DateTimeOffset? logonTime)
    {
        logonTime = null;
        if (string.Equals(text, UnknownLogon, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (DateTimeOffset.TryParseExact(text, LogonFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            logonTime = parsed.ToUniversalTime();
            return true;
        }

        return false;
    }

    /// <summary>Reads <c>DOMAIN\user</c> or a bare <c>user</c> (domain empty); false for empty parts or more than one backslash.</summary>
    public static bool TryParseUser(string text, [NotNullWhen(true)] out string? domain, [NotNullWhen(true)] out string? user)
    {
        domain = null;
        user = null;
        var parts = text.Split('\\');
        if (parts.Length > 2 || parts.Any(part => part.Length == 0 || part.Trim().Length != part.Length))
        {
            return false;
        }

        (domain, user) = parts.Length == 2 ? (parts[0], parts[1]) : ("", parts[0]);
        return true;
    }

    public static string FormatPolicy(TimeoutPolicy policy) => policy == TimeoutPolicy.LogOff ? LogOffPolicy : KeepPolicy;

    public static bool TryParsePolicy(string text, out TimeoutPolicy policy)
    {
        policy = TimeoutPolicy.Keep;
        if (string.Equals(text, KeepPolicy, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        policy = TimeoutPolicy.LogOff;
        return string.Equals(text, LogOffPolicy, StringComparison.OrdinalIgnoreCase);
    }
}
