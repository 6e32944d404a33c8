using System.Text.Json;
using SessionKiller.Linux.Tests.Support;

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

/// <summary>What a command ended with: its exit code and what it printed on each stream.</summary>
public sealed record CommandResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}; out: {Output.Trim()}; err: {Error.Trim()}";
}

/// <summary>
/// The real <c>sessionkiller</c>, as a process: <c>dotnet sessionkiller.dll</c>, built with these tests.
/// Its audit log goes to a file of its own (SESSIONKILLER_AUDIT_LOG).
/// </summary>
public sealed class SessionKillerCli : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly string _program = Path.Combine(AppContext.BaseDirectory, "sessionkiller.dll");

    private readonly IReadOnlyList<string> _launcher;
    private readonly IReadOnlyDictionary<string, string> _environment;

    /// <param name="launcher">A command the CLI runs under (it ends with the program to run: dotnet), e.g. a private mount namespace.</param>
    /// <param name="environment">Variables set for the CLI besides its audit log.</param>
    public SessionKillerCli(IReadOnlyList<string>? launcher = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        _launcher = launcher ?? ["dotnet"];
        _environment = environment ?? new Dictionary<string, string>();
        Assert.True(File.Exists(_program), $"The CLI was not built beside the tests: {_program} is missing.");
    }

    public string AuditLogPath { get; } = Path.Combine(Path.GetTempPath(), $"sk-audit-{Guid.NewGuid():N}.jsonl");

    public CommandResult Run(params string[] arguments)
    {
        var environment = new Dictionary<string, string>(_environment) { ["SESSIONKILLER_AUDIT_LOG"] = AuditLogPath };
        var (exitCode, output, error) = Tools.Run(_launcher[0], [.. _launcher.Skip(1), _program, .. arguments], environment, CommandTimeout);
        return new CommandResult(exitCode, output, error);
    }

    public (CommandResult Result, IReadOnlyList<ListedSession> Sessions) List()
    {
        // --client: the tests check the login's host, which list leaves out unless asked.
        var result = Run("list", "--json", "--client");
        Assert.True(result.ExitCode == 0, $"sessionkiller list --json --client: {result}");
        return (result, JsonSerializer.Deserialize<List<ListedSession>>(result.Output, Json)!);
    }

    public CommandResult LogOff(string target, string? expectUser = null, string? expectLogon = null) =>
        expectUser is null
            ? Run("logoff", target, "--yes")
            : Run("logoff", target, "--yes", "--expect-user", expectUser, "--expect-logon", expectLogon!);

    public CommandResult Message(string target, string text) => Run("message", target, "--text", text);

    public void Dispose()
    {
        File.Delete(AuditLogPath);
        File.Delete(AuditLogPath + ".lock");
    }
}
