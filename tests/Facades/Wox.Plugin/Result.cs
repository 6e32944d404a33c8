using System.Globalization;
using System.Windows;
using System.Windows.Media;

namespace Wox.Plugin;

public class Result
{
    private string _title;
    private ToolTipData _toolTipData;
    private string _pluginDirectory;
    private string _icoPath;

    public Result(IList<int> titleHighlightData = null, IList<int> subTitleHighlightData = null)
    {
        TitleHighlightData = titleHighlightData;
        SubTitleHighlightData = subTitleHighlightData;
    }

    public delegate ImageSource IconDelegate();

    public PluginMetadata Metadata { get; set; }

    /// <summary>Throws on null; line breaks become spaces, as in PowerToys.</summary>
    public string Title
    {
        get => _title;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _title = value.Replace("\n", " ", StringComparison.Ordinal);
        }
    }

    public bool FromHistory { get; set; }

    public string HistoryPluginID { get; set; }

    public string HistoryTitle { get; set; }

    public string SubTitle { get; set; }

    public string Glyph { get; set; }

    public string FontFamily { get; set; }

    public string ProgramArguments { get; set; }

    public Visibility ToolTipVisibility { get; set; } = Visibility.Collapsed;

    public ToolTipData ToolTipData
    {
        get => _toolTipData;
        set
        {
            _toolTipData = value;
            ToolTipVisibility = Visibility.Visible;
        }
    }

    public string QueryTextDisplay { get; set; }

    public string IcoPath
    {
        get => _icoPath;
        set => _icoPath = !string.IsNullOrEmpty(PluginDirectory) && !Path.IsPathRooted(value) ? Path.Combine(PluginDirectory, value) : value;
    }

    public IconDelegate Icon { get; set; }

    /// <summary>Return true to hide PowerToys Run after the result was chosen.</summary>
    public Func<ActionContext, bool> Action { get; set; }

    public int Score { get; set; }

    public int SelectedCount { get; set; }

    public DateTime LastSelected { get; set; } = DateTime.MinValue;

    public IList<int> TitleHighlightData { get; set; }

    public IList<int> SubTitleHighlightData { get; set; }

    public string PluginDirectory
    {
        get => _pluginDirectory;
        set
        {
            _pluginDirectory = value;
            if (!string.IsNullOrEmpty(IcoPath) && !Path.IsPathRooted(IcoPath))
            {
                IcoPath = Path.Combine(value, IcoPath);
            }
        }
    }

    public object ContextData { get; set; }

    public string PluginID { get; internal set; }

    public override bool Equals(object obj) =>
        obj is Result other
        && string.Equals(other.Title, Title, StringComparison.Ordinal)
        && string.Equals(other.SubTitle, SubTitle, StringComparison.Ordinal)
        && string.Equals(other.IcoPath, IcoPath, StringComparison.Ordinal)
        && TitleHighlightData == other.TitleHighlightData
        && SubTitleHighlightData == other.SubTitleHighlightData;

    public override int GetHashCode() =>
        (Title?.GetHashCode(StringComparison.Ordinal) ?? 0) ^ (SubTitle?.GetHashCode(StringComparison.Ordinal) ?? 0);

    public override string ToString() => string.Format(CultureInfo.CurrentCulture, "{0} : {1}", Title, SubTitle);
}
