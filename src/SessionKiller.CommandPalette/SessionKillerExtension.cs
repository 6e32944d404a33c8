using System.Runtime.InteropServices;
using Microsoft.CommandPalette.Extensions;
using static SessionKiller.CommandPalette.ExtensionWall;

namespace SessionKiller.CommandPalette;

/// <summary>
/// The COM class CmdPal creates (Package.appxmanifest names its CLSID three times: the COM server, and
/// the app extension's CreateInstance). It hands out the one commands provider.
/// </summary>
[ComVisible(true)]
[Guid(ClassId)]
public sealed partial class SessionKillerExtension : IExtension, IDisposable
{
    /// <summary>Must equal the CLSID in Package.appxmanifest (a test checks all three).</summary>
    public const string ClassId = "5E3B0C57-9A4D-4C4B-9F1E-2B7D4A61C8E3";

    private readonly ManualResetEvent? disposed;
    private readonly Lazy<SessionKillerCommandsProvider> provider;

    public SessionKillerExtension(ManualResetEvent disposed)
        : this(ExtensionServices.ForThisComputer, disposed)
    {
    }

    internal SessionKillerExtension(Func<ExtensionServices> services, ManualResetEvent? disposed = null)
    {
        this.disposed = disposed;
        provider = new Lazy<SessionKillerCommandsProvider>(() => new SessionKillerCommandsProvider(services()), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public object? GetProvider(ProviderType providerType) =>
        Wall.Run(() => providerType == ProviderType.Commands ? provider.Value : null, () => null);

    public void Dispose()
    {
        if (provider.IsValueCreated)
        {
            provider.Value.Shutdown();
        }

        Wall.Run(() => disposed?.Set());
    }
}
