using System.Text;
using SessionKiller.Core.HelperProtocol;

namespace SessionKiller.Cli;

/// <summary>
/// Text from servers and command lines made safe for a terminal: a user or client name cannot move the
/// cursor, re-colour the screen or break one line into two.
/// </summary>
internal static class TerminalText
{
    public const char Replacement = '?';

    /// <summary>One line: line breaks become spaces, other control characters <see cref="Replacement"/>.</summary>
    public static string OneLine(string text) => Clean(text.ReplaceLineEndings(" "), keepLineBreaks: false);

    /// <summary>Several lines: line breaks stay, other control characters become <see cref="Replacement"/>.</summary>
    public static string Lines(string text) => Clean(text.ReplaceLineEndings("\n"), keepLineBreaks: true);

    private static string Clean(string text, bool keepLineBreaks)
    {
        StringBuilder? cleaned = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var unsafeChar = (char.IsControl(c) && !(keepLineBreaks && c == '\n')) || CliValues.IsBidiControl(c);
            if (unsafeChar)
            {
                cleaned ??= new StringBuilder(text, 0, i, text.Length);
                cleaned.Append(Replacement);
            }
            else
            {
                cleaned?.Append(c);
            }
        }

        return cleaned?.ToString() ?? text;
    }
}
