using System.Collections.Concurrent;
using Microsoft.CommandPalette.Extensions;
using Windows.Foundation;

namespace SessionKiller.CommandPalette.Tests.Support;

/// <summary>CmdPal's side of IExtensionHost: records the status messages (toasts among them) and log lines it is sent.</summary>
internal sealed class RecordingHost : IExtensionHost
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public ConcurrentQueue<IStatusMessage> Shown { get; } = new();

    public ConcurrentQueue<IStatusMessage> Hidden { get; } = new();

    public ConcurrentQueue<ILogMessage> Logged { get; } = new();

    public IAsyncAction ShowStatus(IStatusMessage message, StatusContext context)
    {
        Shown.Enqueue(message);
        return Task.CompletedTask.AsAsyncAction();
    }

    public IAsyncAction HideStatus(IStatusMessage message)
    {
        Hidden.Enqueue(message);
        return Task.CompletedTask.AsAsyncAction();
    }

    public IAsyncAction LogMessage(ILogMessage message)
    {
        Logged.Enqueue(message);
        return Task.CompletedTask.AsAsyncAction();
    }

    /// <summary>Waits for a status message whose text satisfies <paramref name="match"/>.</summary>
    public async Task<IStatusMessage> ShownAsync(Func<string, bool> match)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (Shown.FirstOrDefault(message => match(message.Message)) is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, "No such status message was shown: " + string.Join(" | ", Shown.Select(m => m.Message)) + " / logged: " + string.Join(" | ", Logged.Select(m => m.Message)));
            await Task.Delay(10);
        }
    }
}
