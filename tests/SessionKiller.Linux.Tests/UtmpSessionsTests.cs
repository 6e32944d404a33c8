using System.Net;
using SessionKiller.Core.Sessions;
using SessionKiller.Linux.Tests.Support;
using SessionKiller.Linux.Utmp;

namespace SessionKiller.Linux.Tests;

public class UtmpSessionsTests
{
    private static UtmpRecord Record(int pid = 2993, string user = "bob", string line = "pts/0", string host = "127.0.0.1", short type = UtmpLayout.USER_PROCESS, IPAddress? address = null) =>
        UtmpParser.ParseRecord(UtmpBytes.Record(type: type, pid: pid, user: user, line: line, host: host, address: address), UtmpBytes.Layout);

    [Fact]
    public void A_user_process_record_whose_leader_runs_becomes_a_session()
    {
        var facts = Facts.With(
            [ProcFixtures.Process(2993)],
            lastInput: new Dictionary<string, DateTimeOffset> { ["pts/0"] = Facts.Now.AddMinutes(-7) });

        var session = Assert.Single(UtmpSessions.Compose([Record(address: IPAddress.Loopback)], facts));

        var expected = new SessionInfo
        {
            ServerName = ServerNames.Local,
            SessionId = 2993,
            UserName = "bob",
            DomainName = "",
            State = SessionState.Active,
            StationName = "pts/0",
            ClientName = "127.0.0.1",
            ClientAddress = "127.0.0.1",
            LogonTime = DateTimeOffset.FromUnixTimeSeconds(1_795_583_702).AddTicks(2_352_920),
            LastInputTime = Facts.Now.AddMinutes(-7),
            IdleTime = TimeSpan.FromMinutes(7),
            IsCurrentSession = false,
            IsConsole = false,
        };
        Assert.Equal(expected, session.Info);
        Assert.Equal("pts/0", session.Line);
        Assert.Equal(34816, session.TerminalNumber);
        Assert.Null(session.LogindId);
        Assert.Equal(2993, session.LeaderProcessId);
    }

    [Fact]
    public void Records_of_other_kinds_without_a_user_or_with_a_gone_leader_are_not_sessions()
    {
        var facts = Facts.With([ProcFixtures.Process(10), ProcFixtures.Process(11), ProcFixtures.Process(12), ProcFixtures.Process(14, state: 'Z')]);

        var sessions = UtmpSessions.Compose(
            [
                Record(pid: 10, type: UtmpLayout.DEAD_PROCESS),
                Record(pid: 11, type: UtmpLayout.LOGIN_PROCESS, user: "LOGIN"),
                Record(pid: 12, user: ""),
                Record(pid: 13, user: "stale"),
                Record(pid: 14, user: "zombie"),
                Record(pid: 1, user: "init"),
                Record(pid: 0, user: "nobody"),
            ],
            facts);

        Assert.Empty(sessions);
    }

    [Fact]
    public void Two_records_with_one_leader_are_one_session()
    {
        var facts = Facts.With([ProcFixtures.Process(20)]);

        var sessions = UtmpSessions.Compose([Record(pid: 20, line: "pts/4"), Record(pid: 20, line: "pts/5")], facts);

        Assert.Equal("pts/4", Assert.Single(sessions).Line);
    }

    [Fact]
    public void The_callers_session_is_marked_by_its_leader_among_our_ancestors()
    {
        var facts = Facts.With([ProcFixtures.Process(30), ProcFixtures.Process(31)], ownLineage: new HashSet<int> { 5000, 4000, 30, 1 });

        var sessions = UtmpSessions.Compose([Record(pid: 30, line: "pts/1"), Record(pid: 31, line: "pts/2")], facts);

        Assert.Equal([true, false], sessions.Select(session => session.Info.IsCurrentSession));
    }

    [Fact]
    public void The_callers_session_is_marked_by_its_terminal()
    {
        var facts = Facts.With([ProcFixtures.Process(30), ProcFixtures.Process(31)], ownTerminal: 34818);

        var sessions = UtmpSessions.Compose([Record(pid: 30, line: "pts/1"), Record(pid: 31, line: "pts/2")], facts);

        Assert.Equal([false, true], sessions.Select(session => session.Info.IsCurrentSession));
    }

    [Theory]
    [InlineData("tty1", "", true)]
    [InlineData("tty12", "", true)]
    [InlineData("console", "", true)]
    [InlineData(":0", ":0", true)]
    [InlineData("pts/0", "", false)]
    [InlineData("pts/0", ":0", false)]
    [InlineData("tty1", "10.0.0.5", false)]
    [InlineData("ttyS0", "", false)]
    public void Console_logins_are_on_a_virtual_console_or_the_local_display(string line, string host, bool isConsole)
    {
        Assert.Equal(isConsole, UtmpSessions.IsConsole(line, host));
    }

    [Fact]
    public void A_local_display_is_not_a_client()
    {
        var facts = Facts.With([ProcFixtures.Process(40)]);

        var session = Assert.Single(UtmpSessions.Compose([Record(pid: 40, line: ":0", host: ":0")], facts));

        Assert.Equal("", session.Info.ClientName);
        Assert.True(session.Info.IsConsole);
        Assert.Equal(0, session.TerminalNumber);
        Assert.Null(session.Info.IdleTime);
    }

