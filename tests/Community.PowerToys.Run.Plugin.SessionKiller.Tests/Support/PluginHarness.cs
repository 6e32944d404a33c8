using System.Collections.Concurrent;
using System.Threading.Channels;
using Community.PowerToys.Run.Plugin.SessionKiller.Clipboard;
using ManagedCommon;
using Microsoft.Extensions.Time.Testing;
using Microsoft.PowerToys.Settings.UI.Library;
using NSubstitute;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Audit;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Tests.Support;
using Wox.Plugin;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Tests.Support;

/// <summary>The plugin with every outside part substituted: backend, prompt, elevation, audit, clipboard, clock, PowerToys.</summary>
internal sealed class PluginHarness : IDisposable
{
    public const string Actor = @"CONTOSO\admin";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, BackendResult<IReadOnlyList<SessionInfo>>> servers = new(ServerNames.Comparer);
    private readonly Channel<(string Text, string? Detail)> notifications = Channel.CreateUnbounded<(string, string?)>();

    /// <param name="adjust">Replaces parts of the services before the plugin is made (to inject a failure).</param>
    public PluginHarness(TimeProvider? time = null, Func<PluginServices, PluginServices>? adjust = null)
    {
        Time = time ?? new FakeTimeProvider(TestSessions.Now);
        Backend.EnumerateSessionsAsync(Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(call => Task.FromResult(Read(call.ArgAt<string>(0))));
        Backend.ListProcessesAsync(Arg.Any<string>(), Arg.Any<int>(), Arg.Any<CancellationToken>())
            .Returns(BackendResult<IReadOnlyList<SessionProcess>>.Success([new SessionProcess(10, "WINWORD.EXE"), new SessionProcess(11, "explorer.exe")]));
        Backend.LogOffAsync(Arg.Any<string>(), Arg.Any<int>(), Arg.Any<bool>(), Arg.Any<CancellationToken>()).Returns(BackendResult.Success);
        Backend.DisconnectAsync(Arg.Any<string>(), Arg.Any<int>(), Arg.Any<bool>(), Arg.Any<CancellationToken>()).Returns(BackendResult.Success);
        Backend.SendMessageAsync(Arg.Any<MessageRequest>(), Arg.Any<CancellationToken>()).Returns(BackendResult<MessageAnswer>.Success(MessageAnswer.Yes));
        Prompt.ConfirmAsync(Arg.Any<Confirmation>(), Arg.Any<CancellationToken>()).Returns(true);
        AuditLog.TryAppend(Arg.Any<AuditEntry>()).Returns(true);
        Clipboard.TrySetText(Arg.Any<string>()).Returns(true);
        Api.GetCurrentTheme().Returns(Theme.Dark);
        Api.When(api => api.ShowNotification(Arg.Any<string>(), Arg.Any<string>()))
            .Do(call => notifications.Writer.TryWrite((call.ArgAt<string>(0), call.ArgAt<string>(1))));
        var services = new PluginServices(Backend, Prompt, Elevation, AuditLog, Clipboard, Time, () => Elevated, Actor);
        Main = new Main(adjust is null ? services : adjust(services));
    }

    public TimeProvider Time { get; }

    public FakeTimeProvider FakeTime => (FakeTimeProvider)Time;

    public ISessionBackend Backend { get; } = Substitute.For<ISessionBackend>();

    public IConfirmationPrompt Prompt { get; } = Substitute.For<IConfirmationPrompt>();

    public IElevation Elevation { get; } = Substitute.For<IElevation>();

    public IAuditLog AuditLog { get; } = Substitute.For<IAuditLog>();

    public IClipboard Clipboard { get; } = Substitute.For<IClipboard>();

    public IPublicAPI Api { get; } = Substitute.For<IPublicAPI>();

    public bool Elevated { get; set; }

    public Main Main { get; }

    /// <summary>What the server answers from now on.</summary>
    public PluginHarness Serve(string server, params SessionInfo[] sessions)
    {
        servers[server] = BackendResult<IReadOnlyList<SessionInfo>>.Success(sessions);
        return this;
    }

    public PluginHarness Fail(string server, BackendFailure failure)
    {
        servers[server] = failure;
        return this;
    }

    /// <summary>Configures the servers (none: this computer), initializes the plugin as PowerToys does and waits for the first read.</summary>
    public async Task<PluginHarness> StartAsync(params string[] serverNames)
    {
        if (serverNames.Length > 0)
        {
            Configure(options => options[Settings.SettingsMapper.Servers].TextValue = string.Join("\r", serverNames));
        }

        Main.Init(new PluginInitContext { API = Api });
        await Main.Catalog.RefreshAsync();
        return this;
    }

    /// <summary>Edits the options PowerToys shows, by key, and hands them back as PowerToys does after a change.</summary>
    public void Configure(Action<Dictionary<string, PluginAdditionalOption>> edit)
    {
        var options = Main.AdditionalOptions.ToDictionary(option => option.Key);
        edit(options);
        Main.UpdateSettings(new PowerLauncherPluginSettings { AdditionalOptions = options.Values.ToList() });
    }

    public List<Result> Query(string search = "") => Main.Query(new Query(("logoff " + search).TrimEnd(), "logoff"));

    public Result Only(string search) => Assert.Single(Query(search), result => result.ContextData is SessionInfo);

    public async Task<(string Text, string? Detail)> NextNotificationAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await notifications.Reader.ReadAsync(timeout.Token);
    }

    public bool HasNotification => notifications.Reader.TryPeek(out _);

    /// <summary>Waits until the server was read at least <paramref name="count"/> times.</summary>
    public Task WaitForReadsAsync(string server, int count) => EventuallyAsync(() => Reads(server) >= count);

    public static async Task EventuallyAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not come true in time.");
            await Task.Delay(10);
        }
    }

    public int Reads(string server) =>
        Backend.ReceivedCalls().Count(call => call.GetMethodInfo().Name == nameof(ISessionBackend.EnumerateSessionsAsync)
            && ServerNames.AreSame((string)call.GetArguments()[0]!, server));

    public void Dispose() => Main.Dispose();

    private BackendResult<IReadOnlyList<SessionInfo>> Read(string server) =>
        servers.TryGetValue(server, out var result) ? result : BackendResult<IReadOnlyList<SessionInfo>>.Success([]);
}
