using SessionKiller.Core.Matching;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Tests.Support;
using static SessionKiller.Core.Tests.Matching.SessionMatcherTests;

namespace SessionKiller.Core.Tests.Matching;

/// <summary>What administrators type: client addresses, typos, and a server or filter before a short word. Each row: the query and the ranking it produces.</summary>
public class SessionMatcherSearchTests
{
    // Idle times fall down the list, so among equal matches the order is the order written here.
    private static readonly SessionInfo[] Farm =
    [
        Session("ann", "RDS01", "10.1.4.7", idleHours: 9),
        Session("bob", "RDS01", "10.1.4.70", idleHours: 8),
        Session("carl", "rds03", "10.1.40.2", idleHours: 7),
        Session("dora", "RDS03", "10.10.1.1", idleHours: 6),
        Session("eve", "LAB03", "fe80::1c", idleHours: 5),
        Session("fay", "LAB03", "2001:db8::7", idleHours: 4),
        Session("jsmith", "LAB03", "172.16.0.9", idleHours: 3),
        Session("john.smith", "RDS03", "172.16.0.10", idleHours: 2, state: SessionState.Disconnected),
        Session("mallory", "RDS03", "10.3.0.1", idleHours: 1),
        Session("mia", "RDS01", "10.3.0.2", idleHours: 0),
    ];

    [Theory]
    [InlineData("10.1.4.7", "ann:Exact bob:Prefix")]
    [InlineData("10.1.", "ann:Prefix bob:Prefix carl:Prefix")]
    [InlineData("10.1", "ann:Prefix bob:Prefix carl:Prefix dora:Prefix")]
    [InlineData("172.16.0.1", "john.smith:Prefix")]
    [InlineData("fe80::", "eve:Prefix")]
    [InlineData("FE80::1C", "eve:Exact")]
    [InlineData("2001:db8::7", "fay:Exact")]
    [InlineData("4.7", "")]
    [InlineData("1047", "")]
    public void A_client_address_is_found_whole_or_by_its_start(string text, string expected)
    {
        Assert.Equal(expected, Ranking(Find(text, Farm)));
    }

    [Fact]
    public void For_the_same_kind_the_client_name_beats_the_address_which_beats_the_station()
    {
        var station = TestSessions.User("ann", id: 1, station: "10.1.4.7", state: SessionState.Disconnected, idle: TimeSpan.FromHours(3));
        var address = TestSessions.User("bob", id: 2, state: SessionState.Disconnected, idle: TimeSpan.FromHours(2)) with { ClientAddress = "10.1.4.7" };
        var client = TestSessions.User("eve", id: 3) with { ClientName = "10.1.4.7" };

        Assert.Equal("eve:Exact bob:Exact ann:Exact", Ranking(Find("10.1.4.7", station, address, client)));
    }

    [Theory]
    [InlineData("jsmtih", "jsmith:Typo")]
    [InlineData("jsmiht", "jsmith:Typo")]
    [InlineData("jsmoth", "jsmith:Typo")]
    [InlineData("xsmith", "john.smith:Typo jsmith:Typo")]
    [InlineData("jsmiith", "jsmith:Typo")]
    [InlineData("smtih", "john.smith:Typo")]
    [InlineData("contoso\\jsmtih", "jsmith:Typo")]
    [InlineData("JSMTIH", "jsmith:Typo")]
    [InlineData("jsmth", "john.smith:Fuzzy jsmith:Fuzzy")]
    [InlineData("jsmtihh", "")]
    [InlineData("sjmtih", "")]
    [InlineData("mallroy", "mallory:Typo")]
    [InlineData("aev", "")]
    [InlineData("eev", "")]
    public void A_word_of_four_or_more_characters_also_matches_one_typo_away(string text, string expected)
    {
        Assert.Equal(expected, Ranking(Find(text, Farm)));
    }

    [Fact]
    public void A_typo_ranks_below_every_subsequence_match()
    {
        var typo = Session("jsmith", "RDS01", "", idleHours: 9, state: SessionState.Disconnected);
        var fuzzy = Session("jxsxmxtxixh", "RDS01", "", idleHours: 1);

        Assert.Equal("jxsxmxtxixh:Fuzzy jsmith:Typo", Ranking(Find("jsmtih", typo, fuzzy)));
    }

