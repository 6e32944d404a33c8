using SessionKiller.Core.Backend;
using SessionKiller.Core.Sessions;
using SessionKiller.Linux.Logind;
using SessionKiller.Linux.Processes;
using SessionKiller.Linux.Tests.Support;
using Tmds.DBus.Protocol;

namespace SessionKiller.Linux.Tests;

/// <summary>The logind path on the wire: a private dbus-daemon, a stand-in logind, the backend as a client.</summary>
public sealed class LogindTests : IDisposable
{
    private const ulong LoginMicroseconds = 1_795_583_702_235_292;

    private readonly string _directory = Directory.CreateTempSubdirectory("sk-logind-").FullName;
    private readonly PrivateBus _bus;
    private readonly FakeLogind _logind;

    public LogindTests()
    {
        _bus = new PrivateBus();
        _logind = Task.Run(() => FakeLogind.StartAsync(_bus.Address)).GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _logind.Dispose();
        _bus.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private LinuxSessionBackend Backend(string? busAddress = null) => new(new LinuxBackendOptions
    {
        UtmpPath = Path.Combine(_directory, "utmp"),
        SystemBusAddress = () => busAddress ?? _bus.Address,
        UserIdOf = _ => Interop.Libc.geteuid(),
        Timings = ProcFixtures.QuickTimings,
        LogindLogOffWait = TimeSpan.FromSeconds(5),
    });

    private static Dictionary<string, VariantValue> Session(string user, int leader, string tty = "pts/61", string remoteHost = "198.51.100.4", string sessionClass = "user") => new()
    {
        ["Name"] = VariantValue.String(user),
        ["Leader"] = VariantValue.UInt32((uint)leader),
        ["TTY"] = VariantValue.String(tty),
        ["RemoteHost"] = VariantValue.String(remoteHost),
        ["Remote"] = VariantValue.Bool(remoteHost.Length > 0),
        ["Class"] = VariantValue.String(sessionClass),
        ["State"] = VariantValue.String("active"),
        ["Seat"] = VariantValue.Struct(VariantValue.String(""), VariantValue.ObjectPath(new ObjectPath("/"))),
        ["Timestamp"] = VariantValue.UInt64(LoginMicroseconds),
        ["IdleHint"] = VariantValue.Bool(false),
        ["IdleSinceHint"] = VariantValue.UInt64(0),
    };

    [Fact]
    public async Task Sessions_are_read_from_logind_over_the_bus()
    {
        using var login = new SpawnedSession("sleep 300", processCount: 1);
        using var greeter = new SpawnedSession("sleep 300", processCount: 1);
        _logind.Sessions["7"] = Session("dave", login.LeaderProcessId);
        _logind.Sessions["c1"] = Session("gdm", greeter.LeaderProcessId, tty: "", remoteHost: "", sessionClass: "greeter");

        var read = await Backend().EnumerateSessionsAsync(ServerNames.Local, CancellationToken.None);

        Assert.True(read.IsSuccess, read.Failure?.ToString());
        var session = Assert.Single(read.Value!);
        Assert.Equal(
            (login.LeaderProcessId, "dave", "", "pts/61", "198.51.100.4", "198.51.100.4", SessionState.Active),
            (session.SessionId, session.UserName, session.DomainName, session.StationName, session.ClientName, session.ClientAddress, session.State));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_795_583_702).AddTicks(2_352_920), session.LogonTime);
    }

    [Fact]
    public async Task Logins_only_utmp_knows_are_added_and_a_login_both_know_is_listed_once()
    {
        using var both = new SpawnedSession("sleep 300", processCount: 1);
        using var utmpOnly = new SpawnedSession("sleep 300", processCount: 1);
        _logind.Sessions["7"] = Session("dave", both.LeaderProcessId);
        File.WriteAllBytes(Path.Combine(_directory, "utmp"), UtmpBytes.File(
            UtmpBytes.Record(seconds: UtmpBytes.SecondsNow, pid: both.LeaderProcessId, user: "dave", line: "pts/61"),
            UtmpBytes.Record(seconds: UtmpBytes.SecondsNow, pid: utmpOnly.LeaderProcessId, user: "frank", line: "pts/62")));

        var read = await Backend().EnumerateSessionsAsync(ServerNames.Local, CancellationToken.None);

        Assert.Equal([("dave", both.LeaderProcessId), ("frank", utmpOnly.LeaderProcessId)], read.Value!.Select(session => (session.UserName, session.SessionId)));
    }

    [Fact]
    public async Task Without_logind_on_the_bus_the_sessions_come_from_utmp()
    {
        using var login = new SpawnedSession("sleep 300", processCount: 1);
        _logind.Dispose();
        File.WriteAllBytes(Path.Combine(_directory, "utmp"), UtmpBytes.File(UtmpBytes.Record(seconds: UtmpBytes.SecondsNow, pid: login.LeaderProcessId, user: "frank", line: "pts/62")));

        var read = await Backend().EnumerateSessionsAsync(ServerNames.Local, CancellationToken.None);

        Assert.Equal("frank", Assert.Single(read.Value!).UserName);
    }

    [Fact]
    public async Task A_bus_that_does_not_answer_is_the_same_as_none()
    {
        File.WriteAllBytes(Path.Combine(_directory, "utmp"), []);

        var read = await Backend(busAddress: "unix:path=" + Path.Combine(_directory, "no-such-socket")).EnumerateSessionsAsync(ServerNames.Local, CancellationToken.None);

        Assert.True(read.IsSuccess, read.Failure?.ToString());
        Assert.Empty(read.Value!);
    }

    [Fact]
    public async Task Log_off_asks_logind_to_terminate_the_session_and_waits_for_its_leader()
    {
        using var login = new SpawnedSession("sleep 300", processCount: 1);
        _logind.Sessions["7"] = Session("dave", login.LeaderProcessId);
        _logind.OnTerminate = _ => Interop.Libc.kill(login.LeaderProcessId, Interop.Libc.SIGTERM);

        var result = await Backend().LogOffAsync(ServerNames.Local, login.LeaderProcessId, wait: true, CancellationToken.None);

        Assert.True(result.IsSuccess, result.Failure?.ToString());
        Assert.Equal(["7"], _logind.Terminated);
        Assert.False(login.LeaderRuns);
    }

    [Fact]
    public async Task A_leader_that_outlives_the_wait_is_timed_out_without_a_windows_error_code()
    {
        using var login = new SpawnedSession("sleep 300", processCount: 1);
        _logind.Sessions["7"] = Session("dave", login.LeaderProcessId);
        var backend = new LinuxSessionBackend(new LinuxBackendOptions
        {
            UtmpPath = Path.Combine(_directory, "utmp"),
            SystemBusAddress = () => _bus.Address,
            UserIdOf = _ => Interop.Libc.geteuid(),
            Timings = ProcFixtures.QuickTimings,
            LogindLogOffWait = TimeSpan.FromMilliseconds(200),
        });

        var result = await backend.LogOffAsync(ServerNames.Local, login.LeaderProcessId, wait: true, CancellationToken.None);

        Assert.Equal(FailureKind.TimedOut, result.Failure?.Kind);
        Assert.Equal(0, result.Failure!.Code);
        Assert.Equal("systemd-logind was asked to end the session, but its leader did not end within 0.2 s.", result.Failure.ToString());
        Assert.True(login.LeaderRuns);
    }

    [Theory]
    [InlineData("org.freedesktop.DBus.Error.AccessDenied", FailureKind.AccessDenied)]
    [InlineData("org.freedesktop.DBus.Error.InteractiveAuthorizationRequired", FailureKind.AccessDenied)]
    [InlineData("org.freedesktop.login1.NoSuchSession", FailureKind.SessionGone)]
    [InlineData("org.freedesktop.DBus.Error.Failed", FailureKind.Failed)]
    public async Task Logind_errors_become_failure_kinds(string errorName, FailureKind kind)
    {
        using var login = new SpawnedSession("sleep 300", processCount: 1);
        _logind.Sessions["7"] = Session("dave", login.LeaderProcessId);
        _logind.TerminateError = (errorName, "Computer says no");

        var result = await Backend().LogOffAsync(ServerNames.Local, login.LeaderProcessId, wait: true, CancellationToken.None);

        Assert.Equal(kind, result.Failure?.Kind);
        Assert.Contains("Computer says no", result.Failure!.Text, StringComparison.Ordinal);
        Assert.True(login.LeaderRuns);
    }

    [Theory]
    [InlineData("org.freedesktop.DBus.Error.ServiceUnknown", FailureKind.ServerUnavailable)]
    [InlineData("org.freedesktop.DBus.Error.NoReply", FailureKind.ServerUnavailable)]
    [InlineData("org.freedesktop.DBus.Error.UnknownObject", FailureKind.SessionGone)]
    [InlineData("", FailureKind.Failed)]
    public void The_remaining_error_names_map_too(string errorName, FailureKind kind)
    {
        Assert.Equal(kind, LinuxErrors.FromDBusError(errorName, "").Kind);
    }

    [Fact]
    public void The_system_bus_is_the_standard_socket_when_it_exists()
    {
        var socket = Path.Combine(_directory, "system_bus_socket");
        Assert.Null(Environment.GetEnvironmentVariable("DBUS_SYSTEM_BUS_ADDRESS") is null ? LogindClient.SystemBusAddress(socket) : null);

        File.WriteAllText(socket, "");

        Assert.Equal("unix:path=" + socket, Environment.GetEnvironmentVariable("DBUS_SYSTEM_BUS_ADDRESS") ?? LogindClient.SystemBusAddress(socket));
    }
}
