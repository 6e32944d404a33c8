using SessionKiller.Core.Actions;
using SessionKiller.Core.Text;

namespace SessionKiller.Cli;

/// <summary>Asks y/N on the terminal. Anything but y or yes, including the end of input, is a no.</summary>
internal sealed class TerminalPrompt(TextReader input, TextWriter output) : IConfirmationPrompt
{
    public async Task<bool> ConfirmAsync(Confirmation confirmation, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync(DisplayText.Lines(confirmation.Title)).ConfigureAwait(false);
        await output.WriteLineAsync(DisplayText.Lines(confirmation.Text)).ConfigureAwait(false);
        await output.WriteAsync("Go ahead? [y/N] ").ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        var answer = await input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        return IsYes(answer);
    }

    public static bool IsYes(string? answer) =>
        answer?.Trim() is { } word
        && (word.Equals("y", StringComparison.OrdinalIgnoreCase) || word.Equals("yes", StringComparison.OrdinalIgnoreCase));
}
