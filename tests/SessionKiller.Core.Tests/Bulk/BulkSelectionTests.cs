using SessionKiller.Core.Bulk;
using SessionKiller.Core.Matching;
using SessionKiller.Core.Query;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Tests.Support;

namespace SessionKiller.Core.Tests.Bulk;

public class BulkSelectionTests
{
    private static readonly SessionInfo[] TwoIdleDisconnected =
    [
        TestSessions.User("bob", id: 3, state: SessionState.Disconnected, idle: TimeSpan.FromHours(9)),
        TestSessions.User("ann", id: 4, state: SessionState.Disconnected, idle: TimeSpan.FromHours(10)),
    ];

    private static SessionQuery Parse(string text) => QueryParser.Parse(text).Query!;

    [Theory]
    [InlineData("idle:>8h")]
    [InlineData("state:disc")]
    [InlineData("@rds01")]
    [InlineData("idle:>8h state:disc")]
    [InlineData("b state:disc")]
    public void A_query_with_a_filter_and_two_actionable_matches_gets_a_bulk_item(string query)
    {
        var selection = BulkSelection.From(Parse(query), TwoIdleDisconnected);

        Assert.NotNull(selection);
        Assert.Equal(2, selection.Sessions.Count);
    }

    [Theory]
    [InlineData("b")]
    [InlineData("bob ann")]
    [InlineData("contoso\\b")]
    [InlineData("")]
    public void A_query_of_name_words_alone_never_gets_a_bulk_item(string query)
    {
        Assert.Null(BulkSelection.From(Parse(query), TwoIdleDisconnected));
    }

    [Fact]
    public void A_query_naming_a_session_id_never_gets_a_bulk_item_even_with_filters()
    {
        Assert.Null(BulkSelection.From(Parse("#3 state:disc @rds01"), TwoIdleDisconnected));
    }

    [Fact]
    public void One_match_gets_no_bulk_item()
    {
        Assert.Null(BulkSelection.From(Parse("state:disc"), TwoIdleDisconnected[..1]));
    }

    [Fact]
    public void Own_session_console_session_zero_and_listeners_are_never_included_nor_counted()
    {
        SessionInfo[] matches =
        [
            TestSessions.User("me", id: 2, state: SessionState.Disconnected, current: true),
            TestSessions.User("kiosk", id: 1, state: SessionState.Disconnected, console: true),
            TestSessions.Services(),
            TestSessions.Listener(),
            TestSessions.User("bob", id: 3, state: SessionState.Disconnected),
        ];

        Assert.Null(BulkSelection.From(Parse("state:disc"), matches));

        var withAnn = BulkSelection.From(Parse("state:disc"), [.. matches, TestSessions.User("ann", id: 4, state: SessionState.Disconnected)]);
        Assert.NotNull(withAnn);
        Assert.Equal(["bob", "ann"], withAnn.Sessions.Select(session => session.UserName));
    }

    [Fact]
    public void A_fuzzy_match_of_a_word_never_joins_a_group()
    {
        var sessions = new[]
        {
            TestSessions.User("bob", id: 3, state: SessionState.Disconnected),
            TestSessions.User("bobby", id: 4, state: SessionState.Disconnected),
            TestSessions.User("bxoxb", id: 5, state: SessionState.Disconnected),
        };
        var query = Parse("bb state:disc");

        var matches = SessionMatcher.Match(sessions, query, MatchOptions.Default);

        Assert.Equal(2, matches.Count(match => match.Kind == MatchKind.Fuzzy));
        Assert.Null(BulkSelection.From(query, matches));
        Assert.Equal(["bobby"], BulkSelection.Matching(query, sessions).Select(session => session.UserName));
        Assert.Equal(2, BulkSelection.From(Parse("bob state:disc"), SessionMatcher.Match(sessions, Parse("bob state:disc"), MatchOptions.Default))!.Sessions.Count);
    }

    [Fact]
    public void Matching_keeps_the_listed_order_not_the_ranking()
    {
        var sessions = new[]
        {
            TestSessions.User("xbob", id: 3, state: SessionState.Disconnected),
            TestSessions.User("bob", id: 4, state: SessionState.Disconnected),
            TestSessions.Services(),
        };

        Assert.Equal([3, 4], BulkSelection.Matching(Parse("bob"), sessions).Select(session => session.SessionId));
        Assert.Equal([3, 4, 0], BulkSelection.Matching(Parse("state:disc"), sessions, includeSystemSessions: true).Select(session => session.SessionId));
    }

    [Fact]
    public void Users_and_servers_are_named_once_each_in_listed_order()
    {
        var sessions = new[]
        {
            TestSessions.User("bob", id: 3, server: "RDS01"),
            TestSessions.User("ann", id: 4, server: "RDS02"),
            TestSessions.User("bob", id: 5, server: "rds01"),
        };

        var selection = BulkSelection.From(Parse("@rds01"), sessions)!;

        Assert.Equal([@"CONTOSO\bob", @"CONTOSO\ann"], selection.UserNames);
        Assert.Equal(["RDS01", "RDS02"], selection.Servers);
    }
}
