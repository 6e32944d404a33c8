using SessionKiller.Core.Matching;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Tests.Support;
using static SessionKiller.Core.Tests.Matching.SessionMatcherTests;

namespace SessionKiller.Core.Tests.Matching;

public class SessionMatcherRankingTests
{
    [Fact]
    public void Exact_ranks_before_prefix_before_substring_before_fuzzy()
    {
        SessionInfo[] sessions =
        [
            TestSessions.User("axnxn", id: 1, state: SessionState.Disconnected, idle: TimeSpan.FromHours(9)),
            TestSessions.User("joanne", id: 2, state: SessionState.Disconnected, idle: TimeSpan.FromHours(5)),
            TestSessions.User("anna", id: 3, state: SessionState.Disconnected),
            TestSessions.User("ann", id: 4),
        ];

        var matches = Find("ann", sessions);

        Assert.Equal(["ann", "anna", "joanne", "axnxn"], matches.Select(m => m.Session.UserName));
        Assert.Equal([MatchKind.Exact, MatchKind.Prefix, MatchKind.Substring, MatchKind.Fuzzy], matches.Select(m => m.Kind));
    }

    [Fact]
    public void An_exact_user_name_outranks_an_exact_station()
    {
        var onStation = TestSessions.User("bob", id: 1, station: "Console", state: SessionState.Disconnected, idle: TimeSpan.FromHours(8));
        var byUser = TestSessions.User("console", id: 2);

        var matches = Find("console", onStation, byUser);

        Assert.Equal([byUser, onStation], matches.Select(m => m.Session));
        Assert.All(matches, m => Assert.Equal(MatchKind.Exact, m.Kind));
    }

    [Fact]
    public void For_the_same_kind_the_user_beats_domain_user_beats_client_beats_station()
    {
        var station = TestSessions.User("eve", id: 1, domain: "", station: "Console", state: SessionState.Disconnected, idle: TimeSpan.FromHours(4));
        var client = TestSessions.User("ann", id: 2, domain: "", client: "CONF-ROOM", state: SessionState.Disconnected, idle: TimeSpan.FromHours(3));
        var domain = TestSessions.User("bob", id: 3, domain: "CONTOSO", state: SessionState.Disconnected, idle: TimeSpan.FromHours(2));
        var user = TestSessions.User("conrad", id: 4, domain: "");

        var matches = Find("con", station, client, domain, user);

        Assert.Equal([user, domain, client, station], matches.Select(m => m.Session));
        Assert.All(matches, m => Assert.Equal(MatchKind.Prefix, m.Kind));
    }

    [Fact]
    public void With_several_words_the_field_of_the_weakest_word_breaks_the_tie()
    {
        // Both are prefix matches; bobby's weakest word is a user prefix, bob's a client prefix.
        var bob = TestSessions.User("bob", id: 1, client: "LAPTOP-7");
        var bobby = TestSessions.User("bobby", id: 2, client: "LAP");

        var matches = Find("bob lap", bob, bobby);

        Assert.Equal([bobby, bob], matches.Select(m => m.Session));
        Assert.All(matches, m => Assert.Equal(MatchKind.Prefix, m.Kind));
    }

    [Fact]
    public void Among_equal_matches_disconnected_comes_first_then_other_states_then_active()
    {
        var active = TestSessions.User("bob", server: "RDS01", state: SessionState.Active, idle: TimeSpan.FromHours(3));
        var disconnected = TestSessions.User("bob", server: "RDS02", state: SessionState.Disconnected);
        var connected = TestSessions.User("bob", server: "RDS03", state: SessionState.Connected, idle: TimeSpan.FromMinutes(1));

        var matches = Find("bob", active, connected, disconnected);

        Assert.Equal([disconnected, connected, active], matches.Select(m => m.Session));
    }

    [Fact]
    public void Among_equal_matches_in_the_same_state_the_longest_idle_comes_first_and_unknown_idle_last()
    {
        var hour = TestSessions.User("bob", id: 1, idle: TimeSpan.FromHours(1));
        var unknown = TestSessions.User("bob", id: 2) with { IdleTime = null };
        var fiveHours = TestSessions.User("bob", id: 3, idle: TimeSpan.FromHours(5));
        var justNow = TestSessions.User("bob", id: 4, idle: TimeSpan.Zero);

        var matches = Find("bob", hour, unknown, fiveHours, justNow);

        Assert.Equal([fiveHours, hour, justNow, unknown], matches.Select(m => m.Session));
    }

    [Fact]
    public void Remaining_ties_go_by_server_name_without_regard_to_case_then_by_id()
    {
        var second = TestSessions.User("bob", id: 1, server: "rds02");
        var firstLater = TestSessions.User("bob", id: 7, server: "RDS01");
        var firstEarlier = TestSessions.User("bob", id: 2, server: "rds01");
        var third = TestSessions.User("bob", id: 1, server: "RDS03");

        var matches = Find("bob", third, second, firstLater, firstEarlier);

        Assert.Equal([firstEarlier, firstLater, second, third], matches.Select(m => m.Session));
    }

