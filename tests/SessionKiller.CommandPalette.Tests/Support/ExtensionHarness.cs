using System.Collections.Concurrent;
using Community.PowerToys.Run.Plugin.SessionKiller.Settings;
using Microsoft.CommandPalette.Extensions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using SessionKiller.CommandPalette.Pages;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Audit;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Tests.Support;

namespace SessionKiller.CommandPalette.Tests.Support;

/// <summary>The extension with every outside part substituted (backend, elevation, audit, clock, settings file), reached as CmdPal reaches it.</summary>
internal sealed class ExtensionHarness : IDisposable
{
    public const string Actor = @"CONTOSO\admin";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, BackendResult<IReadOnlyList<SessionInfo>>> servers = new(ServerNames.Comparer);
    private readonly string folder = Directory.CreateTempSubdirectory("sk-cmdpal-").FullName;

    public ExtensionHarness(Func<ExtensionServices, ExtensionServices>? adjust = null)
    {
        Backend.EnumerateSessionsAsync(Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(call => Task.FromResult(Read(call.ArgAt<string>(0))));
        Backend.ListProcessesAsync(Arg.Any<string>(), Arg.Any<int>(), Arg.Any<CancellationToken>())
            .Returns(BackendResult<IReadOnlyList<SessionProcess>>.Success([new SessionProcess(10, "WINWORD.EXE"), new SessionProcess(11, "explorer.exe")]));
        Backend.LogOffAsync(Arg.Any<string>(), Arg.Any<int>(), Arg.Any<bool>(), Arg.Any<CancellationToken>()).Returns(BackendResult.Success);
        Backend.DisconnectAsync(Arg.Any<string>(), Arg.Any<int>(), Arg.Any<bool>(), Arg.Any<CancellationToken>()).Returns(BackendResult.Success);
        Backend.SendMessageAsync(Arg.Any<MessageRequest>(), Arg.Any<CancellationToken>()).Returns(BackendResult<MessageAnswer>.Success(MessageAnswer.Yes));
        AuditLog.TryAppend(Arg.Any<AuditEntry>()).Returns(true);
        var services = new ExtensionServices(Backend, Elevation, AuditLog, Time, () => Elevated, Actor, SettingsPath);
        Extension = new SessionKillerExtension(() => adjust is null ? services : adjust(services));
    }

    public FakeTimeProvider Time { get; } = new(TestSessions.Now);

    public ISessionBackend Backend { get; } = Substitute.For<ISessionBackend>();

    public IElevation Elevation { get; } = Substitute.For<IElevation>();

    public IAuditLog AuditLog { get; } = Substitute.For<IAuditLog>();

    public RecordingHost Host { get; } = new();

    public bool Elevated { get; set; }

    public string SettingsPath => Path.Combine(folder, "settings.json");

    public SessionKillerExtension Extension { get; }

    public SessionKillerCommandsProvider Provider { get; private set; } = null!;

    public IDynamicListPage Page { get; private set; } = null!;

    public ExtensionHarness Serve(string server, params SessionInfo[] sessions)
    {
        servers[server] = BackendResult<IReadOnlyList<SessionInfo>>.Success(sessions);
        return this;
    }

    public ExtensionHarness Fail(string server, BackendFailure failure)
    {
        servers[server] = failure;
        return this;
    }

    /// <summary>As CmdPal loads an extension: the provider, the host, the top-level command's page; then waits for the first read.</summary>
    public async Task<ExtensionHarness> StartAsync(params string[] serverNames)
    {
        if (serverNames.Length > 0)
        {
            File.WriteAllText(SettingsPath, $$"""{ "sessionKiller.Servers": "{{string.Join("\\n", serverNames)}}" }""");
        }

        Provider = (SessionKillerCommandsProvider)Extension.GetProvider(ProviderType.Commands)!;
        ((ICommandProvider)Provider).InitializeWithHost(Host);
        Page = (IDynamicListPage)Assert.Single(((ICommandProvider)Provider).TopLevelCommands()).Command;
        await Provider.Catalog.RefreshAsync();
        return this;
    }

    public void Configure(Func<PluginSettings, PluginSettings> change)
    {
        Provider.SettingsManager.Write(change(Provider.CurrentSettings));
        Provider.ApplySettings();
    }

    /// <summary>Types into CmdPal's search box and reads the items, as CmdPal does after ItemsChanged.</summary>
    public IListItem[] Search(string text)
    {
        Page.SearchText = text;
        return Page.GetItems();
    }

    public IListItem Only(string text) => Assert.Single(Search(text), item => item.Command is IInvokableCommand && item.MoreCommands.Length > 0);

    public static ICommandResult Invoke(ICommand command) => Assert.IsAssignableFrom<IInvokableCommand>(command).Invoke(null);

    public static async Task EventuallyAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not come true in time.");
            await Task.Delay(10);
        }
    }

    public void Dispose()
    {
        Extension.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private BackendResult<IReadOnlyList<SessionInfo>> Read(string server) =>
        servers.TryGetValue(server, out var result) ? result : BackendResult<IReadOnlyList<SessionInfo>>.Success([]);
}