    [Theory]
    [InlineData("203.0.113.5", null, "203.0.113.5")]
    [InlineData("laptop.example", "198.51.100.7", "198.51.100.7")]
    [InlineData("laptop.example", null, "")]
    [InlineData("2001:db8::1", null, "2001:db8::1")]
    [InlineData("", null, "")]
    public void The_client_address_is_the_recorded_one_else_the_host_when_it_is_an_address(string host, string? recorded, string expected)
    {
        Assert.Equal(expected, UtmpSessions.AddressOf(recorded is null ? null : IPAddress.Parse(recorded), host));
    }

    [Fact]
    public void Idle_time_is_never_negative_when_the_terminal_was_touched_after_now()
    {
        var facts = Facts.With([ProcFixtures.Process(50)], lastInput: new Dictionary<string, DateTimeOffset> { ["pts/0"] = Facts.Now.AddSeconds(3) });

        Assert.Equal(TimeSpan.Zero, Assert.Single(UtmpSessions.Compose([Record(pid: 50)], facts)).Info.IdleTime);
    }

    /// <summary>A record's time as a process start in ticks after <see cref="Facts.BootTime"/> (100 a second).</summary>
    private static ulong TicksAfterBoot(DateTimeOffset time) => (ulong)((time - Facts.BootTime).Ticks / (TimeSpan.TicksPerSecond / 100));

    [Fact]
    public void A_record_whose_pid_now_belongs_to_a_process_started_after_it_is_stale()
    {
        var record = Record(pid: 60);
        var facts = Facts.With([ProcFixtures.Process(60, start: TicksAfterBoot(record.Time.AddMinutes(5)))]);

        Assert.Empty(UtmpSessions.Compose([record], facts));
    }

    [Theory]
    [InlineData(-3600, true)]
    [InlineData(0, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    public void A_leader_may_seem_to_start_only_a_little_after_its_record(int secondsAfterRecord, bool isLogin)
    {
        var record = Record(pid: 61);
        var facts = Facts.With([ProcFixtures.Process(61, start: TicksAfterBoot(record.Time.AddSeconds(secondsAfterRecord)))]);

        Assert.Equal(isLogin, UtmpSessions.Compose([record], facts).Count == 1);
    }

    [Fact]
    public void A_record_for_an_account_that_does_not_exist_is_stale()
    {
        var facts = Facts.With([ProcFixtures.Process(62)], users: new Dictionary<string, uint> { ["bob"] = 1000 }, owners: new Dictionary<int, uint> { [62] = 0 });

        Assert.Empty(UtmpSessions.Compose([Record(pid: 62, user: "ghost")], facts));
    }

    [Fact]
    public void A_record_whose_leader_runs_as_another_user_is_stale()
    {
        var facts = Facts.With([ProcFixtures.Process(63)], users: new Dictionary<string, uint> { ["bob"] = 1000 }, owners: new Dictionary<int, uint> { [63] = 33 });

        Assert.Empty(UtmpSessions.Compose([Record(pid: 63, user: "bob")], facts));
    }

    [Fact]
    public void A_leader_running_as_the_user_is_the_users_login()
    {
        var facts = Facts.With([ProcFixtures.Process(64)], users: new Dictionary<string, uint> { ["bob"] = 1000 }, owners: new Dictionary<int, uint> { [64] = 1000 });

        Assert.Equal(64, Assert.Single(UtmpSessions.Compose([Record(pid: 64, user: "bob")], facts)).LeaderProcessId);
    }

    /// <summary>sshd's monitor and login run as root; the user's shell runs under them.</summary>
    [Fact]
    public void A_login_program_running_as_root_is_the_login_of_the_user_whose_processes_it_leads()
    {
        var facts = Facts.With(
            [ProcFixtures.Process(65, name: "sshd"), ProcFixtures.Process(66, parent: 65, name: "sshd"), ProcFixtures.Process(67, parent: 66, name: "bash")],
            users: new Dictionary<string, uint> { ["bob"] = 1000 },
            owners: new Dictionary<int, uint> { [65] = 0, [66] = 1000, [67] = 1000 });

        Assert.Equal(65, Assert.Single(UtmpSessions.Compose([Record(pid: 65, user: "bob")], facts)).LeaderProcessId);
    }

    [Fact]
    public void A_root_process_leading_no_process_of_the_user_is_not_the_users_login()
    {
        var facts = Facts.With(
            [ProcFixtures.Process(68, name: "cron"), ProcFixtures.Process(69, parent: 68, name: "job"), ProcFixtures.Process(70, name: "bash")],
            users: new Dictionary<string, uint> { ["bob"] = 1000 },
            owners: new Dictionary<int, uint> { [68] = 0, [69] = 33, [70] = 1000 });

        Assert.Empty(UtmpSessions.Compose([Record(pid: 68, user: "bob")], facts));
    }

    [Fact]
    public void A_root_record_is_root_login_when_its_leader_runs_as_root()
    {
        var facts = Facts.With([ProcFixtures.Process(71, name: "login")], users: new Dictionary<string, uint> { ["root"] = 0 }, owners: new Dictionary<int, uint> { [71] = 0 });

        Assert.Single(UtmpSessions.Compose([Record(pid: 71, user: "root", line: "tty1")], facts));
    }

    [Fact]
    public void Without_the_boot_time_no_record_can_be_checked_and_none_is_a_login()
    {
        var facts = Facts.With([ProcFixtures.Process(72)]) with { BootTime = null };

        Assert.Empty(UtmpSessions.Compose([Record(pid: 72)], facts));
    }
}
