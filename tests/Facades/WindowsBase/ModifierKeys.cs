namespace System.Windows.Input;

/// <summary>WPF's modifier keys (values as in WindowsBase).</summary>
[Flags]
public enum ModifierKeys
{
    None = 0,
    Alt = 1,
    Control = 2,
    Shift = 4,
    Windows = 8,
}
