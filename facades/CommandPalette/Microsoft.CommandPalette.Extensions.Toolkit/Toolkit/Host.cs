// Stand-ins for the Toolkit's ExtensionHost, StatusMessage, ProgressState, ToastStatusMessage, LogMessage,
// ExtensionServer and Utilities (same names, members and behaviour; COM registration and the known-folder
// lookup are Windows-only and not reached here).
namespace Microsoft.CommandPalette.Extensions.Toolkit;

public partial class ExtensionHost
{
    public static IExtensionHost? Host { get; private set; }

    public static void Initialize(IExtensionHost host) => Host = host;

    public static void LogMessage(ILogMessage message)
    {
        if (Host != null)
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await Host.LogMessage(message);
                }
                catch (Exception)
                {
                }
            });
        }
    }

    public static void LogMessage(string message) => LogMessage(new LogMessage { Message = message });

    public static void ShowStatus(IStatusMessage message, StatusContext context)
    {
        if (Host != null)
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await Host.ShowStatus(message, context);
                }
                catch (Exception)
                {
                }
            });
        }
    }

    public static void HideStatus(IStatusMessage message)
    {
        if (Host != null)
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await Host.HideStatus(message);
                }
                catch (Exception)
                {
                }
            });
        }
    }
}

public partial class StatusMessage : BaseObservable, IStatusMessage
{
    public virtual string Message { get; set; } = string.Empty;

    public virtual MessageState State { get; set; } = MessageState.Info;

    public virtual IProgressState? Progress { get; set; }
}

public partial class ProgressState : BaseObservable, IProgressState
{
    public virtual bool IsIndeterminate { get; set; }

    public virtual uint ProgressPercent { get; set; }
}

public partial class ToastStatusMessage
{
    private readonly Lock _showLock = new();
    private bool _shown;

    public ToastStatusMessage(StatusMessage message) => Message = message;

    public ToastStatusMessage(string text) => Message = new StatusMessage { Message = text };

    public virtual StatusMessage Message { get; init; }

    public virtual int Duration { get; init; } = 2500;

    public void Show()
    {
        lock (_showLock)
        {
            if (!_shown)
            {
                ExtensionHost.ShowStatus(Message, StatusContext.Extension);
                _ = Task.Run(() =>
                {
                    Thread.Sleep(Duration);
                    lock (_showLock)
                    {
                        _shown = false;
                        ExtensionHost.HideStatus(Message);
                    }
                });
                _shown = true;
            }
        }
    }
}

public partial class LogMessage : BaseObservable, ILogMessage
{
    public LogMessage(string message = "") => Message = message;

    public string Message { get; set; }

    public MessageState State { get; set; } = MessageState.Info;
}

public sealed partial class ExtensionServer : IDisposable
{
    public void RegisterExtension<T>(Func<T> createExtension, bool restrictToMicrosoftExtensionHosts = false)
        where T : IExtension =>
        throw new PlatformNotSupportedException("COM registration is Windows-only; this facade only compiles against it.");

    public void Run() => Console.ReadLine();

    public void Dispose()
    {
    }
}

public class Utilities
{
    public static string BaseSettingsPath(string settingsFolderName) =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), settingsFolderName);
}