    [Fact]
    public void The_match_kind_outranks_state_and_idle()
    {
        var exactActive = TestSessions.User("bob", id: 1, state: SessionState.Active);
        var prefixDisconnected = TestSessions.User("bobby", id: 2, state: SessionState.Disconnected, idle: TimeSpan.FromDays(3));

        var matches = Find("bob", prefixDisconnected, exactActive);

        Assert.Equal([exactActive, prefixDisconnected], matches.Select(m => m.Session));
    }

    [Fact]
    public void The_callers_own_session_comes_last_even_when_it_matches_best()
    {
        var own = TestSessions.User("bob", id: 1, current: true, state: SessionState.Disconnected, idle: TimeSpan.FromDays(1));
        var fuzzy = TestSessions.User("bxoxb", id: 2);
        var prefix = TestSessions.User("bobby", id: 3);

        var matches = Find("bob", own, fuzzy, prefix);

        Assert.Equal([prefix, fuzzy, own], matches.Select(m => m.Session));
        Assert.Equal(MatchKind.Exact, matches[^1].Kind);
    }

    [Fact]
    public void Without_words_every_session_is_listed_most_idle_first_and_the_own_session_last()
    {
        var own = TestSessions.User("me", id: 1, current: true, idle: TimeSpan.FromHours(10));
        var oneHour = TestSessions.User("ann", id: 2, idle: TimeSpan.FromHours(1));
        var threeHours = TestSessions.User("bob", id: 3, idle: TimeSpan.FromHours(3));
        var twoHoursAway = TestSessions.User("eve", id: 4, state: SessionState.Disconnected, idle: TimeSpan.FromHours(2));
        var unknown = TestSessions.User("kim", id: 5, state: SessionState.Disconnected) with { IdleTime = null };

        var matches = Find("", own, oneHour, unknown, threeHours, twoHoursAway);

        Assert.Equal([threeHours, twoHoursAway, oneHour, unknown, own], matches.Select(m => m.Session));
        Assert.All(matches, m => Assert.Equal(MatchKind.Listed, m.Kind));
        Assert.All(matches, m => Assert.Empty(m.UserNameHighlights));
    }

    [Fact]
    public void Without_words_equal_idle_times_list_disconnected_sessions_first()
    {
        var active = TestSessions.User("ann", id: 1, idle: TimeSpan.FromHours(1));
        var disconnected = TestSessions.User("bob", id: 2, state: SessionState.Disconnected, idle: TimeSpan.FromHours(1));

        var matches = Find("state:a,d", active, disconnected);

        Assert.Equal([disconnected, active], matches.Select(m => m.Session));
    }

    [Fact]
    public void Sessions_that_tie_on_everything_keep_the_callers_order()
    {
        var first = TestSessions.User("bob");
        var second = TestSessions.User("bob");

        Assert.Same(first, Find("bob", first, second)[0].Session);
        Assert.Same(second, Find("bob", second, first)[0].Session);
    }

    [Theory]
    [InlineData("bob", "bob", new[] { 0, 1, 2 })]
    [InlineData("bob", "BO", new[] { 0, 1 })]
    [InlineData("bob", "ob", new[] { 1, 2 })]
    [InlineData("bob", "contoso\\bob", new[] { 0, 1, 2 })]
    [InlineData("bob", "contoso\\b", new[] { 0 })]
    [InlineData("bob", "oso\\bo", new[] { 0, 1 })]
    [InlineData("bob", "cbob", new[] { 0, 1, 2 })]
    [InlineData("bob", "contoso", new int[0])]
    [InlineData("bob", "laptop", new int[0])]
    [InlineData("bob", "rdp", new int[0])]
    [InlineData("bob", "bob laptop", new[] { 0, 1, 2 })]
    [InlineData("bob", "bo ob", new[] { 0, 1, 2 })]
    [InlineData("john.doe", "jdoe", new[] { 0, 5, 6, 7 })]
    [InlineData("john.doe", "jo doe", new[] { 0, 1, 5, 6, 7 })]
    [InlineData("john.doe", "JD", new[] { 0, 5 })]
    [InlineData("a_a_b", "ab", new[] { 2, 4 })]
    [InlineData("maria", "mra", new[] { 0, 2, 4 })]
    public void Highlights_mark_the_user_name_characters_that_matched(string user, string text, int[] expected)
    {
        var session = TestSessions.User(user, client: "LAPTOP-7");

        var match = Assert.Single(Find(text, session));

        Assert.Equal(expected, match.UserNameHighlights);
    }

    [Fact]
    public void Highlights_come_from_the_best_field_of_each_word()
    {
        // "lap" is a prefix of the client and a fuzzy match in the user name: the client wins, nothing to mark.
        var session = TestSessions.User("leap", client: "LAPTOP-7");

        var match = Assert.Single(Find("lap", session));

        Assert.Equal(MatchKind.Prefix, match.Kind);
        Assert.Empty(match.UserNameHighlights);
    }
}
