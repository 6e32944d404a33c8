using SessionKiller.Linux.Tests.Support;

namespace SessionKiller.Linux.Tests.EndToEnd;

/// <summary>
/// The real CLI over utmp records that lie: records left open (their login killed) whose pid an unrelated
/// process now holds, or written by someone in group utmp. Run in a private mount namespace where the
/// test's own utmp is /run/utmp; a genuine login beside them shows that the CLI reads that file.
/// </summary>
public sealed class StaleLoginRecordTests : IDisposable
{
    private readonly PrivateLoginRecords _records = new();
    private readonly SessionKillerCli _sessionKiller;

    public StaleLoginRecordTests()
    {
        _sessionKiller = new SessionKillerCli(_records.Launcher, PrivateLoginRecords.Environment);
    }

    public void Dispose()
    {
        _sessionKiller.Dispose();
        _records.Dispose();
    }

    [Fact]
    public void Records_whose_pid_holder_is_not_their_login_are_neither_listed_nor_signed_out()
    {
        // Each runs as the account its record names, except where the record lies about that too.
        using var genuine = new SpawnedSession("sleep 300", processCount: 1, user: "nobody");
        using var reusedPid = new SpawnedSession("sleep 300", processCount: 1, user: "daemon");
        using var rootDaemon = new SpawnedSession("sleep 300", processCount: 1);
        using var anotherDaemon = new SpawnedSession("sleep 300", processCount: 1);
        var now = UtmpBytes.SecondsNow;
        _records.Write(
            UtmpBytes.Record(pid: genuine.LeaderProcessId, user: "nobody", line: "pts/71", seconds: now),
            UtmpBytes.Record(pid: reusedPid.LeaderProcessId, user: "daemon", line: "pts/72", seconds: now - 3600),
            UtmpBytes.Record(pid: rootDaemon.LeaderProcessId, user: "bin", line: "pts/73", seconds: now),
            UtmpBytes.Record(pid: anotherDaemon.LeaderProcessId, user: "ghost", line: "pts/74", seconds: now));

        var (listing, sessions) = _sessionKiller.List();
        var ghost = _sessionKiller.LogOff("ghost");
        var daemon = _sessionKiller.LogOff("daemon");
        var bin = _sessionKiller.LogOff("bin");

        Assert.Equal([("nobody", genuine.LeaderProcessId, "pts/71")], sessions.Select(session => (session.UserName, session.SessionId, session.StationName)));
        Assert.All([ghost, daemon, bin], result =>
        {
            Assert.NotEqual(0, result.ExitCode);
            Assert.DoesNotContain("signed out", result.Output + result.Error, StringComparison.OrdinalIgnoreCase);
        });
        Assert.True(reusedPid.LeaderRuns, $"logoff daemon ended the process that took the record's pid: {daemon}");
        Assert.True(rootDaemon.LeaderRuns, $"logoff bin ended a root daemon: {bin}");
        Assert.True(anotherDaemon.LeaderRuns, $"logoff ghost ended a root daemon: {ghost}");
        Assert.True(genuine.LeaderRuns, listing.ToString());
    }
}
