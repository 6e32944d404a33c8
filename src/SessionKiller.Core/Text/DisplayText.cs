using System.Text;

namespace SessionKiller.Core.Text;

/// <summary>
/// Text from servers, processes and command lines, made safe to show: a user, client, server or process
/// name cannot break one line into two, move a terminal's cursor or read differently than it is. The CLI
/// and the plugin show such names only through this class.
/// </summary>
public static class DisplayText
{
    public const char Replacement = '?';

    /// <summary>
    /// One line, character for character (so highlight positions still fit): each line break becomes a
    /// space, every other control character and bidirectional control <see cref="Replacement"/>.
    /// </summary>
    public static string OneLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Clean(text, keepLineBreaks: false);
    }

    /// <summary>Several lines: each line ending becomes <c>\n</c>, other controls <see cref="Replacement"/>.</summary>
    public static string Lines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Clean(text.ReplaceLineEndings("\n"), keepLineBreaks: true);
    }

    /// <summary>
    /// The embeddings, overrides, isolates and marks that change how the text around them reads
    /// ("bob\u202Etxt.exe" shows as "bobexe.txt").
    /// </summary>
    public static bool IsBidiControl(char c) =>
        c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';

    /// <summary>What some renderer breaks a line at: the ASCII breaks, NEL, and the Unicode line and paragraph separators.</summary>
    private static bool IsLineBreak(char c) => c is '\n' or '\r' or '\f' or '\v' or '\u0085' or '\u2028' or '\u2029';

    private static string Clean(string text, bool keepLineBreaks)
    {
        StringBuilder? cleaned = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            char? replacement = c switch
            {
                '\n' when keepLineBreaks => null,
                _ when IsLineBreak(c) && !keepLineBreaks => ' ',
                _ when char.IsControl(c) || IsBidiControl(c) || IsLineBreak(c) => Replacement,
                _ => null,
            };
            if (replacement is { } safe)
            {
                cleaned ??= new StringBuilder(text, 0, i, text.Length);
                cleaned.Append(safe);
            }
            else
            {
                cleaned?.Append(c);
            }
        }

        return cleaned?.ToString() ?? text;
    }
}
