using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using SessionKiller.Cli;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Audit;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Tests.Support;

namespace SessionKiller.Cli.Tests.Support;

/// <summary>
/// Runs the whole CLI in-process against a substituted backend. Servers nobody set up are unreachable;
/// actions succeed unless a test says otherwise.
/// </summary>
internal sealed class CliHarness
{
    public const string Actor = @"CONTOSO\admin";

    public CliHarness()
    {
        Backend.EnumerateSessionsAsync(default!, default)
            .ReturnsForAnyArgs(BackendResult<IReadOnlyList<SessionInfo>>.Fail(BackendFailure.ServerUnavailable(1722, "The RPC server is unavailable.")));
        Backend.LogOffAsync(default!, default, default, default).ReturnsForAnyArgs(BackendResult.Success);
        Backend.DisconnectAsync(default!, default, default, default).ReturnsForAnyArgs(BackendResult.Success);
        Backend.SendMessageAsync(default!, default).ReturnsForAnyArgs(BackendResult<MessageAnswer>.Success(MessageAnswer.Ok));
        Backend.ListProcessesAsync(default!, default, default)
            .ReturnsForAnyArgs(BackendResult<IReadOnlyList<SessionProcess>>.Success([]));
        AuditLog.TryAppend(default!).ReturnsForAnyArgs(true);
        Time.SetUtcNow(TestSessions.Now);
        Time.SetLocalTimeZone(TimeZoneInfo.Utc);
    }

    public ISessionBackend Backend { get; } = Substitute.For<ISessionBackend>();

    public IConfirmationPrompt Prompt { get; } = Substitute.For<IConfirmationPrompt>();

    public IAuditLog AuditLog { get; } = Substitute.For<IAuditLog>();

    public FakeTimeProvider Time { get; } = new();

    public bool StdinIsInteractive { get; set; } = true;

    public bool RunsElevated { get; set; }

    /// <summary>Where install-helper copies from and to; null: nowhere real (a run that tries fails the test).</summary>
    public HelperInstallPlaces HelperInstall { get; set; } = new(null, "/nonexistent/Program Files", IsWindows: true);

    /// <summary>Null runs the CLI as on a system without a backend.</summary>
    public bool HasBackend { get; set; } = true;

    public CliHarness WithSessions(string server, params SessionInfo[] sessions)
    {
        Backend.EnumerateSessionsAsync(server, Arg.Any<CancellationToken>())
            .Returns(BackendResult<IReadOnlyList<SessionInfo>>.Success(sessions));
        return this;
    }

    public CliHarness Failing(string server, BackendFailure failure)
    {
        Backend.EnumerateSessionsAsync(server, Arg.Any<CancellationToken>())
            .Returns(BackendResult<IReadOnlyList<SessionInfo>>.Fail(failure));
        return this;
    }

    public CliHarness PromptAnswers(bool answer)
    {
        Prompt.ConfirmAsync(default!, default).ReturnsForAnyArgs(answer);
        return this;
    }

    public CliHarness UserAnswers(MessageAnswer answer)
    {
        Backend.SendMessageAsync(default!, default).ReturnsForAnyArgs(BackendResult<MessageAnswer>.Success(answer));
        return this;
    }

    public async Task<CliRun> RunAsync(params string[] args) => await RunAsync(args, CancellationToken.None);

    public async Task<CliRun> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var ports = new CliPorts(HasBackend ? Backend : null, Prompt, AuditLog, output, error)
        {
            StdinIsInteractive = StdinIsInteractive,
            Actor = Actor,
            Time = Time,
            RunsElevated = RunsElevated,
            HelperInstall = HelperInstall,
        };
        var exitCode = await new CliApp(ports).RunAsync(args, cancellationToken);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public Task<BackendResult> DidNotLogOff() =>
        Backend.DidNotReceiveWithAnyArgs().LogOffAsync(default!, default, default, default);
}

internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
