namespace Microsoft.PowerToys.Settings.UI.Library;

public class PluginAdditionalOption
{
    public enum AdditionalOptionType
    {
        Checkbox = 0,
        Combobox = 1,
        Textbox = 2,
        Numberbox = 3,
        MultilineTextbox = 4,
        CheckboxAndCombobox = 11,
        CheckboxAndTextbox = 12,
        CheckboxAndNumberbox = 13,
        CheckboxAndMultilineTextbox = 14,
    }

    public AdditionalOptionType PluginOptionType { get; set; }

    public string Key { get; set; }

    public string DisplayLabel { get; set; }

    public string DisplayDescription { get; set; }

    public string SecondDisplayLabel { get; set; }

    public string SecondDisplayDescription { get; set; }

    public bool Value { get; set; }

    public int ComboBoxValue { get; set; }

    /// <summary>Item name as Key, its integer (as text) as Value; the settings UI stores the integer in ComboBoxValue.</summary>
    public List<KeyValuePair<string, string>> ComboBoxItems { get; set; }

    /// <summary>Multiline text uses "\r" between lines, as the settings UI writes it.</summary>
    public string TextValue { get; set; }

    public List<string> TextValueAsMultilineList
    {
        get => TextValue?.Split("\r", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList() ?? new List<string>();
        set => TextValue = value is { Count: > 0 } ? string.Join("\r", value) : string.Empty;
    }

    public int? TextBoxMaxLength { get; set; }

    public string PlaceholderText { get; set; }

    public double NumberValue { get; set; }

    public double? NumberBoxMin { get; set; }

    public double? NumberBoxMax { get; set; }

    public double? NumberBoxSmallChange { get; set; }

    public double? NumberBoxLargeChange { get; set; }
}
