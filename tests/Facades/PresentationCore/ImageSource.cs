namespace System.Windows.Media;

/// <summary>Stand-in for WPF's image base class; only its name is used in Wox.Plugin's signatures.</summary>
public abstract class ImageSource
{
    public abstract double Width { get; }

    public abstract double Height { get; }
}
