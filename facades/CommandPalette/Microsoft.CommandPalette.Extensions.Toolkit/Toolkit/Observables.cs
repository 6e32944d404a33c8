// Stand-ins for the Toolkit's BaseObservable, PropChangedEventArgs, ItemsChangedEventArgs (same names, members and behaviour).
using Windows.Foundation;

namespace Microsoft.CommandPalette.Extensions.Toolkit;

public partial class BaseObservable : INotifyPropChanged
{
    public event TypedEventHandler<object, IPropChangedEventArgs>? PropChanged;

    protected void OnPropertyChanged(string propertyName)
    {
        try
        {
            PropChanged?.Invoke(this, new PropChangedEventArgs(propertyName));
        }
        catch
        {
        }
    }
}

public partial class PropChangedEventArgs : IPropChangedEventArgs
{
    public PropChangedEventArgs(string propertyName) => PropertyName = propertyName;

    public string PropertyName { get; private set; }
}

public partial class ItemsChangedEventArgs : IItemsChangedEventArgs
{
    public ItemsChangedEventArgs(int totalItems = -1) => TotalItems = totalItems;

    public int TotalItems { get; protected set; }
}
