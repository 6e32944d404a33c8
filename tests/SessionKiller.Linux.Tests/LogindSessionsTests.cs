using SessionKiller.Core.Sessions;
using SessionKiller.Linux.Logind;
using SessionKiller.Linux.Tests.Support;
using Tmds.DBus.Protocol;

namespace SessionKiller.Linux.Tests;

public class LogindSessionsTests
{
    private const ulong LoginMicroseconds = 1_795_583_702_235_292;

    private static Dictionary<string, VariantValue> Properties(
        string name = "bob",
        uint leader = 2993,
        string tty = "pts/0",
        string remoteHost = "203.0.113.9",
        bool remote = true,
        string sessionClass = "user",
        string state = "active",
        string seat = "",
        bool idleHint = false,
        ulong idleSince = 0,
        string display = "") => new()
        {
            ["Id"] = VariantValue.String("4"),
            ["Name"] = VariantValue.String(name),
            ["User"] = VariantValue.Struct(VariantValue.UInt32(1001), VariantValue.ObjectPath(new ObjectPath("/org/freedesktop/login1/user/_1001"))),
            ["Leader"] = VariantValue.UInt32(leader),
            ["TTY"] = VariantValue.String(tty),
            ["Display"] = VariantValue.String(display),
            ["RemoteHost"] = VariantValue.String(remoteHost),
            ["Remote"] = VariantValue.Bool(remote),
            ["Class"] = VariantValue.String(sessionClass),
            ["Type"] = VariantValue.String("tty"),
            ["State"] = VariantValue.String(state),
            ["Seat"] = VariantValue.Struct(VariantValue.String(seat), VariantValue.ObjectPath(new ObjectPath(seat.Length == 0 ? "/" : "/org/freedesktop/login1/seat/" + seat))),
            ["Timestamp"] = VariantValue.UInt64(LoginMicroseconds),
            ["IdleHint"] = VariantValue.Bool(idleHint),
            ["IdleSinceHint"] = VariantValue.UInt64(idleSince),
        };

    private static HostFacts Running(params int[] pids) => Facts.With(pids.Select(pid => ProcFixtures.Process(pid)));

    [Fact]
    public void A_remote_text_login_maps_every_field()
    {
        var facts = Facts.With([ProcFixtures.Process(2993)], lastInput: new Dictionary<string, DateTimeOffset> { ["pts/0"] = Facts.Now.AddMinutes(-3) });

        var session = LogindSessions.ToSession("4", Properties(), facts);

        Assert.NotNull(session);
        var expected = new SessionInfo
        {
            ServerName = ServerNames.Local,
            SessionId = 2993,
            UserName = "bob",
            DomainName = "",
            State = SessionState.Active,
            StationName = "pts/0",
            ClientName = "203.0.113.9",
            ClientAddress = "203.0.113.9",
            LogonTime = DateTimeOffset.FromUnixTimeSeconds(1_795_583_702).AddTicks(2_352_920),
            LastInputTime = Facts.Now.AddMinutes(-3),
            IdleTime = TimeSpan.FromMinutes(3),
            IsCurrentSession = false,
            IsConsole = false,
        };
        Assert.Equal(expected, session.Info);
        Assert.Equal("4", session.LogindId);
        Assert.Equal(34816, session.TerminalNumber);
    }

    [Theory]
    [InlineData("greeter")]
    [InlineData("lock-screen")]
    [InlineData("background")]
    [InlineData("manager")]
    [InlineData("")]
    public void Sessions_that_are_not_a_persons_login_are_left_out(string sessionClass)
    {
        Assert.Null(LogindSessions.ToSession("c1", Properties(sessionClass: sessionClass), Running(2993)));
    }

    [Theory]
    [InlineData("user-early")]
    [InlineData("user-incomplete")]
    public void Newer_user_classes_are_logins(string sessionClass)
    {
        Assert.NotNull(LogindSessions.ToSession("5", Properties(sessionClass: sessionClass), Running(2993)));
    }

