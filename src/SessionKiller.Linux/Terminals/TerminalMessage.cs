using System.Globalization;
using System.Text;

namespace SessionKiller.Linux.Terminals;

/// <summary>
/// The bytes a message puts on someone's terminal, laid out as <c>write</c> lays them out: a bell, a
/// header naming the sender, then the text. Control characters are removed so a message cannot move the
/// cursor, change colours or send the terminal escape sequences.
/// </summary>
internal static class TerminalMessage
{
    /// <param name="title">Shown on its own line, unless empty or only naming the sender again ("Message from ...").</param>
    public static byte[] Format(string sender, string senderHost, string? senderTerminal, DateTimeOffset localTime, string title, string text)
    {
        var builder = new StringBuilder();
        builder.Append("\r\n\a");
        builder.Append(CultureInfo.InvariantCulture, $"Message from {Clean(sender)}@{Clean(senderHost)}");
        if (!string.IsNullOrEmpty(senderTerminal))
        {
            builder.Append(CultureInfo.InvariantCulture, $" on {Clean(senderTerminal)}");
        }

        builder.Append(CultureInfo.InvariantCulture, $" at {localTime:HH:mm} ...\r\n");

        var cleanTitle = Clean(title).Trim();
        if (cleanTitle.Length > 0 && !cleanTitle.StartsWith("Message from", StringComparison.OrdinalIgnoreCase))
        {
            builder.Append(cleanTitle).Append("\r\n");
        }

        foreach (var line in SplitLines(text))
        {
            builder.Append(Clean(line)).Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    /// <summary>Lines broken at \r\n, \n or \r; the terminal gets \r\n after each (raw mode does not add the \r).</summary>
    internal static IEnumerable<string> SplitLines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').TrimEnd('\n').Split('\n');

    /// <summary>Keeps printable text and tabs; drops C0 and C1 controls (ESC, CSI, BEL...), DEL and bidirectional overrides.</summary>
    internal static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == '\t' || (!char.IsControl(c) && !IsBidiControl(c)))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';
}
