using System.Diagnostics;
using System.Globalization;
using SessionKiller.Linux.Processes;
using SessionKiller.Linux.Tests.Support;
using SessionKiller.Linux.Utmp;
using Xunit.Abstractions;

namespace SessionKiller.Linux.Tests.EndToEnd;

/// <summary>
/// A real login over a real sshd, handled as an administrator would: list it, message it, log it off, and
/// see the identity check refuse a login that replaced the one listed.
/// </summary>
public sealed class SshLoginEndToEndTests : IClassFixture<SshLabFixture>, IDisposable
{
    private static readonly TimeSpan LoginTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromSeconds(10);

    private readonly SshLab _lab;
    private readonly SessionKillerCli _sessionKiller;
    private readonly ITestOutputHelper _output;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public SshLoginEndToEndTests(SshLabFixture fixture, ITestOutputHelper output)
    {
        _lab = fixture.Lab;
        _output = output;
        _sessionKiller = new SessionKillerCli();
    }

    public void Dispose()
    {
        _sessionKiller.Dispose();
        _output.WriteLine($"took {_clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task List_shows_the_login_with_its_terminal_and_host()
    {
        using var login = _lab.Login();
        var terminal = login.AskTerminal(LoginTimeout);

        var row = await ListedLoginAsync(terminal);

        Assert.Equal(terminal, row.StationName);
        Assert.Equal("127.0.0.1", row.ClientName);
        Assert.Equal("127.0.0.1", row.ClientAddress);
        Assert.Equal("localhost", row.ServerName);
        Assert.Equal("", row.DomainName);
        Assert.Equal("Active", row.State);
        Assert.False(row.IsCurrentSession);
        Assert.False(row.IsConsole);
        Assert.NotNull(row.LogonTime);
        var logon = DateTimeOffset.Parse(row.LogonTime, CultureInfo.InvariantCulture);
        Assert.InRange(logon, DateTimeOffset.UtcNow.AddMinutes(-2), DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.NotNull(row.IdleSeconds);
        Assert.InRange(row.IdleSeconds.Value, 0, 120);

        // The session id is the pid of the login's leader, the same as utmp records.
        var record = Assert.Single(UtmpFile.TryRead("/run/utmp", UtmpLayout.ForThisMachine!)!, r => r.IsUserProcess && r.ProcessId == row.SessionId);
        Assert.Equal((_lab.UserName, terminal), (record.User, record.Line));
    }

    [Fact]
    public async Task A_message_arrives_on_the_ssh_clients_terminal()
    {
        using var login = _lab.Login();
        await ListedLoginAsync(login.AskTerminal(LoginTimeout));
        var text = "Maintenance at noon " + Guid.NewGuid().ToString("N")[..6];

        var sent = _sessionKiller.Message(_lab.UserName, text);

        Assert.True(sent.ExitCode == 0, $"message: {sent}");
        Eventually.True(() => login.Output.Contains(text, StringComparison.Ordinal), ShortTimeout, "the message on the client's terminal", () => login.Output);
        Assert.Contains("Message from root@", login.Output, StringComparison.Ordinal);
        Assert.False(login.HasExited);
    }

    [Fact]
    public async Task Logoff_ends_the_login_its_processes_and_its_utmp_record_and_touches_nothing_else()
    {
        // Another process of the same user, in no login: it notes every signal it gets (and would restart its sleep).
        var signalLog = Path.Combine(_lab.Directory, "bystander-signals");
        File.WriteAllText(signalLog, "");
        File.SetUnixFileMode(signalLog, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite | UnixFileMode.OtherRead);
        using var bystander = StartAsLabUser("sh", "-c", $"for s in HUP TERM INT USR1; do trap \"echo $s >> {signalLog}\" $s; done; while :; do sleep 300 & wait $!; done");
        using var login = _lab.Login();
        var terminal = login.AskTerminal(LoginTimeout);

        // A job that ignores the hang-up: only the later SIGTERM ends it.
        var stubbornJob = login.StartJob("sh -c \"trap '' HUP; exec sleep 300\"", ShortTimeout);
        var row = await ListedLoginAsync(terminal);
        var table = new ProcessTable();
        var members = SessionProcesses.Members(table.Snapshot(), row.SessionId, Terminals.TerminalDevice.TerminalNumber(row.StationName));
        Assert.Contains(members, process => process.ProcessId == stubbornJob);
        Assert.DoesNotContain(members, process => process.ProcessId == bystander.Id);
        var bystanderBefore = _lab.RunningProcessesOfUser().Where(pid => members.All(member => member.ProcessId != pid)).Order().ToList();
        Assert.Contains(bystander.Id, bystanderBefore);

        var loggedOff = _sessionKiller.LogOff(_lab.UserName);

        Assert.True(loggedOff.ExitCode == 0, $"logoff: {loggedOff}");
        var audited = System.Text.Json.JsonDocument.Parse(File.ReadLines(_sessionKiller.AuditLogPath).Last()).RootElement;
        Assert.Equal((_lab.UserName, row.SessionId, "Done"), (audited.GetProperty("user").GetString(), audited.GetProperty("sessionId").GetInt32(), audited.GetProperty("outcome").GetString()));
        Assert.True(login.WaitForExit(ShortTimeout), "The ssh client did not exit after the log off. " + login.Output);
        Eventually.True(
            () => _lab.RunningProcessesOfUser().Order().SequenceEqual(bystanderBefore),
            ShortTimeout,
            "the login's processes to be gone and only the bystander's left",
            () => string.Join(", ", _lab.RunningProcessesOfUser()));
        Assert.DoesNotContain(UtmpFile.TryRead("/run/utmp", UtmpLayout.ForThisMachine!)!, record => record.IsUserProcess && record.ProcessId == row.SessionId);
        Assert.DoesNotContain(_sessionKiller.List().Sessions, session => session.UserName == _lab.UserName);

        // Nothing outside the login was touched: the bystander got no signal at all, sshd still listens.
        Assert.False(bystander.HasExited);
        Assert.Equal("", File.ReadAllText(signalLog));
        Assert.True(table.Read(_lab.ServerProcessId) is { HasEnded: false }, "sshd itself is gone");
    }

    [Fact]
    public async Task Logoff_refuses_a_new_login_of_the_same_user_in_place_of_the_one_listed()
    {
        var first = _lab.Login();
        var listed = await ListedLoginAsync(first.AskTerminal(LoginTimeout));
        first.Dispose();
        Eventually.True(() => !UtmpFile.TryRead("/run/utmp", UtmpLayout.ForThisMachine!)!.Any(record => record.IsUserProcess && record.ProcessId == listed.SessionId), ShortTimeout, "the first login to end");

        using var second = _lab.Login();
        var secondTerminal = second.AskTerminal(LoginTimeout);
        var replacement = await ListedLoginAsync(secondTerminal);
        Assert.NotEqual(listed.LogonTime, replacement.LogonTime);

        var refused = _sessionKiller.LogOff(_lab.UserName, expectUser: _lab.UserName, expectLogon: listed.LogonTime);

        Assert.True(refused.ExitCode == 7, $"logoff of a replaced login: {refused}");
        Assert.False(second.HasExited);
        Assert.Equal(replacement.SessionId, (await ListedLoginAsync(secondTerminal)).SessionId);
    }

    /// <summary>
    /// The lab user's one login in the list, on the terminal its shell named, once it shows (sshd records it
    /// just after the shell starts, and closes the login of an earlier test just after its client went).
    /// </summary>
    private async Task<ListedSession> ListedLoginAsync(string terminal) =>
        await Eventually.ValueAsync(
            async () =>
            {
                await Task.Yield();
                var (_, sessions) = _sessionKiller.List();
                var mine = sessions.Where(session => session.UserName == _lab.UserName).ToList();
                return mine.Count == 1 && mine[0].StationName == terminal ? mine[0] : null;
            },
            LoginTimeout,
            "the login to be listed",
            () => _lab.ServerLog);

    private OsProcessHandle StartAsLabUser(params string[] command) =>
        new(Tools.Find("setpriv", "util-linux"), ["--reuid", _lab.UserName, "--regid", _lab.UserName, "--init-groups", Tools.Find("setsid", "util-linux"), .. command]);
}

/// <summary>One sshd and one throwaway user for all the end-to-end tests of a class.</summary>
public sealed class SshLabFixture : IDisposable
{
    private readonly Lazy<SshLab> _lab = new(() => new SshLab());

    public SshLab Lab => _lab.Value;

    public void Dispose()
    {
        if (_lab.IsValueCreated)
        {
            _lab.Value.Dispose();
        }
    }
}

/// <summary>A process the test started and kills at the end.</summary>
internal sealed class OsProcessHandle : IDisposable
{
    private readonly Process _process;

    public OsProcessHandle(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardInput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start)!;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit(5000);
        _process.Dispose();
    }
}
