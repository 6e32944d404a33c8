using Microsoft.CommandPalette.Extensions;
using SessionKiller.CommandPalette;
using Windows.Foundation;

// Usage: cmdpalhost <search text>. Prints one line per thing CmdPal would show, then exits 0; 1 when a step
// did not give what CmdPal expects.
Console.OutputEncoding = System.Text.Encoding.UTF8;
var search = args.Length > 0 ? args[0] : "";
using var disposed = new ManualResetEvent(false);
using var extension = new SessionKillerExtension(disposed);
var host = new PrintingHost();

if (((IExtension)extension).GetProvider(ProviderType.Commands) is not ICommandProvider provider)
{
    return Fail("no commands provider");
}

provider.InitializeWithHost(host);
var top = provider.TopLevelCommands().FirstOrDefault();
if (top?.Command is not IDynamicListPage page)
{
    return Fail("the top-level command is not a dynamic list page");
}

Console.WriteLine($"command: {top.Title} [{page.Id}]");
var changed = new SemaphoreSlim(0);
page.ItemsChanged += (_, _) => changed.Release();
page.SearchText = search;

// CmdPal asks for the items again whenever the page says they changed; the first read may still be under way.
var deadline = DateTime.UtcNow.AddSeconds(20);
IListItem[] items;
while ((items = page.GetItems()).All(item => item.MoreCommands.Length == 0) && DateTime.UtcNow < deadline)
{
    changed.Wait(TimeSpan.FromMilliseconds(200));
}

foreach (var item in items)
{
    Console.WriteLine($"item: {item.Title} | {item.Subtitle}");
}

var session = items.FirstOrDefault(item => item.MoreCommands.Length > 0);
if (session?.Command is not IInvokableCommand signOut)
{
    return Fail("no session item to invoke");
}

var result = signOut.Invoke(null);
Console.WriteLine($"result: {result.Kind}");
if (result.Kind == CommandResultKind.Confirm && result.Args is IConfirmationArgs confirm)
{
    Console.WriteLine($"confirm: {confirm.Title} (critical: {confirm.IsPrimaryCommandCritical})");
    Console.WriteLine($"description: {confirm.Description.ReplaceLineEndings(" / ")}");
    if (confirm.PrimaryCommand is not IInvokableCommand primary)
    {
        return Fail("the confirmation has no primary command");
    }

    result = primary.Invoke(null);
    Console.WriteLine($"result: {result.Kind}");
}

if (result.Args is IToastArgs toast)
{
    Console.WriteLine($"toast: {toast.Message}");
}

((IExtension)extension).Dispose();
return 0;

static int Fail(string why)
{
    Console.WriteLine($"error: {why}");
    return 1;
}

/// <summary>CmdPal's side of the host interface: prints the status messages and log lines it is sent.</summary>
internal sealed class PrintingHost : IExtensionHost
{
    public IAsyncAction ShowStatus(IStatusMessage message, StatusContext context)
    {
        Console.WriteLine($"status: {message.Message}");
        return Task.CompletedTask.AsAsyncAction();
    }

    public IAsyncAction HideStatus(IStatusMessage message) => Task.CompletedTask.AsAsyncAction();

    public IAsyncAction LogMessage(ILogMessage message)
    {
        Console.WriteLine($"log: {message.Message}");
        return Task.CompletedTask.AsAsyncAction();
    }
}
