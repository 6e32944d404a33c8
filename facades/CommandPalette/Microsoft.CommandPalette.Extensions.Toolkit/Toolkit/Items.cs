// Stand-ins for the Toolkit's CommandItem, ListItem, CommandContextItem, Tag, Details, DetailsElement,
// DetailsTags, DetailsSeparator, IconInfo, IconData, KeyChordHelpers (same names, members and behaviour).
using Windows.System;

namespace Microsoft.CommandPalette.Extensions.Toolkit;

public partial class CommandItem : BaseObservable, ICommandItem
{
    private ICommand? _command;
    private IIconInfo? _icon;
    private string _title = string.Empty;
    private string _subtitle = string.Empty;
    private IContextItem[] _moreCommands = [];

    public CommandItem()
        : this(new NoOpCommand())
    {
    }

    public CommandItem(ICommand command)
    {
        Command = command;
        Title = command.Name;
    }

    public CommandItem(ICommandItem other)
    {
        Command = other.Command;
        Title = other.Title;
        Subtitle = other.Subtitle;
        Icon = (IconInfo?)other.Icon;
        MoreCommands = other.MoreCommands;
    }

    public CommandItem(string title, string subtitle = "", string name = "", Action? action = null, ICommandResult? result = null)
    {
        var command = new AnonymousCommand(action);
        if (!string.IsNullOrEmpty(name))
        {
            command.Name = name;
        }

        if (result != null)
        {
            command.Result = result;
        }

        Command = command;
        Title = title;
        Subtitle = subtitle;
    }

    public virtual IIconInfo? Icon
    {
        get => _icon;
        set
        {
            _icon = value;
            OnPropertyChanged(nameof(Icon));
        }
    }

    public virtual string Title
    {
        get => !string.IsNullOrEmpty(_title) ? _title : _command?.Name ?? string.Empty;
        set
        {
            _title = value;
            OnPropertyChanged(nameof(Title));
        }
    }

    public virtual string Subtitle
    {
        get => _subtitle;
        set
        {
            _subtitle = value;
            OnPropertyChanged(nameof(Subtitle));
        }
    }

    public virtual ICommand? Command
    {
        get => _command;
        set
        {
            _command = value;
            OnPropertyChanged(nameof(Command));
        }
    }

    public virtual IContextItem[] MoreCommands
    {
        get => _moreCommands;
        set
        {
            _moreCommands = value;
            OnPropertyChanged(nameof(MoreCommands));
        }
    }
}

public partial class ListItem : CommandItem, IListItem
{
    private ITag[] _tags = [];
    private IDetails? _details;
    private string _section = string.Empty;
    private string _textToSuggest = string.Empty;

    public ListItem(ICommand command)
        : base(command)
    {
    }

    public ListItem(ICommandItem command)
        : base(command)
    {
    }

    public ListItem()
        : base()
    {
    }

    public virtual ITag[] Tags
    {
        get => _tags;
        set
        {
            _tags = value;
            OnPropertyChanged(nameof(Tags));
        }
    }

    public virtual IDetails? Details
    {
        get => _details;
        set
        {
            _details = value;
            OnPropertyChanged(nameof(Details));
        }
    }

    public virtual string Section
    {
        get => _section;
        set
        {
            _section = value;
            OnPropertyChanged(nameof(Section));
        }
    }

    public virtual string TextToSuggest
    {
        get => _textToSuggest;
        set
        {
            _textToSuggest = value;
            OnPropertyChanged(nameof(TextToSuggest));
        }
    }
}

public partial class CommandContextItem : CommandItem, ICommandContextItem
{
    public CommandContextItem(ICommand command)
        : base(command)
    {
    }

    public virtual bool IsCritical { get; set; }

    public virtual KeyChord RequestedShortcut { get; set; }
}

public partial class Tag : BaseObservable, ITag
{
    public Tag()
    {
    }

    public Tag(string text) => Text = text;

    public virtual OptionalColor Foreground { get; set; }

    public virtual OptionalColor Background { get; set; }

    public virtual IIconInfo Icon { get; set; } = new IconInfo();

    public virtual string Text { get; set; } = string.Empty;

    public virtual string ToolTip { get; set; } = string.Empty;
}

public partial class Details : BaseObservable, IDetails
{
    public virtual IIconInfo HeroImage { get; set; } = new IconInfo();

    public virtual string Title { get; set; } = string.Empty;

    public virtual string Body { get; set; } = string.Empty;

    public virtual IDetailsElement[] Metadata { get; set; } = [];
}

public partial class DetailsElement : IDetailsElement
{
    public virtual string Key { get; set; } = string.Empty;

    public virtual IDetailsData? Data { get; set; }
}

public partial class DetailsTags : IDetailsTags
{
    public ITag[] Tags { get; set; } = [];
}

public partial class DetailsSeparator : IDetailsSeparator
{
}

public partial class IconInfo : IIconInfo
{
    public IconInfo(string? icon) => Dark = Light = new IconData(icon);

    public IconInfo(IconData light, IconData dark)
    {
        Light = light;
        Dark = dark;
    }

    internal IconInfo()
        : this(string.Empty)
    {
    }

    public virtual IconData Dark { get; set; }

    public virtual IconData Light { get; set; }

    IIconData IIconInfo.Dark => Dark;

    IIconData IIconInfo.Light => Light;
}

public partial class IconData : IIconData
{
    public IconData(string? icon) => Icon = icon;

    public IconData(Windows.Storage.Streams.IRandomAccessStreamReference data) => Data = data;

    public Windows.Storage.Streams.IRandomAccessStreamReference? Data { get; set; }

    public string? Icon { get; set; } = string.Empty;
}

public partial class KeyChordHelpers
{
    public static KeyChord FromModifiers(bool ctrl = false, bool alt = false, bool shift = false, bool win = false, int vkey = 0, int scanCode = 0)
    {
        var modifiers = (ctrl ? VirtualKeyModifiers.Control : VirtualKeyModifiers.None)
            | (alt ? VirtualKeyModifiers.Menu : VirtualKeyModifiers.None)
            | (shift ? VirtualKeyModifiers.Shift : VirtualKeyModifiers.None)
            | (win ? VirtualKeyModifiers.Windows : VirtualKeyModifiers.None);
        return new KeyChord(modifiers, vkey, scanCode);
    }

    public static KeyChord FromModifiers(bool ctrl = false, bool alt = false, bool shift = false, bool win = false, VirtualKey vkey = VirtualKey.None, int scanCode = 0) =>
        FromModifiers(ctrl, alt, shift, win, (int)vkey, scanCode);
}
