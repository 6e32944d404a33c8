namespace System.Windows;

public enum Visibility : byte
{
    Visible = 0,
    Hidden = 1,
    Collapsed = 2,
}
