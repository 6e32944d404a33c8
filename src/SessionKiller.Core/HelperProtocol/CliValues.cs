using System.Globalization;
using SessionKiller.Core.Settings;
using SessionKiller.Core.Text;

namespace SessionKiller.Core.HelperProtocol;

/// <summary>
/// What the CLI accepts as a value. The limits keep a message box readable and well inside what
/// WTSSendMessageW takes (lengths in bytes, no documented maximum), and keep junk out of audit lines.
/// </summary>
public static class CliValues
{
    /// <summary>Any value or target, when no tighter limit applies.</summary>
    public const int MaxLength = 1024;

    /// <summary>A DNS name is at most 253 characters; a NetBIOS name far less.</summary>
    public const int MaxServerNameLength = 253;

    /// <summary>The title bar of the message box.</summary>
    public const int MaxTitleLength = 128;

    /// <summary>The text of the message box (<c>--text</c>, <c>--message</c>).</summary>
    public const int MaxMessageLength = 1024;

    /// <summary>
    /// Why <paramref name="value"/> is not acceptable for <paramref name="name"/>, or null. Control
    /// characters are refused (a message may hold line breaks and tabs when <paramref name="multiline"/>),
    /// and so are the bidirectional overrides that make text read differently than it is.
    /// </summary>
    public static string? ProblemWithText(string name, string value, int maxLength, bool multiline = false)
    {
        if (value.Length == 0)
        {
            return $"{name} is empty.";
        }

        if (value.Length > maxLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{name} is longer than {maxLength} characters ({value.Length}).");
        }

        foreach (var c in value)
        {
            var allowedBreak = multiline && c is '\n' or '\r' or '\t';
            if ((char.IsControl(c) && !allowedBreak) || DisplayText.IsBidiControl(c))
            {
                return string.Create(CultureInfo.InvariantCulture, $"{name} contains the control character U+{(int)c:X4}.");
            }
        }

        return null;
    }

    /// <summary>Why <paramref name="value"/> is not a server name, or null.</summary>
    public static string? ProblemWithServer(string name, string value)
    {
        if (ProblemWithText(name, value, MaxServerNameLength) is { } problem)
        {
            return problem;
        }

        if (value.StartsWith('-'))
        {
            return $"{name} needs a server name, not '{value}'.";
        }

        return value.Any(char.IsWhiteSpace) ? $"{name} '{value}' contains a space." : null;
    }

    /// <summary>Why <paramref name="seconds"/> is not an ask-first timeout, or null (the settings' range applies).</summary>
    public static string? ProblemWithTimeout(string name, int seconds) =>
        seconds is < SessionKillerSettings.MinAskFirstTimeoutSeconds or > SessionKillerSettings.MaxAskFirstTimeoutSeconds
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"{name} must be {SessionKillerSettings.MinAskFirstTimeoutSeconds} to {SessionKillerSettings.MaxAskFirstTimeoutSeconds} seconds, not {seconds}.")
            : null;
}
