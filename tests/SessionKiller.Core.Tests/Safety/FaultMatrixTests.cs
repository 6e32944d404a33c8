using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Catalog;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Settings;
using SessionKiller.Core.Tests.Support;

namespace SessionKiller.Core.Tests.Safety;

/// <summary>
/// Every operation crossed with every failure Windows reports (as the Wts backend types them): the
/// right outcome, a sentence, an audit line, never an exception, and the other servers still served.
/// </summary>
public class FaultMatrixTests
{
    public enum Operation
    {
        Enumerate,
        LogOff,
        Disconnect,
        Message,
        AskFirst,
        Processes,
    }

    /// <summary>Win32 codes and the failure kind the Wts backend reports for each (tested there).</summary>
    public static readonly (int Code, FailureKind Kind)[] Failures =
    [
        (5, FailureKind.AccessDenied),
        (1722, FailureKind.ServerUnavailable),
        (1726, FailureKind.ServerUnavailable),
        (53, FailureKind.ServerUnavailable),
        (7022, FailureKind.SessionGone),
        (2, FailureKind.SessionGone),
        (50, FailureKind.NotSupported),
        (1460, FailureKind.TimedOut),
        (87, FailureKind.Failed),
        (424242, FailureKind.Failed),
    ];

    public static TheoryData<Operation, int, FailureKind> Matrix()
    {
        var data = new TheoryData<Operation, int, FailureKind>();
        foreach (var operation in Enum.GetValues<Operation>())
        {
            foreach (var (code, kind) in Failures)
            {
                data.Add(operation, code, kind);
            }
        }

        return data;
    }

    private static readonly SessionInfo Bob = TestSessions.User("bob", id: 3);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_failure_of_each_operation_ends_in_its_typed_outcome_with_a_sentence_and_an_audit_line(Operation operation, int code, FailureKind kind)
    {
        var failure = new BackendFailure(kind, code, $"System text for {code}.");
        var harness = new RunnerHarness(Bob) { Settings = SessionKillerSettings.Default with { OnNoAnswer = TimeoutPolicy.LogOff } };
        var action = operation switch
        {
            Operation.Disconnect => SessionAction.Disconnect,
            Operation.Message => SessionAction.SendMessage,
            Operation.AskFirst => SessionAction.AskFirst,
            _ => SessionAction.LogOff,
        };
        switch (operation)
        {
            case Operation.Enumerate:
                harness.ServerReadFails(failure);
                break;
            case Operation.LogOff:
                harness.Backend.LogOffAsync(default!, default, default, default).ReturnsForAnyArgs(Task.FromResult(new BackendResult(failure)));
                break;
            case Operation.Disconnect:
                harness.Backend.DisconnectAsync(default!, default, default, default).ReturnsForAnyArgs(Task.FromResult(new BackendResult(failure)));
                break;
            case Operation.Processes:
                harness.Backend.ListProcessesAsync(default!, default, default).ReturnsForAnyArgs(Task.FromResult(BackendResult<IReadOnlyList<SessionProcess>>.Fail(failure)));
                break;
            default:
                harness.Backend.SendMessageAsync(default!, default).ReturnsForAnyArgs(Task.FromResult(BackendResult<MessageAnswer>.Fail(failure)));
                break;
        }

        var outcome = await harness.Run(action, Bob, request => request with { MessageText = "hello" });

        if (operation == Operation.Processes)
        {
            // Not knowing the open applications is said in the confirmation; it does not stop the action.
            Assert.Equal(OutcomeKind.Done, outcome.Kind);
            Assert.Contains($"System text for {code}", harness.LastConfirmation!.Text, StringComparison.Ordinal);
        }
        else
        {
            // An action the server did not answer in time may still happen; a read that timed out did nothing.
            var acts = operation is Operation.LogOff or Operation.Disconnect or Operation.Message or Operation.AskFirst;
            Assert.Equal(kind == FailureKind.TimedOut && acts ? OutcomeKind.Unknown : OutcomeKinds.From(kind), outcome.Kind);
            Assert.Equal(failure, outcome.Failure);
            if (operation != Operation.LogOff)
            {
                // A failed read, question or other action never goes on to sign anyone out.
                Assert.Equal(0, harness.LogOffCalls);
            }
        }

        Assert.False(string.IsNullOrWhiteSpace(outcome.Sentence));
        Assert.EndsWith(".", outcome.Sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", outcome.Sentence, StringComparison.Ordinal);
        if (kind is FailureKind.Failed or FailureKind.ServerUnavailable or FailureKind.NotSupported or FailureKind.TimedOut && operation != Operation.Processes)
        {
            Assert.Contains($"error {code}", outcome.Sentence, StringComparison.Ordinal);
        }

        Assert.Equal(outcome.Kind, harness.LastAudit!.Outcome);
    }

    [Theory]
    [MemberData(nameof(EnumerateFailures))]
    public async Task A_server_failing_with_any_code_leaves_the_catalog_serving_the_others(int code, FailureKind kind)
    {
        var backend = Substitute.For<ISessionBackend>();
        backend.EnumerateSessionsAsync("RDS01", Arg.Any<CancellationToken>()).Returns(Task.FromResult(BackendResult<IReadOnlyList<SessionInfo>>.Fail(new BackendFailure(kind, code, "System text."))));
        backend.EnumerateSessionsAsync("RDS02", Arg.Any<CancellationToken>()).Returns(Task.FromResult(BackendResult<IReadOnlyList<SessionInfo>>.Success([TestSessions.User("carol", server: "RDS02")])));
        using var catalog = new SessionCatalog(backend, new FakeTimeProvider(TestSessions.Now));
        catalog.Configure(SessionKillerSettings.Default with { Servers = ["RDS01", "RDS02"] });

        await catalog.RefreshAsync();

        Assert.Equal(["carol"], catalog.Current.Sessions.Select(session => session.UserName));
        var failed = catalog.Current.Servers.Single(server => server.ServerName == "RDS01");
        Assert.True(failed.IsStale);
        Assert.Equal(code, failed.Failure!.Code);
    }

    public static TheoryData<int, FailureKind> EnumerateFailures()
    {
        var data = new TheoryData<int, FailureKind>();
        foreach (var (code, kind) in Failures)
        {
            data.Add(code, kind);
        }

        return data;
    }
}
