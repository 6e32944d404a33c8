using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Audit;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Settings;

namespace SessionKiller.Core.Tests.Support;

/// <summary>An action runner over substituted ports that, unless a test says otherwise, all succeed.</summary>
internal sealed class RunnerHarness
{
    public const string Admin = @"CONTOSO\admin";

    public RunnerHarness(params SessionInfo[] sessions)
    {
        ServerReads(sessions);
        Backend.LogOffAsync(default!, default, default, default).ReturnsForAnyArgs(Task.FromResult(BackendResult.Success));
        Backend.DisconnectAsync(default!, default, default, default).ReturnsForAnyArgs(Task.FromResult(BackendResult.Success));
        Backend.SendMessageAsync(default!, default).ReturnsForAnyArgs(Task.FromResult(BackendResult<MessageAnswer>.Success(MessageAnswer.Yes)));
        Processes(new SessionProcess(100, "WINWORD.EXE"), new SessionProcess(101, "explorer.exe"), new SessionProcess(102, "EXCEL.EXE"));
        Prompt.ConfirmAsync(default!, default).ReturnsForAnyArgs(Task.FromResult(true));
        Audit.TryAppend(default!).ReturnsForAnyArgs(true);
    }

    public ISessionBackend Backend { get; } = Substitute.For<ISessionBackend>();

    public IConfirmationPrompt Prompt { get; } = Substitute.For<IConfirmationPrompt>();

    public IAuditLog Audit { get; } = Substitute.For<IAuditLog>();

    public IElevation? Elevation { get; set; }

    public SessionKillerSettings Settings { get; set; } = SessionKillerSettings.Default;

    public FakeTimeProvider Time { get; } = new(TestSessions.Now);

    public bool RunsElevated { get; set; }

    public ActionRunner Runner => new(Backend, Prompt, Audit, new RunnerContext(Admin, Settings) { Time = Time, Elevation = Elevation, RunsElevated = RunsElevated });

    /// <summary>Each read of the server returns the next list; the last one repeats.</summary>
    public void ServerReads(params IReadOnlyList<SessionInfo>[] reads)
    {
        var results = reads.Select(read => Task.FromResult(BackendResult<IReadOnlyList<SessionInfo>>.Success(read))).ToArray();
        Backend.EnumerateSessionsAsync(default!, default).ReturnsForAnyArgs(results[0], results[1..]);
    }

    public void ServerReadFails(BackendFailure failure) =>
        Backend.EnumerateSessionsAsync(default!, default).ReturnsForAnyArgs(Task.FromResult(BackendResult<IReadOnlyList<SessionInfo>>.Fail(failure)));

    public void Processes(params SessionProcess[] processes) =>
        Backend.ListProcessesAsync(default!, default, default).ReturnsForAnyArgs(Task.FromResult(BackendResult<IReadOnlyList<SessionProcess>>.Success(processes)));

    public void Answer(MessageAnswer answer) =>
        Backend.SendMessageAsync(default!, default).ReturnsForAnyArgs(Task.FromResult(BackendResult<MessageAnswer>.Success(answer)));

    public Task<ActionOutcome> Run(SessionAction action, SessionInfo target, Func<ActionRequest, ActionRequest>? adjust = null)
    {
        var request = new ActionRequest(action, target.Identity);
        return Runner.RunAsync(adjust is null ? request : adjust(request));
    }

    public int LogOffCalls => Backend.ReceivedCalls().Count(call => call.GetMethodInfo().Name == nameof(ISessionBackend.LogOffAsync));

    public int CallsTo(string method) => Backend.ReceivedCalls().Count(call => call.GetMethodInfo().Name == method);

    public AuditEntry? LastAudit => AuditEntries.Count == 0 ? null : AuditEntries[^1];

    public IReadOnlyList<AuditEntry> AuditEntries =>
        Audit.ReceivedCalls().Where(call => call.GetMethodInfo().Name == nameof(IAuditLog.TryAppend)).Select(call => (AuditEntry)call.GetArguments()[0]!).ToList();

    public Confirmation? LastConfirmation =>
        Prompt.ReceivedCalls().Select(call => call.GetArguments()[0]).OfType<Confirmation>().LastOrDefault();
}
