namespace Community.PowerToys.Run.Plugin.SessionKiller.Clipboard;

internal interface IClipboard
{
    /// <returns>False when the clipboard could not be written (another program holds it).</returns>
    bool TrySetText(string text);
}
