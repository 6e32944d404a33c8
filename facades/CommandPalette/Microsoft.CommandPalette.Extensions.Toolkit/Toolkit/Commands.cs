// Stand-ins for the Toolkit's Command, InvokableCommand, NoOpCommand, AnonymousCommand, CopyTextCommand,
// CommandResult, ConfirmationArgs, ToastArgs, GoToPageArgs (same names, members and behaviour; the
// clipboard is Windows-only and not reached here).
namespace Microsoft.CommandPalette.Extensions.Toolkit;

public partial class Command : BaseObservable, ICommand
{
    private string _name = string.Empty;
    private IconInfo _icon = new();

    public virtual string Name
    {
        get => _name;
        set
        {
            _name = value;
            OnPropertyChanged(nameof(Name));
        }
    }

    public virtual string Id { get; protected set; } = string.Empty;

    public virtual IconInfo Icon
    {
        get => _icon;
        set
        {
            _icon = value;
            OnPropertyChanged(nameof(Icon));
        }
    }

    IIconInfo ICommand.Icon => Icon;
}

public abstract partial class InvokableCommand : Command, IInvokableCommand
{
    public virtual ICommandResult Invoke() => CommandResult.KeepOpen();

    public virtual ICommandResult Invoke(object? sender) => Invoke();
}

public partial class NoOpCommand : InvokableCommand
{
    public override ICommandResult Invoke() => CommandResult.KeepOpen();
}

public sealed partial class AnonymousCommand : InvokableCommand
{
    private readonly Action? _action;

    public AnonymousCommand(Action? action)
    {
        Name = "Invoke";
        _action = action;
    }

    public ICommandResult Result { get; set; } = CommandResult.Dismiss();

    public override ICommandResult Invoke()
    {
        _action?.Invoke();
        return Result;
    }
}

public partial class CopyTextCommand : InvokableCommand
{
    public CopyTextCommand(string text)
    {
        Text = text;
        Name = "Copy";
        Icon = new IconInfo("\uE8C8");
    }

    public virtual string Text { get; set; }

    public virtual CommandResult Result { get; set; } = CommandResult.ShowToast("Copied to clipboard");

    public override ICommandResult Invoke() => throw new PlatformNotSupportedException("The clipboard is Windows-only; this facade only compiles against it.");
}

public partial class CommandResult : ICommandResult
{
    public ICommandResultArgs? Args { get; private set; }

    public CommandResultKind Kind { get; private set; } = CommandResultKind.Dismiss;

    public static CommandResult Dismiss() => new() { Kind = CommandResultKind.Dismiss };

    public static CommandResult GoHome() => new() { Kind = CommandResultKind.GoHome };

    public static CommandResult GoBack() => new() { Kind = CommandResultKind.GoBack };

    public static CommandResult Hide() => new() { Kind = CommandResultKind.Hide };

    public static CommandResult KeepOpen() => new() { Kind = CommandResultKind.KeepOpen };

    public static CommandResult GoToPage(GoToPageArgs args) => new() { Kind = CommandResultKind.GoToPage, Args = args };

    public static CommandResult ShowToast(ToastArgs args) => new() { Kind = CommandResultKind.ShowToast, Args = args };

    public static CommandResult ShowToast(string message) => new() { Kind = CommandResultKind.ShowToast, Args = new ToastArgs { Message = message } };

    public static CommandResult Confirm(ConfirmationArgs args) => new() { Kind = CommandResultKind.Confirm, Args = args };
}

public partial class ConfirmationArgs : IConfirmationArgs
{
    public virtual string? Title { get; set; }

    public virtual string? Description { get; set; }

    public virtual ICommand? PrimaryCommand { get; set; }

    public virtual bool IsPrimaryCommandCritical { get; set; }
}

public partial class ToastArgs : IToastArgs
{
    public string? Message { get; set; }

    public ICommandResult? Result { get; set; } = CommandResult.Dismiss();
}

public partial class GoToPageArgs : IGoToPageArgs
{
    public required string PageId { get; set; }

    public NavigationMode NavigationMode { get; set; } = NavigationMode.Push;
}
