// Stand-ins for the Toolkit's Page, ListPage, DynamicListPage, CommandProvider (same names, members and behaviour).
using Windows.Foundation;

namespace Microsoft.CommandPalette.Extensions.Toolkit;

public partial class Page : Command, IPage
{
    private bool _loading;
    private string _title = string.Empty;
    private OptionalColor _accentColor;

    public virtual bool IsLoading
    {
        get => _loading;
        set
        {
            _loading = value;
            OnPropertyChanged(nameof(IsLoading));
        }
    }

    public virtual string Title
    {
        get => _title;
        set
        {
            _title = value;
            OnPropertyChanged(nameof(Title));
        }
    }

    public virtual OptionalColor AccentColor
    {
        get => _accentColor;
        set
        {
            _accentColor = value;
            OnPropertyChanged(nameof(AccentColor));
        }
    }
}

public partial class ListPage : Page, IListPage
{
    private string _placeholderText = string.Empty;
    private string _searchText = string.Empty;
    private bool _showDetails;
    private bool _hasMore;
    private IFilters? _filters;
    private IGridProperties? _gridProperties;
    private ICommandItem? _emptyContent;

    public event TypedEventHandler<object, IItemsChangedEventArgs>? ItemsChanged;

    public virtual string PlaceholderText
    {
        get => _placeholderText;
        set
        {
            _placeholderText = value;
            OnPropertyChanged(nameof(PlaceholderText));
        }
    }

    public virtual string SearchText
    {
        get => _searchText;
        set
        {
            _searchText = value;
            OnPropertyChanged(nameof(SearchText));
        }
    }

    public virtual bool ShowDetails
    {
        get => _showDetails;
        set
        {
            _showDetails = value;
            OnPropertyChanged(nameof(ShowDetails));
        }
    }

    public virtual bool HasMoreItems
    {
        get => _hasMore;
        set
        {
            _hasMore = value;
            OnPropertyChanged(nameof(HasMoreItems));
        }
    }

    public virtual IFilters? Filters
    {
        get => _filters;
        set
        {
            _filters = value;
            OnPropertyChanged(nameof(Filters));
        }
    }

    public virtual IGridProperties? GridProperties
    {
        get => _gridProperties;
        set
        {
            _gridProperties = value;
            OnPropertyChanged(nameof(GridProperties));
        }
    }

    public virtual ICommandItem? EmptyContent
    {
        get => _emptyContent;
        set
        {
            _emptyContent = value;
            OnPropertyChanged(nameof(EmptyContent));
        }
    }

    public virtual IListItem[] GetItems() => [];

    public virtual void LoadMore()
    {
    }

    protected void RaiseItemsChanged(int totalItems = -1)
    {
        try
        {
            ItemsChanged?.Invoke(this, new ItemsChangedEventArgs(totalItems));
        }
        catch
        {
        }
    }
}

public abstract class DynamicListPage : ListPage, IDynamicListPage
{
    public override string SearchText
    {
        get => base.SearchText;
        set
        {
            var oldSearch = base.SearchText;
            base.SearchText = value;
            UpdateSearchText(oldSearch, value);
        }
    }

    public abstract void UpdateSearchText(string oldSearch, string newSearch);
}

public abstract partial class CommandProvider : ICommandProvider
{
    public event TypedEventHandler<object, IItemsChangedEventArgs>? ItemsChanged;

    public virtual string Id { get; protected set; } = string.Empty;

    public virtual string DisplayName { get; protected set; } = string.Empty;

    public virtual IconInfo Icon { get; protected set; } = new IconInfo();

    public virtual ICommandSettings? Settings { get; protected set; }

    public virtual bool Frozen { get; protected set; } = true;

    IIconInfo ICommandProvider.Icon => Icon;

    public abstract ICommandItem[] TopLevelCommands();

    public virtual IFallbackCommandItem[]? FallbackCommands() => null;

    public virtual ICommand? GetCommand(string id) => null;

    public virtual void InitializeWithHost(IExtensionHost host) => ExtensionHost.Initialize(host);

    public void Dispose()
    {
    }

    protected void RaiseItemsChanged(int totalItems = -1)
    {
        try
        {
            ItemsChanged?.Invoke(this, new ItemsChangedEventArgs(totalItems));
        }
        catch
        {
        }
    }
}
