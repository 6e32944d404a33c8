namespace Microsoft.PowerToys.Settings.UI.Library;

// As the settings UI has it: multiline text keeps "\r" between lines.
public partial class PluginAdditionalOption
{
    public partial List<string> TextValueAsMultilineList
    {
        get => TextValue?.Split("\r", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList() ?? [];
        set => TextValue = value is { Count: > 0 } ? string.Join("\r", value) : string.Empty;
    }
}
