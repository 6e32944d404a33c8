using System.Net;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Sessions;
using SessionKiller.Linux.Interop;
using SessionKiller.Linux.Processes;
using SessionKiller.Linux.Tests.Support;
using SessionKiller.Linux.Utmp;

namespace SessionKiller.Linux.Tests;

/// <summary>The backend over a utmp file the test writes and processes it really starts.</summary>
public sealed class LinuxSessionBackendTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sk-backend-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string UtmpPath => Path.Combine(_directory, "utmp");

    /// <summary>The backend over this test's utmp; every account is the uid the test's processes run as.</summary>
    private LinuxSessionBackend Backend(Func<string?>? bus = null) => new(new LinuxBackendOptions
    {
        UtmpPath = UtmpPath,
        DevRoot = Path.Combine(_directory, "dev"),
        SystemBusAddress = bus ?? (() => null),
        UserIdOf = _ => Libc.geteuid(),
        Timings = ProcFixtures.QuickTimings,
        SenderName = "admin",
        SenderHost = "host1",
    });

    private void WriteUtmp(params byte[][] records) => File.WriteAllBytes(UtmpPath, UtmpBytes.File(records));

    [Fact]
    public async Task Sessions_are_the_utmp_logins_whose_leader_runs()
    {
        using var login = new SpawnedSession();
        WriteUtmp(
            UtmpBytes.Record(pid: login.LeaderProcessId, user: "erin", line: "pts/41", host: "laptop.example", address: IPAddress.Parse("192.0.2.44"), seconds: 1_800_000_000, microseconds: 5),
            UtmpBytes.Record(pid: int.MaxValue - 1, user: "stale", line: "pts/42"),
            UtmpBytes.Record(type: UtmpLayout.DEAD_PROCESS, pid: login.LeaderProcessId, user: "", line: "pts/43"));

        var read = await Backend().EnumerateSessionsAsync(ServerNames.Local, CancellationToken.None);

        Assert.True(read.IsSuccess, read.Failure?.ToString());
        var session = Assert.Single(read.Value!);
        Assert.Equal(
            (ServerNames.Local, login.LeaderProcessId, "erin", "", "pts/41", "laptop.example", "192.0.2.44", SessionState.Active),
            (session.ServerName, session.SessionId, session.UserName, session.DomainName, session.StationName, session.ClientName, session.ClientAddress, session.State));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000).AddTicks(50), session.LogonTime);
        Assert.False(session.IsCurrentSession);
        Assert.False(session.IsSystemSession);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("")]
    [InlineData("LOCALHOST")]
    public async Task Every_spelling_of_this_machine_is_local(string serverName)
    {
        WriteUtmp();

        Assert.True((await Backend().EnumerateSessionsAsync(serverName, CancellationToken.None)).IsSuccess);
    }

    [Fact]
    public async Task Another_server_is_not_supported_with_a_sentence_saying_why()
    {
        WriteUtmp();
        var backend = Backend();

        var failures = new[]
        {
            (await backend.EnumerateSessionsAsync("rds01", CancellationToken.None)).Failure,
            (await backend.LogOffAsync("rds01", 5, true, CancellationToken.None)).Failure,
            (await backend.DisconnectAsync("rds01", 5, true, CancellationToken.None)).Failure,
            (await backend.SendMessageAsync(new MessageRequest("rds01", 5, "t", "x", MessageButtons.Ok, TimeSpan.Zero, false), CancellationToken.None)).Failure,
            (await backend.ListProcessesAsync("rds01", 5, CancellationToken.None)).Failure,
        };

        Assert.All(failures, failure =>
        {
            Assert.Equal(FailureKind.NotSupported, failure?.Kind);
            Assert.Equal("Linux sessions are listed on this machine only.", failure!.ToString());
        });
    }

    [Fact]
    public async Task A_machine_without_logind_or_utmp_says_it_records_no_logins()
    {
        var read = await Backend().EnumerateSessionsAsync(ServerNames.Local, CancellationToken.None);

        Assert.Equal(FailureKind.NotSupported, read.Failure?.Kind);
        Assert.Contains("records no logins", read.Failure!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_off_ends_the_logins_processes_and_no_others()
    {
        using var login = new SpawnedSession("trap '' HUP; sleep 300 & sleep 300 & wait");
        using var bystander = new SpawnedSession("sleep 300", processCount: 1);
        WriteUtmp(UtmpBytes.Record(seconds: UtmpBytes.SecondsNow, pid: login.LeaderProcessId, user: "erin", line: "pts/41"));

        var result = await Backend().LogOffAsync(ServerNames.Local, login.LeaderProcessId, wait: true, CancellationToken.None);

        Assert.True(result.IsSuccess, result.Failure?.ToString());
        Assert.True(login.WaitForExit(TimeSpan.FromSeconds(5)));
        Assert.Empty(SessionProcesses.Members(new ProcessTable().Snapshot(), login.LeaderProcessId, 0));
        Assert.True(bystander.LeaderRuns);
    }

    [Fact]
    public async Task Log_off_of_an_id_no_login_has_is_session_gone()
    {
        using var bystander = new SpawnedSession("sleep 300", processCount: 1);
        WriteUtmp(UtmpBytes.Record(seconds: UtmpBytes.SecondsNow, pid: bystander.LeaderProcessId, user: "erin"));

        var result = await Backend().LogOffAsync(ServerNames.Local, bystander.LeaderProcessId + 100_000, wait: true, CancellationToken.None);

        Assert.Equal(FailureKind.SessionGone, result.Failure?.Kind);
        Assert.True(bystander.LeaderRuns);
    }

    [Fact]
    public async Task The_callers_own_login_is_marked_and_not_ended_without_logind()
    {
        var parent = new ProcessTable().Read(Environment.ProcessId)!.ParentProcessId;
        WriteUtmp(UtmpBytes.Record(seconds: UtmpBytes.SecondsNow, pid: parent, user: "root", line: "pts/44"));
        var backend = Backend();

        var listed = Assert.Single((await backend.EnumerateSessionsAsync(ServerNames.Local, CancellationToken.None)).Value!);
        var result = await backend.LogOffAsync(ServerNames.Local, parent, wait: true, CancellationToken.None);

        Assert.True(listed.IsCurrentSession);
        Assert.Equal(FailureKind.NotSupported, result.Failure?.Kind);
        Assert.Contains("runs in", result.Failure!.Text, StringComparison.Ordinal);
        Assert.NotNull(new ProcessTable().Read(parent));
    }

    [Fact]
    public async Task Disconnect_is_not_supported_and_says_why()
    {
        var result = await Backend().DisconnectAsync(ServerNames.Local, 1234, wait: true, CancellationToken.None);

        Assert.Equal(FailureKind.NotSupported, result.Failure?.Kind);
        Assert.Equal(0, result.Failure!.Code);
        Assert.Contains("cannot be disconnected", result.Failure.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_yes_no_question_is_not_supported_and_says_why()
    {
        var result = await Backend().SendMessageAsync(new MessageRequest(ServerNames.Local, 1234, "Sign out?", "Now?", MessageButtons.YesNo, TimeSpan.FromSeconds(30), true), CancellationToken.None);

        Assert.Equal(FailureKind.NotSupported, result.Failure?.Kind);
        Assert.Contains("Yes/No", result.Failure!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_to_a_login_without_a_terminal_device_is_not_supported()
    {
        using var login = new SpawnedSession("sleep 300", processCount: 1);
        WriteUtmp(UtmpBytes.Record(seconds: UtmpBytes.SecondsNow, pid: login.LeaderProcessId, user: "erin", line: ":0", host: ":0"));

        var result = await Backend().SendMessageAsync(new MessageRequest(ServerNames.Local, login.LeaderProcessId, "", "hi", MessageButtons.Ok, TimeSpan.Zero, false), CancellationToken.None);

        Assert.Equal(FailureKind.NotSupported, result.Failure?.Kind);
        Assert.Contains("no terminal device (:0)", result.Failure!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_is_written_only_to_a_terminal()
    {
        using var login = new SpawnedSession("sleep 300", processCount: 1);
        WriteUtmp(UtmpBytes.Record(seconds: UtmpBytes.SecondsNow, pid: login.LeaderProcessId, user: "erin", line: "pts/45"));
        Directory.CreateDirectory(Path.Combine(_directory, "dev", "pts"));
        var notATerminal = Path.Combine(_directory, "dev", "pts", "45");
        File.WriteAllText(notATerminal, "");

        var result = await Backend().SendMessageAsync(new MessageRequest(ServerNames.Local, login.LeaderProcessId, "", "hi", MessageButtons.Ok, TimeSpan.Zero, false), CancellationToken.None);

        Assert.Equal(FailureKind.Failed, result.Failure?.Kind);
        Assert.Contains("is not a terminal", result.Failure!.Text, StringComparison.Ordinal);
        Assert.Equal("", File.ReadAllText(notATerminal));
    }

    [Fact]
    public async Task A_message_to_a_terminal_that_is_gone_says_the_session_ended_naming_the_errno()
    {
        using var login = new SpawnedSession("sleep 300", processCount: 1);
        WriteUtmp(UtmpBytes.Record(seconds: UtmpBytes.SecondsNow, pid: login.LeaderProcessId, user: "erin", line: "pts/46"));

        var result = await Backend().SendMessageAsync(new MessageRequest(ServerNames.Local, login.LeaderProcessId, "", "hi", MessageButtons.Ok, TimeSpan.Zero, false), CancellationToken.None);

        Assert.Equal(FailureKind.SessionGone, result.Failure?.Kind);
        Assert.Equal(0, result.Failure!.Code);
        Assert.Contains("(ENOENT: No such file or directory): the session has ended.", result.Failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Processes_of_a_login_are_listed_with_their_names()
    {
        using var login = new SpawnedSession();
        WriteUtmp(UtmpBytes.Record(seconds: UtmpBytes.SecondsNow, pid: login.LeaderProcessId, user: "erin", line: "pts/47"));

        var listed = await Backend().ListProcessesAsync(ServerNames.Local, login.LeaderProcessId, CancellationToken.None);

        Assert.True(listed.IsSuccess);
        Assert.Equal(["sh", "sleep", "sleep"], listed.Value!.Select(process => process.Name).Order());
        Assert.Contains(listed.Value!, process => process.ProcessId == login.LeaderProcessId);
    }

    [Fact]
    public async Task A_utmp_that_is_not_whole_records_is_a_failure_saying_so_not_an_empty_list()
    {
        using var login = new SpawnedSession("sleep 300", processCount: 1);
        var record = UtmpBytes.Record(seconds: UtmpBytes.SecondsNow, pid: login.LeaderProcessId, user: "erin", line: "pts/48");
        File.WriteAllBytes(UtmpPath, [.. record, .. record[..100]]);

        var read = await Backend().EnumerateSessionsAsync(ServerNames.Local, CancellationToken.None);

        Assert.Equal(FailureKind.Failed, read.Failure?.Kind);
        Assert.Equal(0, read.Failure!.Code);
        Assert.StartsWith("Reading the login records failed: The login records are", read.Failure.Text, StringComparison.Ordinal);
        Assert.Contains("not a whole number", read.Failure.Text, StringComparison.Ordinal);
    }
}
