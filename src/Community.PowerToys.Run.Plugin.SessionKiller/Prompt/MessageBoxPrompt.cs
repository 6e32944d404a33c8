using Community.PowerToys.Run.Plugin.SessionKiller.Interop;
using SessionKiller.Core.Actions;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Prompt;

/// <summary>Confirms with a Win32 Yes/No warning box, No by default, on top of everything.</summary>
internal sealed class MessageBoxPrompt(IMessageBox messageBox) : IConfirmationPrompt
{
    public const uint Flags = User32.MB_YESNO | User32.MB_ICONWARNING | User32.MB_DEFBUTTON2 | User32.MB_TOPMOST | User32.MB_SETFOREGROUND;

    public Task<bool> ConfirmAsync(Confirmation confirmation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(confirmation);
        var (title, text) = ConfirmationLayout.For(confirmation);
        return Task.FromResult(messageBox.Show(text, title, Flags) == User32.IDYES);
    }
}
