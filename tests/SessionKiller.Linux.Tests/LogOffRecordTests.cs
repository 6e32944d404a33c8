using SessionKiller.Core.Backend;
using SessionKiller.Core.Sessions;
using SessionKiller.Linux.Interop;
using SessionKiller.Linux.Tests.Support;
using static SessionKiller.Linux.Tests.Support.ProcFixtures;

namespace SessionKiller.Linux.Tests;

/// <summary>
/// What a log off without logind leaves in utmp, over a stand-in /proc: a record whose leader this tool
/// killed is closed whatever else of the login survived, so its pid can never lead back to it.
/// </summary>
public sealed class LogOffRecordTests : IDisposable
{
    private readonly FakeProc _proc = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("sk-records-").FullName;
    private readonly List<(string Path, string Line)> _closed = [];

    public LogOffRecordTests()
    {
        // sshd's monitor (root), the user's shell on pts/0, and a job of theirs; booted an hour ago, all started since.
        _proc.Add(Process(1000, name: "sshd", start: 500), uid: 0);
        _proc.Add(Process(1003, parent: 1000, terminal: Pts0, name: "bash", start: 502), uid: 1000);
        _proc.Add(Process(1010, parent: 1003, session: 1003, terminal: Pts0, name: "stuck-job", start: 600), uid: 1000);
        File.WriteAllBytes(UtmpPath, UtmpBytes.File(UtmpBytes.Record(pid: 1000, user: "bob", line: "pts/0", seconds: UtmpBytes.SecondsNow)));
    }

    private string UtmpPath => Path.Combine(_directory, "utmp");

    public void Dispose()
    {
        _proc.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private LinuxSessionBackend Backend(ScriptedSignaller signaller) => new(new LinuxBackendOptions
    {
        UtmpPath = UtmpPath,
        ProcRoot = _proc.Root,
        DevRoot = Path.Combine(_directory, "dev"),
        SystemBusAddress = () => null,
        UserIdOf = name => name == "bob" ? 1000 : null,
        Signaller = _ => signaller,
        CloseUtmpRecord = (path, line) =>
        {
            _closed.Add((path, line));
            return true;
        },
        Timings = ProcFixtures.QuickTimings,
    });

    [Fact]
    public async Task A_killed_leader_has_its_record_closed_even_when_a_process_of_the_login_survives()
    {
        var signaller = new ScriptedSignaller(_proc) { DiesOn = { [1003] = Libc.SIGHUP, [1000] = Libc.SIGTERM } };

        var result = await Backend(signaller).LogOffAsync(ServerNames.Local, 1000, wait: true, CancellationToken.None);

        Assert.Equal(FailureKind.Failed, result.Failure?.Kind);
        Assert.Contains("stuck-job (1010)", result.Failure!.Text, StringComparison.Ordinal);
        Assert.Equal([(UtmpPath, "pts/0")], _closed);
    }

    [Fact]
    public async Task A_login_that_ends_has_its_record_closed()
    {
        var signaller = new ScriptedSignaller(_proc) { DiesOn = { [1003] = Libc.SIGHUP, [1010] = Libc.SIGHUP, [1000] = Libc.SIGTERM } };

        var result = await Backend(signaller).LogOffAsync(ServerNames.Local, 1000, wait: true, CancellationToken.None);

        Assert.True(result.IsSuccess, result.Failure?.ToString());
        Assert.Equal([(UtmpPath, "pts/0")], _closed);
    }

    [Fact]
    public async Task A_leader_that_still_runs_keeps_its_record()
    {
        var signaller = new ScriptedSignaller(_proc) { DenyAll = true };

        var result = await Backend(signaller).LogOffAsync(ServerNames.Local, 1000, wait: true, CancellationToken.None);

        Assert.Equal(FailureKind.AccessDenied, result.Failure?.Kind);
        Assert.Empty(_closed);
    }

    [Fact]
    public async Task A_record_the_login_program_closed_itself_is_not_closed_again()
    {
        var signaller = new ScriptedSignaller(_proc) { DiesOn = { [1003] = Libc.SIGHUP, [1010] = Libc.SIGHUP, [1000] = Libc.SIGTERM } };
        var backend = Backend(signaller);
        var listed = await backend.EnumerateSessionsAsync(ServerNames.Local, CancellationToken.None);
        Assert.Single(listed.Value!);
        var closedByItself = Task.Run(async () =>
        {
            // sshd writes its logout once its shell has gone, before this tool looks.
            while (Directory.Exists(Path.Combine(_proc.Root, "1003")))
            {
                await Task.Delay(5);
            }

            File.WriteAllBytes(UtmpPath, UtmpBytes.File(UtmpBytes.Record(type: Utmp.UtmpLayout.DEAD_PROCESS, pid: 1000, user: "", line: "pts/0")));
        });

        var result = await backend.LogOffAsync(ServerNames.Local, 1000, wait: true, CancellationToken.None);
        await closedByItself;

        Assert.True(result.IsSuccess, result.Failure?.ToString());
        Assert.Empty(_closed);
    }
}
