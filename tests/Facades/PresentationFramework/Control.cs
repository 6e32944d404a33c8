namespace System.Windows.Controls;

/// <summary>Stand-in for WPF's control base class; only its name is used in ISettingProvider.</summary>
public class Control
{
}
