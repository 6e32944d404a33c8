using Community.PowerToys.Run.Plugin.SessionKiller.Results;
using Microsoft.CommandPalette.Extensions;
using Microsoft.CommandPalette.Extensions.Toolkit;
using SessionKiller.CommandPalette.Properties;
using static SessionKiller.CommandPalette.ExtensionWall;

namespace SessionKiller.CommandPalette.Commands;

/// <summary>A command whose invocation is a function of the extension, behind the guard: CmdPal never sees an exception.</summary>
internal sealed partial class FlowCommand : InvokableCommand
{
    private readonly Func<ICommandResult> invoke;

    public FlowCommand(string name, Func<ICommandResult> invoke, string? id = null)
    {
        Name = name;
        this.invoke = invoke;
        if (id is not null)
        {
            Id = id;
        }
    }

    public override ICommandResult Invoke() =>
        Wall.Run(invoke, () => CommandResult.ShowToast(new ToastArgs
        {
            Message = Words.Format(Resources.Command_Failed, Name),
            Result = CommandResult.KeepOpen(),
        }));
}
