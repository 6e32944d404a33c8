using SessionKiller.Core.Matching;
using SessionKiller.Core.Query;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Tests.Support;

namespace SessionKiller.Core.Tests.Matching;

public class SessionMatcherTests
{
    private static readonly SessionInfo Bob = TestSessions.User("bob", client: "LAPTOP-7");

    internal static IReadOnlyList<SessionMatch> Find(string text, params SessionInfo[] sessions) =>
        FindWith(MatchOptions.Default, text, sessions);

    internal static IReadOnlyList<SessionMatch> FindWith(MatchOptions options, string text, params SessionInfo[] sessions)
    {
        var parsed = QueryParser.Parse(text);
        Assert.Null(parsed.Problem);
        return SessionMatcher.Match(sessions, parsed.Query!, options);
    }

    [Theory]
    [InlineData("bob", MatchKind.Exact)]
    [InlineData("BOB", MatchKind.Exact)]
    [InlineData("bo", MatchKind.Prefix)]
    [InlineData("ob", MatchKind.Substring)]
    [InlineData("bb", MatchKind.Fuzzy)]
    [InlineData("contoso\\bob", MatchKind.Exact)]
    [InlineData("CONTOSO\\B", MatchKind.Prefix)]
    [InlineData("contoso", MatchKind.Prefix)]
    [InlineData("toso\\bo", MatchKind.Substring)]
    [InlineData("oso", MatchKind.Substring)]
    [InlineData("cbob", MatchKind.Fuzzy)]
    [InlineData("laptop-7", MatchKind.Exact)]
    [InlineData("lap", MatchKind.Prefix)]
    [InlineData("top", MatchKind.Substring)]
    [InlineData("lp7", MatchKind.Fuzzy)]
    [InlineData("rdp-tcp#1", MatchKind.Exact)]
    [InlineData("rdp", MatchKind.Prefix)]
    [InlineData("tcp", MatchKind.Substring)]
    [InlineData("\"rdp-tcp#1\"", MatchKind.Exact)]
    public void A_word_matches_user_domain_client_or_station_with_the_best_kind_it_reaches(string text, MatchKind expected)
    {
        var match = Assert.Single(Find(text, Bob));

        Assert.Same(Bob, match.Session);
        Assert.Equal(expected, match.Kind);
    }

    [Theory]
    [InlineData("xyz")]
    [InlineData("bobby")]
    [InlineData("fabrikam\\bob")]
    [InlineData("bob\\contoso")]
    [InlineData("0.0.7")]
    public void A_session_no_word_matches_is_dropped(string text)
    {
        Assert.Empty(Find(text, Bob));
    }

    [Fact]
    public void Unicode_names_match_without_regard_to_case()
    {
        var elise = TestSessions.User("élise");

        var match = Assert.Single(Find("ÉLISE", elise));

        Assert.Equal(MatchKind.Exact, match.Kind);
        Assert.Equal([0, 1, 2, 3, 4], match.UserNameHighlights);
    }

    [Theory]
    [InlineData("\U00010400\U00010400X", MatchKind.Exact)]
    [InlineData("\U00010400", MatchKind.Prefix)]
    [InlineData("\U00010400x", MatchKind.Substring)]
    public void Letters_outside_the_basic_plane_match_without_regard_to_case(string word, MatchKind expected)
    {
        var deseret = TestSessions.User("\U00010428\U00010428x");

        var matches = SessionMatcher.Match([deseret], new SessionQuery { Terms = [word] }, MatchOptions.Default);

        Assert.Equal(expected, Assert.Single(matches).Kind);
    }

    [Theory]
    [InlineData("bob laptop-7", MatchKind.Exact)]
    [InlineData("bob lap", MatchKind.Prefix)]
    [InlineData("laptop-7 bo", MatchKind.Prefix)]
    [InlineData("bo top", MatchKind.Substring)]
    [InlineData("bob lp7", MatchKind.Fuzzy)]
    [InlineData("contoso\\bob rdp-tcp#1 laptop-7", MatchKind.Exact)]
    public void With_several_words_a_session_is_as_good_as_its_weakest_word(string text, MatchKind expected)
    {
        Assert.Equal(expected, Assert.Single(Find(text, Bob)).Kind);
    }

    [Theory]
    [InlineData("bob zzz")]
    [InlineData("zzz bob")]
    [InlineData("bob desktop")]
    public void Every_word_must_match(string text)
    {
        Assert.Empty(Find(text, Bob));
    }

    [Fact]
    public void Words_may_match_different_fields_of_the_same_session()
    {
        var other = TestSessions.User("bob", id: 4, client: "DESKTOP-1");

        var match = Assert.Single(Find("bob laptop", other, Bob));

        Assert.Same(Bob, match.Session);
    }

    [Fact]
    public void Filters_are_applied_before_words()
    {
        Assert.Empty(Find("#4 bob", Bob));
        Assert.Empty(Find("bob @rds02", Bob));
        Assert.Empty(Find("bob state:disc", Bob));
        Assert.Empty(Find("bob idle:>1m", Bob));
        Assert.Single(Find("bob #3 @rds01 state:active idle:<1m", Bob));
    }

