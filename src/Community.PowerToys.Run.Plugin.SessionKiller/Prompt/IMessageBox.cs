namespace Community.PowerToys.Run.Plugin.SessionKiller.Prompt;

/// <summary>A Win32 message box: the seam that keeps <see cref="MessageBoxPrompt"/> testable off Windows.</summary>
internal interface IMessageBox
{
    /// <returns>The button chosen (IDYES, IDNO, ...).</returns>
    int Show(string text, string caption, uint flags);
}
