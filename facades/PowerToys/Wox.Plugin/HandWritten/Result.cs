using System.Globalization;
using System.Windows;

namespace Wox.Plugin;

// Behaviour the plugin relies on, as PowerToys has it: a null title throws (PowerToys Run would drop the plugin's
// results), a tooltip makes itself visible, two results are equal by their texts.
public partial class Result
{
    private string _title;
    private ToolTipData _toolTipData;

    public partial Result(IList<int> titleHighlightData, IList<int> subTitleHighlightData)
    {
        TitleHighlightData = titleHighlightData;
        SubTitleHighlightData = subTitleHighlightData;
        ToolTipVisibility = Visibility.Collapsed;
    }

    public partial string Title
    {
        get => _title;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _title = value.Replace("\n", " ", StringComparison.Ordinal);
        }
    }

    public partial ToolTipData ToolTipData
    {
        get => _toolTipData;
        set
        {
            _toolTipData = value;
            ToolTipVisibility = Visibility.Visible;
        }
    }

    public override partial bool Equals(object obj) =>
        obj is Result other
        && string.Equals(other.Title, Title, StringComparison.Ordinal)
        && string.Equals(other.SubTitle, SubTitle, StringComparison.Ordinal)
        && string.Equals(other.IcoPath, IcoPath, StringComparison.Ordinal)
        && TitleHighlightData == other.TitleHighlightData
        && SubTitleHighlightData == other.SubTitleHighlightData;

    public override partial int GetHashCode() =>
        (Title?.GetHashCode(StringComparison.Ordinal) ?? 0) ^ (SubTitle?.GetHashCode(StringComparison.Ordinal) ?? 0);

    public override partial string ToString() => string.Format(CultureInfo.CurrentCulture, "{0} : {1}", Title, SubTitle);
}