    [Fact]
    public void A_session_id_filter_keeps_that_id_on_every_server()
    {
        var first = TestSessions.User("ann", id: 3, server: "RDS01");
        var second = TestSessions.User("bob", id: 3, server: "RDS02");
        var other = TestSessions.User("eve", id: 4, server: "RDS01");

        var matches = Find("#3", first, other, second);

        Assert.Equal([first, second], matches.Select(m => m.Session));
    }

    [Theory]
    [InlineData("@rds02", "RDS02")]
    [InlineData("@RDS02", "RDS02")]
    [InlineData("@\\\\rds02", "RDS02")]
    [InlineData("@localhost", "localhost")]
    [InlineData("@.", "localhost")]
    [InlineData("@LOCALHOST", ".")]
    public void A_server_filter_compares_server_names_the_way_servers_are_named(string text, string serverOfMatch)
    {
        var remote = TestSessions.User("ann", server: "RDS02");
        var local = TestSessions.User("bob", server: serverOfMatch == "RDS02" ? "RDS01" : serverOfMatch);

        var matches = Find(text, remote, local);

        Assert.Equal(serverOfMatch, Assert.Single(matches).Session.ServerName);
    }

    [Theory]
    [InlineData("idle:>1h", new[] { "two-hours" })]
    [InlineData("idle:<1h", new[] { "half-hour" })]
    [InlineData("idle:>10s", new[] { "two-hours", "half-hour" })]
    [InlineData("idle:>2h", new string[0])]
    public void An_idle_filter_keeps_sessions_idle_longer_or_shorter_and_never_unknown_ones(string text, string[] expected)
    {
        var longIdle = TestSessions.User("two-hours", id: 3, idle: TimeSpan.FromHours(2));
        var shortIdle = TestSessions.User("half-hour", id: 4, idle: TimeSpan.FromMinutes(30));
        var unknown = TestSessions.User("unknown", id: 5) with { IdleTime = null };

        var matches = Find(text, unknown, shortIdle, longIdle);

        Assert.Equal(expected, matches.Select(m => m.Session.UserName));
    }

    [Theory]
    [InlineData("state:disc", new[] { "gone" })]
    [InlineData("state:active", new[] { "here" })]
    [InlineData("state:c", new[] { "connected", "query" })]
    [InlineData("state:active,disc", new[] { "gone", "here" })]
    [InlineData("state:down", new string[0])]
    public void A_state_filter_keeps_the_states_it_names(string text, string[] expected)
    {
        SessionInfo[] sessions =
        [
            TestSessions.User("here", id: 2, state: SessionState.Active),
            TestSessions.User("gone", id: 3, state: SessionState.Disconnected),
            TestSessions.User("connected", id: 4, state: SessionState.Connected),
            TestSessions.User("query", id: 5, state: SessionState.ConnectQuery),
        ];

        var matches = Find(text, sessions);

        Assert.Equal(expected, matches.Select(m => m.Session.UserName));
    }

    [Fact]
    public void All_filters_and_words_combine()
    {
        var target = TestSessions.User("bob", id: 7, server: "RDS01", state: SessionState.Disconnected, idle: TimeSpan.FromHours(3));
        SessionInfo[] decoys =
        [
            target with { SessionId = 8, State = SessionState.Active },
            target with { SessionId = 9, IdleTime = TimeSpan.FromMinutes(5) },
            target with { ServerName = "RDS02" },
            target with { SessionId = 10, UserName = "ann" },
        ];

        var matches = Find("bob @rds01 state:disc idle:>1h", [.. decoys, target]);

        Assert.Same(target, Assert.Single(matches).Session);
    }

    [Fact]
    public void System_sessions_are_hidden_by_default()
    {
        var ann = TestSessions.User("ann", id: 2);
        SessionInfo[] sessions =
        [
            TestSessions.Services(),
            TestSessions.Listener(),
            TestSessions.User("", id: 5),
            TestSessions.User("bob", id: 0),
            ann,
        ];

        Assert.Equal([ann], Find("", sessions).Select(m => m.Session));
        Assert.Empty(Find("services", sessions));
        Assert.Empty(Find("#0", sessions));
    }

    [Fact]
    public void System_sessions_are_shown_when_asked_for()
    {
        var options = MatchOptions.Default with { IncludeSystemSessions = true };
        var services = TestSessions.Services();
        var listener = TestSessions.Listener();
        SessionInfo[] sessions = [services, listener, TestSessions.User("", id: 5), TestSessions.User("bob", id: 0), TestSessions.User("ann", id: 2)];

        Assert.Equal(5, FindWith(options, "", sessions).Count);
        Assert.Same(services, Assert.Single(FindWith(options, "services", sessions)).Session);
        Assert.Same(listener, Assert.Single(FindWith(options, "state:listen", sessions)).Session);
    }