    [Fact]
    public void A_session_without_a_running_leader_or_a_user_is_left_out()
    {
        Assert.Null(LogindSessions.ToSession("4", Properties(leader: 0), Running(2993)));
        Assert.Null(LogindSessions.ToSession("4", Properties(leader: 2993), Running(1234)));
        Assert.Null(LogindSessions.ToSession("4", Properties(name: ""), Running(2993)));
        Assert.Null(LogindSessions.ToSession("4", Properties(leader: uint.MaxValue), Running(2993)));
    }

    [Fact]
    public void A_closing_session_reads_as_disconnected_nobody_can_answer_there()
    {
        Assert.Equal(SessionState.Disconnected, LogindSessions.ToSession("4", Properties(state: "closing"), Running(2993))!.Info.State);
        Assert.Equal(SessionState.Active, LogindSessions.ToSession("4", Properties(state: "online"), Running(2993))!.Info.State);
    }

    [Fact]
    public void A_local_login_on_a_seat_is_the_console()
    {
        var session = LogindSessions.ToSession("1", Properties(tty: "tty1", remoteHost: "", remote: false, seat: "seat0"), Running(2993));

        Assert.True(session!.Info.IsConsole);
        Assert.Equal("", session.Info.ClientName);
        Assert.Equal("", session.Info.ClientAddress);
    }

    [Fact]
    public void A_graphical_login_takes_its_display_as_station_and_its_idle_time_from_the_hint()
    {
        var since = (ulong)(Facts.Now.AddMinutes(-20).ToUnixTimeMilliseconds() * 1000);

        var session = LogindSessions.ToSession("2", Properties(tty: "", display: ":0", remote: false, seat: "seat0", idleHint: true, idleSince: since), Running(2993))!;

        Assert.Equal(":0", session.Info.StationName);
        Assert.Equal(Facts.Now.AddMinutes(-20), session.Info.LastInputTime);
        Assert.Equal(TimeSpan.FromMinutes(20), session.Info.IdleTime);
        Assert.Equal(0, session.TerminalNumber);
    }

    [Fact]
    public void A_graphical_login_without_the_idle_hint_is_not_idle()
    {
        var session = LogindSessions.ToSession("2", Properties(tty: "", display: ":0", idleHint: false, idleSince: 12345), Running(2993))!;

        Assert.Null(session.Info.LastInputTime);
        Assert.Equal(TimeSpan.Zero, session.Info.IdleTime);
    }

    [Fact]
    public void The_callers_own_login_is_marked()
    {
        var facts = Facts.With([ProcFixtures.Process(2993)], ownLineage: new HashSet<int> { 7000, 2993 });

        Assert.True(LogindSessions.ToSession("4", Properties(), facts)!.Info.IsCurrentSession);
    }

    [Fact]
    public void Properties_of_unexpected_types_read_as_missing()
    {
        var properties = Properties();
        properties["Leader"] = VariantValue.String("2993");

        Assert.Null(LogindSessions.ToSession("4", properties, Running(2993)));

        properties = Properties();
        properties["Timestamp"] = VariantValue.UInt32(5);
        properties["Seat"] = VariantValue.String("seat0");
        var session = LogindSessions.ToSession("4", properties, Running(2993))!;
        Assert.Null(session.Info.LogonTime);
        Assert.False(session.Info.IsConsole);
    }

    [Theory]
    [InlineData(0UL, null)]
    [InlineData(1UL, 10L)]
    [InlineData(ulong.MaxValue, null)]
    public void Logind_times_are_microseconds_since_the_epoch_and_zero_is_unknown(ulong microseconds, long? ticksAfterEpoch)
    {
        Assert.Equal(ticksAfterEpoch is null ? null : DateTimeOffset.UnixEpoch.AddTicks(ticksAfterEpoch.Value), LogindSessions.Microseconds(microseconds));
    }
}