    [Fact]
    public void A_word_of_four_or_more_characters_still_matches_as_a_subsequence_sharing_no_neighbours()
    {
        // No pair of neighbouring letters of the word is in the name, which rules out a typo but not a subsequence.
        var spread = TestSessions.User("j-s-m-t-i-h");

        Assert.Equal("j-s-m-t-i-h:Fuzzy", Ranking(Find("jsmtih", spread)));
    }

    [Theory]
    [InlineData("jsmith", "jsmtih", new[] { 0, 1, 2, 3, 4, 5 })]
    [InlineData("jsmith", "jsmoth", new[] { 0, 1, 2, 4, 5 })]
    [InlineData("jsmith", "xsmith", new[] { 1, 2, 3, 4, 5 })]
    [InlineData("jsmith", "jsmiith", new[] { 0, 1, 2, 3, 4, 5 })]
    [InlineData("john.smith", "smtih", new[] { 5, 6, 7, 8, 9 })]
    [InlineData("john.smith", "smoth", new[] { 5, 6, 8, 9 })]
    [InlineData("jsmith", "contoso\\jsmtih", new[] { 0, 1, 2, 3, 4, 5 })]
    [InlineData("jsmith", "contoso\\xsmith", new[] { 1, 2, 3, 4, 5 })]
    public void A_typo_highlights_the_characters_it_stands_for(string user, string text, int[] expected)
    {
        var match = Assert.Single(Find(text, TestSessions.User(user)));

        Assert.Equal(MatchKind.Typo, match.Kind);
        Assert.Equal(expected, match.UserNameHighlights);
    }

    [Theory]
    [InlineData("@rds03 m", "mallory:Prefix john.smith:Substring")]
    [InlineData("@rds01 m", "mia:Prefix")]
    [InlineData("@lab03 smith", "jsmith:Substring")]
    [InlineData("@rds03 a", "carl:Substring dora:Substring mallory:Substring")]
    [InlineData("@rds03 10.1.", "carl:Prefix")]
    [InlineData("@rds09 a", "")]
    [InlineData("state:disc s", "john.smith:Substring")]
    [InlineData("state:disc jsmith", "john.smith:Fuzzy")]
    [InlineData("state:active jsmith", "jsmith:Exact")]
    [InlineData("idle:>5h a", "ann:Prefix carl:Substring dora:Substring")]
    [InlineData("#7 @rds03", "john.smith:Listed")]
    [InlineData("#7 @rds01", "")]
    public void A_server_or_filter_narrows_the_sessions_before_any_word_is_matched(string text, string expected)
    {
        Assert.Equal(expected, Ranking(Find(text, Farm)));
    }

    [Fact]
    public void A_named_server_fills_the_limit_from_its_own_sessions()
    {
        // Twenty exact "m" on another server do not crowd out the weaker matches of the one named.
        var elsewhere = Enumerable.Range(10, 20).Select(id => TestSessions.User("m", id: id, server: "RDS01", idle: TimeSpan.FromHours(20)));
        var named = Enumerable.Range(40, 3).Select(id => TestSessions.User("tim" + id, id: id, server: "LAB03"));

        var matches = FindWith(MatchOptions.Default with { Limit = 20 }, "@lab03 m", [.. elsewhere, .. named]);

        Assert.Equal(["tim40", "tim41", "tim42"], matches.Select(m => m.Session.UserName));
    }

    private static SessionInfo Session(string user, string server, string address, int idleHours, SessionState state = SessionState.Active) =>
        TestSessions.User(user, id: 5 + idleHours, server: server, idle: TimeSpan.FromHours(idleHours), state: state, station: "RDP-Tcp#" + idleHours) with
        {
            ClientAddress = address,
        };

    private static string Ranking(IEnumerable<SessionMatch> matches) => string.Join(' ', matches.Select(m => $"{m.Session.UserName}:{m.Kind}"));
}
