// Stand-ins for the Toolkit's Settings, Setting<T>, ToggleSetting, TextSetting, ChoiceSetSetting and
// JsonSettingsManager (same names, members, file format and behaviour; the settings form, an adaptive
// card CmdPal renders, is not reached here).
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Windows.Foundation;

namespace Microsoft.CommandPalette.Extensions.Toolkit;

internal interface ISettingsForm
{
    void Update(JsonObject payload);

    string ToState();
}

public sealed partial class Settings : ICommandSettings
{
    private readonly Dictionary<string, object> _settings = [];

    public event TypedEventHandler<object, Settings>? SettingsChanged;

    public IContentPage SettingsPage => throw new PlatformNotSupportedException("The settings form is CmdPal's; this facade only compiles against it.");

    public void Add<T>(Setting<T> s) => _settings.Add(s.Key, s);

    public T? GetSetting<T>(string key) => _settings[key] is Setting<T> s ? s.Value : default;

    public bool TryGetSetting<T>(string key, out T? val)
    {
        if (_settings.TryGetValue(key, out var o) && o is Setting<T> s)
        {
            val = s.Value;
            return true;
        }

        val = default;
        return false;
    }

    public string ToJson()
    {
        var content = string.Join(",\n", _settings.Values.OfType<ISettingsForm>().Select(s => s.ToState()));
        return $"{{\n{content}\n}}";
    }

    public void Update(string data)
    {
        var formInput = JsonNode.Parse(data)?.AsObject();
        if (formInput == null)
        {
            return;
        }

        foreach (var value in _settings.Values)
        {
            if (value is ISettingsForm f)
            {
                f.Update(formInput);
            }
        }
    }

    /// <summary>CmdPal's settings form calls this after a submit (the real one is internal and raised by the form).</summary>
    internal void RaiseSettingsChanged() => SettingsChanged?.Invoke(this, this);
}

public abstract class Setting<T> : ISettingsForm
{
    protected Setting()
    {
        Value = default;
        Key = string.Empty;
    }

    public Setting(string key, T defaultValue)
    {
        Key = key;
        Value = defaultValue;
    }

    public Setting(string key, string label, string description, T defaultValue)
    {
        Key = key;
        Value = defaultValue;
        Label = label;
        Description = description;
    }

    public T? Value { get; set; }

    public string Key { get; }

    public bool IsRequired { get; set; }

    public string ErrorMessage { get; set; } = string.Empty;

    public string Label { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    public abstract void Update(JsonObject payload);

    public abstract string ToState();
}

public sealed class ToggleSetting : Setting<bool>
{
    public ToggleSetting(string key, bool defaultValue)
        : base(key, defaultValue)
    {
    }

    public ToggleSetting(string key, string label, string description, bool defaultValue)
        : base(key, label, description, defaultValue)
    {
    }

    public override void Update(JsonObject payload)
    {
        if (payload[Key] != null)
        {
            var strFromJson = payload[Key]?.GetValue<string>() ?? string.Empty;
            Value = strFromJson switch { "true" => true, "false" => false, _ => false };
        }
    }

    public override string ToState() => $"\"{Key}\": \"{(Value ? "true" : "false")}\"";
}

public partial class TextSetting : Setting<string>
{
    public TextSetting(string key, string defaultValue)
        : base(key, defaultValue)
    {
    }

    public TextSetting(string key, string label, string description, string defaultValue)
        : base(key, label, description, defaultValue)
    {
    }

    public bool Multiline { get; set; }

    public string Placeholder { get; set; } = string.Empty;

    public override void Update(JsonObject payload)
    {
        if (payload[Key] != null)
        {
            Value = payload[Key]?.GetValue<string>();
        }
    }

    public override string ToState() => $"\"{Key}\": {JsonValue.Create(Value)?.ToJsonString() ?? "null"}";
}

public sealed class ChoiceSetSetting : Setting<string>
{
    public ChoiceSetSetting(string key, List<Choice> choices)
        : base(key, choices.ElementAt(0).Value)
    {
        Choices = choices;
    }

    public ChoiceSetSetting(string key, string label, string description, List<Choice> choices)
        : base(key, label, description, choices.ElementAt(0).Value)
    {
        Choices = choices;
    }

    public List<Choice> Choices { get; set; }

    public override void Update(JsonObject payload)
    {
        if (payload[Key] != null)
        {
            Value = payload[Key]?.GetValue<string>();
        }
    }

    public override string ToState() => $"\"{Key}\": {JsonValue.Create(Value)?.ToJsonString() ?? "null"}";

    public partial class Choice
    {
        public Choice(string title, string value)
        {
            Value = value;
            Title = title;
        }

        [JsonPropertyName("value")]
        public string Value { get; set; }

        [JsonPropertyName("title")]
        public string Title { get; set; }
    }
}

public abstract class JsonSettingsManager
{
    private static readonly JsonSerializerOptions _serializerOptions = new() { WriteIndented = true };

    public Settings Settings { get; } = new();

    public string FilePath { get; init; } = string.Empty;

    public virtual void LoadSettings()
    {
        if (string.IsNullOrEmpty(FilePath))
        {
            throw new InvalidOperationException($"You must set a valid {nameof(FilePath)} before calling {nameof(LoadSettings)}");
        }

        if (!File.Exists(FilePath))
        {
            ExtensionHost.LogMessage(new LogMessage { Message = "The provided settings file does not exist" });
            return;
        }

        try
        {
            var jsonContent = File.ReadAllText(FilePath);
            if (JsonNode.Parse(jsonContent) is JsonObject)
            {
                Settings.Update(jsonContent);
            }
            else
            {
                ExtensionHost.LogMessage(new LogMessage { Message = "Failed to parse settings file as JsonObject." });
            }
        }
        catch (Exception ex)
        {
            ExtensionHost.LogMessage(new LogMessage { Message = ex.ToString() });
        }
    }

    public virtual void SaveSettings()
    {
        if (string.IsNullOrEmpty(FilePath))
        {
            throw new InvalidOperationException($"You must set a valid {nameof(FilePath)} before calling {nameof(SaveSettings)}");
        }

        try
        {
            if (JsonNode.Parse(Settings.ToJson()) is JsonObject newSettings)
            {
                var oldContent = File.Exists(FilePath) ? File.ReadAllText(FilePath) : "{}";
                if (JsonNode.Parse(oldContent) is JsonObject savedSettings)
                {
                    foreach (var item in newSettings)
                    {
                        savedSettings[item.Key] = item.Value?.DeepClone();
                    }

                    File.WriteAllText(FilePath, savedSettings.ToJsonString(_serializerOptions));
                }
                else
                {
                    ExtensionHost.LogMessage(new LogMessage { Message = "Failed to parse settings file as JsonObject." });
                }
            }
        }
        catch (Exception ex)
        {
            ExtensionHost.LogMessage(new LogMessage { Message = ex.ToString() });
        }
    }
}
