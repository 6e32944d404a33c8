using Community.PowerToys.Run.Plugin.SessionKiller.Results;
using Community.PowerToys.Run.Plugin.SessionKiller.Tests.Support;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Tests.Support;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Tests;

[UseCulture]
public sealed class SessionTextTests
{
    [Theory]
    [InlineData(0, "active now")]
    [InlineData(0.5, "active now")]
    [InlineData(12, "idle 12 s")]
    [InlineData(59, "idle 59 s")]
    [InlineData(60, "idle 1 min")]
    [InlineData(35 * 60 + 20, "idle 35 min")]
    [InlineData(2 * 3600 + 14 * 60, "idle 2 h 14 min")]
    [InlineData(3 * 86400 + 4 * 3600 + 50, "idle 3 d 4 h")]
    public void Idle_time_reads_in_at_most_two_units(double seconds, string expected) =>
        Assert.Equal(expected, Words.Idle(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Unknown_idle_time_says_so() => Assert.Equal("idle time unknown", Words.Idle(null));

    [Theory]
    [InlineData(SessionState.Active, "Active")]
    [InlineData(SessionState.Disconnected, "Disconnected")]
    [InlineData(SessionState.Idle, "Idle")]
    [InlineData(SessionState.ConnectQuery, "Connecting")]
    public void States_have_words(SessionState state, string expected) => Assert.Equal(expected, Words.State(state));

    [Fact]
    public void A_locked_session_says_locked_in_its_title()
    {
        var session = TestSessions.User("bob", idle: TimeSpan.FromMinutes(3)) with { Lock = LockState.Locked };

        Assert.Equal("bob \u2014 Active, locked, idle 3 min", SessionText.Title(session));
    }

    [Fact]
    public void A_console_session_without_a_client_is_at_the_console()
    {
        var text = new SessionText(new ManualClock(TestSessions.Now));
        var session = TestSessions.User("bob", id: 1, console: true);

        Assert.Equal(@"CONTOSO\bob · session 1 on RDS01 · at the console · signed in 08:00", text.Subtitle(session));
    }

    [Fact]
    public void A_user_without_a_domain_reads_as_the_bare_name()
    {
        var text = new SessionText(new ManualClock(TestSessions.Now));
        var session = TestSessions.User("bob", domain: "") with { LogonTime = null };

        Assert.Equal("bob · session 3 on RDS01", text.Subtitle(session));
    }

    [Fact]
    [UseCulture("de", "de-DE")]
    public void In_German_the_texts_are_German()
    {
        var text = new SessionText(new ManualClock(TestSessions.Now));
        var session = TestSessions.User("bob", state: SessionState.Disconnected, idle: TimeSpan.FromMinutes(134), client: "LAPTOP-7", current: true);

        Assert.Equal("bob (Sie) \u2014 Getrennt, Leerlauf 2 Std. 14 Min.", SessionText.Title(session));
        Assert.Equal(@"CONTOSO\bob · Sitzung 3 auf RDS01 · von LAPTOP-7 · angemeldet 08:00", text.Subtitle(session));
        Assert.Contains("Dies ist Ihre eigene Sitzung.", text.Details(session), StringComparison.Ordinal);
    }
}
