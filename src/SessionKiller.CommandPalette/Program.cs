using Microsoft.CommandPalette.Extensions.Toolkit;

namespace SessionKiller.CommandPalette;

public static class Program
{
    /// <summary>The argument CmdPal's package registration starts the exe with (Package.appxmanifest).</summary>
    public const string ComServerArgument = "-RegisterProcessAsComServer";

    /// <summary>Serves the extension's COM class until CmdPal disposes it; started any other way, it only says so.</summary>
    [MTAThread]
    public static int Main(string[] args)
    {
        if (args is not [ComServerArgument, ..])
        {
            Console.Error.WriteLine($"SessionKiller's Command Palette extension: the Command Palette starts it with {ComServerArgument}.");
            return 2;
        }

        using var disposed = new ManualResetEvent(false);
        using var extension = new SessionKillerExtension(disposed);
        using var server = new ExtensionServer();
        server.RegisterExtension(() => extension);
        disposed.WaitOne();
        return 0;
    }
}
