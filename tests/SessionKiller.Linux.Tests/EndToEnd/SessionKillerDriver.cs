using System.Globalization;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Audit;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Settings;

namespace SessionKiller.Linux.Tests.EndToEnd;

/// <summary>One row of <c>sessionkiller list --json</c>.</summary>
public sealed record ListedSession(
    string ServerName,
    int SessionId,
    string UserName,
    string DomainName,
    string State,
    string StationName,
    string ClientName,
    string ClientAddress,
    string? LogonTime,
    string? LastInputTime,
    long? IdleSeconds,
    bool IsCurrentSession,
    bool IsConsole);

/// <summary>What a command ended with: its exit code (the CLI's table) and what it printed.</summary>
public sealed record CommandResult(int ExitCode, string Output);

/// <summary>The commands the end-to-end tests give, as a person gives them to <c>sessionkiller</c>.</summary>
public interface ISessionKillerDriver
{
    Task<(CommandResult Result, IReadOnlyList<ListedSession> Sessions)> ListAsync();

    Task<CommandResult> LogOffAsync(string target, string? expectUser = null, string? expectLogon = null);

    Task<CommandResult> MessageAsync(string target, string text);
}

/// <summary>
/// The CLI's path through Core, in this process: the backend, the exact-target rule and the action runner
/// with its identity check. Stands in until the CLI's Linux backend is on main.
/// </summary>
public sealed class InProcessDriver : ISessionKillerDriver, IDisposable
{
    private readonly LinuxSessionBackend _backend = new();
    private readonly string _auditLog = Path.Combine(Path.GetTempPath(), $"sk-audit-{Guid.NewGuid():N}.jsonl");

    public async Task<(CommandResult Result, IReadOnlyList<ListedSession> Sessions)> ListAsync()
    {
        var read = await _backend.EnumerateSessionsAsync(ServerNames.Local, CancellationToken.None);
        if (!read.IsSuccess)
        {
            return (new CommandResult(ExitCodeOf(read.Failure!.Kind), read.Failure.ToString()), []);
        }

        var rows = read.Value!.Where(session => !session.IsSystemSession).Select(ToRow).ToList();
        return (new CommandResult(0, string.Join('\n', rows)), rows);
    }

    public Task<CommandResult> LogOffAsync(string target, string? expectUser = null, string? expectLogon = null) =>
        RunAsync(SessionAction.LogOff, target, expectUser, expectLogon, text: null);

    public Task<CommandResult> MessageAsync(string target, string text) =>
        RunAsync(SessionAction.SendMessage, target, null, null, text);

    public void Dispose() => File.Delete(_auditLog);

    private async Task<CommandResult> RunAsync(SessionAction action, string target, string? expectUser, string? expectLogon, string? text)
    {
        var read = await _backend.EnumerateSessionsAsync(ServerNames.Local, CancellationToken.None);
        if (!read.IsSuccess)
        {
            return new CommandResult(ExitCodeOf(read.Failure!.Kind), read.Failure.ToString());
        }

        var matches = read.Value!.Where(session => session.HasUser && string.Equals(session.UserName, target, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count != 1)
        {
            return new CommandResult(matches.Count == 0 ? 2 : 3, $"{matches.Count} sessions match {target}");
        }

        var session = matches[0];
        var identity = expectUser is null
            ? session.Identity
            : new SessionIdentity(ServerNames.Local, session.SessionId, "", expectUser, DateTimeOffset.Parse(expectLogon!, CultureInfo.InvariantCulture));
        var runner = new ActionRunner(_backend, new NeverAsked(), new JsonLinesAuditLog(_auditLog), new RunnerContext("root", SessionKillerSettings.Default));
        var outcome = await runner.RunAsync(new ActionRequest(action, identity) { Confirmed = true, MessageText = text });
        return new CommandResult(ExitCodeOf(outcome.Kind), outcome.Sentence);
    }

    private static ListedSession ToRow(SessionInfo session) => new(
        session.ServerName,
        session.SessionId,
        session.UserName,
        session.DomainName,
        session.State.ToString(),
        session.StationName,
        session.ClientName,
        session.ClientAddress,
        session.LogonTime?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        session.LastInputTime?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        session.IdleTime is { } idle ? (long)idle.TotalSeconds : null,
        session.IsCurrentSession,
        session.IsConsole);

    /// <summary>The CLI's exit codes.</summary>
    private static int ExitCodeOf(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Done => 0,
        OutcomeKind.Declined or OutcomeKind.NoAnswer or OutcomeKind.NobodyToAsk or OutcomeKind.Cancelled => 4,
        OutcomeKind.AccessDenied => 5,
        OutcomeKind.ServerUnavailable or OutcomeKind.TimedOut => 6,
        OutcomeKind.Changed or OutcomeKind.Gone => 7,
        OutcomeKind.NotSupported => 8,
        _ => 9,
    };

    private static int ExitCodeOf(FailureKind kind) => kind switch
    {
        FailureKind.AccessDenied => 5,
        FailureKind.ServerUnavailable or FailureKind.TimedOut => 6,
        FailureKind.SessionGone => 7,
        FailureKind.NotSupported => 8,
        _ => 9,
    };

    private sealed class NeverAsked : IConfirmationPrompt
    {
        public Task<bool> ConfirmAsync(Confirmation confirmation, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("--yes was given: nothing may be asked.");
    }
}