    [Fact]
    public void The_callers_own_session_is_hidden_when_the_option_is_off()
    {
        var own = TestSessions.User("bob", id: 2, current: true);
        var other = TestSessions.User("bobby", id: 3);
        var options = MatchOptions.Default with { ShowOwnSession = false };

        Assert.Equal([other], FindWith(options, "bob", own, other).Select(m => m.Session));
        Assert.Equal([other], FindWith(options, "", own, other).Select(m => m.Session));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-1, 0)]
    [InlineData(1, 1)]
    [InlineData(3, 3)]
    [InlineData(5, 5)]
    [InlineData(100, 5)]
    public void The_limit_caps_the_number_of_matches_and_keeps_the_best(int limit, int expected)
    {
        SessionInfo[] sessions =
        [
            TestSessions.User("ann", id: 1, idle: TimeSpan.FromMinutes(1)),
            TestSessions.User("ann", id: 2, idle: TimeSpan.FromMinutes(5)),
            TestSessions.User("ann", id: 3, idle: TimeSpan.FromMinutes(3)),
            TestSessions.User("ann", id: 4, idle: TimeSpan.FromMinutes(4)),
            TestSessions.User("ann", id: 5, idle: TimeSpan.FromMinutes(2)),
        ];

        var matches = FindWith(MatchOptions.Default with { Limit = limit }, "ann", sessions);

        Assert.Equal(new[] { 2, 4, 3, 5, 1 }.Take(expected), matches.Select(m => m.Session.SessionId));
    }

    [Fact]
    public void The_limit_keeps_the_best_kinds_whatever_the_input_order()
    {
        SessionInfo[] sessions =
        [
            TestSessions.User("axnxn", id: 1),
            TestSessions.User("joanne", id: 2),
            TestSessions.User("anna", id: 3),
            TestSessions.User("ann", id: 4),
        ];

        var matches = FindWith(MatchOptions.Default with { Limit = 2 }, "ann", sessions);

        Assert.Equal(["ann", "anna"], matches.Select(m => m.Session.UserName));
    }

    [Fact]
    public void The_limit_drops_the_own_session_first()
    {
        var own = TestSessions.User("bob", id: 2, current: true);
        var other = TestSessions.User("bxoxb", id: 3);

        var matches = FindWith(MatchOptions.Default with { Limit = 1 }, "bob", own, other);

        Assert.Same(other, Assert.Single(matches).Session);
    }

    [Fact]
    public void Null_entries_in_the_list_are_skipped()
    {
        var matches = SessionMatcher.Match([null!, Bob, null!], new SessionQuery { Terms = ["bob"] }, MatchOptions.Default);

        Assert.Same(Bob, Assert.Single(matches).Session);
    }

    [Fact]
    public void Empty_words_in_a_hand_made_query_are_ignored()
    {
        var ann = TestSessions.User("ann", id: 4);

        var withBob = SessionMatcher.Match([ann, Bob], new SessionQuery { Terms = ["", "bob"] }, MatchOptions.Default);
        var onlyEmpty = SessionMatcher.Match([ann, Bob], new SessionQuery { Terms = [""] }, MatchOptions.Default);

        Assert.Equal([Bob], withBob.Select(m => m.Session));
        Assert.All(onlyEmpty, m => Assert.Equal(MatchKind.Listed, m.Kind));
        Assert.Equal(2, onlyEmpty.Count);
    }

    [Fact]
    public void No_sessions_means_no_matches()
    {
        Assert.Empty(SessionMatcher.Match([], new SessionQuery { Terms = ["bob"] }, MatchOptions.Default));
    }

    [Fact]
    public void Missing_arguments_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => SessionMatcher.Match(null!, SessionQuery.Everyone, MatchOptions.Default));
        Assert.Throws<ArgumentNullException>(() => SessionMatcher.Match([Bob], null!, MatchOptions.Default));
        Assert.Throws<ArgumentNullException>(() => SessionMatcher.Match([Bob], SessionQuery.Everyone, null!));
    }

    [Fact]
    public void A_state_outside_the_known_values_is_listed_but_never_passes_a_state_filter()
    {
        var odd = TestSessions.User("odd", state: (SessionState)42);

        Assert.Single(Find("odd", odd));
        Assert.Empty(Find("odd state:a", odd));
    }

    [Fact]
    public void Very_long_names_are_matched_too()
    {
        var longName = new string('a', 300) + "z";
        var session = TestSessions.User(longName, domain: new string('d', 300));

        var qualified = Assert.Single(Find("ddd\\a", session));
        var fuzzy = Assert.Single(Find("dz", session));

        Assert.Equal(MatchKind.Substring, qualified.Kind);
        Assert.Equal([0], qualified.UserNameHighlights);
        Assert.Equal(MatchKind.Fuzzy, fuzzy.Kind);
        Assert.Equal([300], fuzzy.UserNameHighlights);
    }
}
