using SessionKiller.Core.Backend;
using SessionKiller.Core.Sessions;

namespace SessionKiller.Wts.Tests;

public sealed class SessionComposerTests
{
    private static readonly DateTimeOffset Logon = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LastInput = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 30, 0, TimeSpan.Zero);

    private static readonly EnumeratedSession Listed = new(3, SessionState.Active, "RDP-Tcp#1", "averyveryverylongusername42", "CONTOSO");

    private static readonly SessionDetails Details =
        new(3, SessionState.Disconnected, "RDP-Tcp#1", "CONTOSO", "averyveryverylonguse", Logon, LastInput, Now);

    [Fact]
    public void Compose_takes_times_and_state_from_the_details_and_full_names_from_the_enumeration()
    {
        var session = SessionComposer.Compose("RDS01", Listed, Details with { Lock = LockState.Locked }, "LAPTOP-7", "10.0.0.7", local: null);

        Assert.Equal(
            new SessionInfo
            {
                ServerName = "RDS01",
                SessionId = 3,
                UserName = "averyveryverylongusername42",
                DomainName = "CONTOSO",
                State = SessionState.Disconnected,
                StationName = "RDP-Tcp#1",
                ClientName = "LAPTOP-7",
                ClientAddress = "10.0.0.7",
                LogonTime = Logon,
                LastInputTime = LastInput,
                IdleTime = TimeSpan.FromMinutes(30),
                Lock = LockState.Locked,
            },
            session);
    }

    [Fact]
    public void Compose_falls_back_to_the_details_names_when_the_basic_enumeration_had_none()
    {
        var listed = new EnumeratedSession(3, SessionState.Active, "", "", "");

        var session = SessionComposer.Compose("RDS01", listed, Details, "", "", local: null);

        Assert.Equal("averyveryverylonguse", session.UserName);
        Assert.Equal("CONTOSO", session.DomainName);
        Assert.Equal("RDP-Tcp#1", session.StationName);
    }

    [Fact]
    public void Compose_without_details_keeps_what_the_enumeration_said_and_leaves_times_unknown()
    {
        var session = SessionComposer.Compose("RDS01", Listed, details: null, "", "", local: null);

        Assert.Equal(SessionState.Active, session.State);
        Assert.Equal("averyveryverylongusername42", session.UserName);
        Assert.Null(session.LogonTime);
        Assert.Null(session.IdleTime);
    }

    [Fact]
    public void Compose_drops_a_domain_reported_for_a_session_nobody_is_signed_in_to()
    {
        var listed = new EnumeratedSession(65536, SessionState.Listen, "RDP-Tcp", "", "");
        var details = Details with { SessionId = 65536, UserName = "", DomainName = "WORKGROUP" };

        var session = SessionComposer.Compose("RDS01", listed, details, "", "", local: null);

        Assert.Equal("", session.DomainName);
        Assert.True(session.IsSystemSession);
    }

    [Fact]
    public void Compose_marks_the_station_named_console_as_the_console_on_any_server()
    {
        var listed = Listed with { StationName = "Console" };

        var session = SessionComposer.Compose("RDS01", listed, null, "", "", local: null);

        Assert.True(session.IsConsole);
        Assert.False(session.IsCurrentSession);
    }

    [Fact]
    public void Compose_on_this_computer_marks_the_console_session_and_this_process_session_by_id()
    {
        var local = new LocalSessionFacts(CurrentSessionId: 3, ConsoleSessionId: 3);

        var session = SessionComposer.Compose(ServerNames.Local, Listed, Details with { Lock = LockState.Unlocked }, "", "", local);

        Assert.True(session.IsCurrentSession);
        Assert.True(session.IsConsole);
    }

    [Fact]
    public void Compose_on_this_computer_leaves_other_sessions_unmarked()
    {
        var local = new LocalSessionFacts(CurrentSessionId: 1, ConsoleSessionId: null);

        var session = SessionComposer.Compose(ServerNames.Local, Listed, Details with { Lock = LockState.Unlocked }, "", "", local);

        Assert.False(session.IsCurrentSession);
        Assert.False(session.IsConsole);
    }

    [Fact]
    public void IdleTime_is_zero_not_negative_when_the_last_input_is_ahead_of_the_server_clock()
    {
        var details = Details with { LastInputTime = Now.AddSeconds(5) };

        Assert.Equal(TimeSpan.Zero, details.IdleTime);
    }

    [Fact]
    public void IdleTime_is_unknown_without_a_last_input_time()
    {
        Assert.Null((Details with { LastInputTime = null }).IdleTime);
        Assert.Null((Details with { CurrentTime = null }).IdleTime);
    }

    [Fact]
    public void Vanished_is_true_only_for_a_session_that_is_gone()
    {
        Assert.True(SessionComposer.Vanished(BackendFailure.SessionGone()));
        Assert.False(SessionComposer.Vanished(BackendFailure.AccessDenied()));
        Assert.False(SessionComposer.Vanished(null));
    }
}
