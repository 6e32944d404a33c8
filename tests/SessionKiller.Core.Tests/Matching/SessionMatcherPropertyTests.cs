using CsCheck;
using SessionKiller.Core.Matching;
using SessionKiller.Core.Query;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Tests.Support;

namespace SessionKiller.Core.Tests.Matching;

public class SessionMatcherPropertyTests
{
    private static readonly Gen<string> Name =
        Gen.Frequency(
            (3, Gen.OneOf(Gen.Const("bob"), Gen.Const("bobby"), Gen.Const("ann"), Gen.Const("anna"), Gen.Const("john.doe"), Gen.Const(""))),
            (2, Gen.Char["abnoc\\.-1 É"].Array[0, 10].Select(chars => new string(chars))));

    private static readonly Gen<TimeSpan?> Idle =
        Gen.Frequency(
            (1, Gen.Const((TimeSpan?)null)),
            (4, Gen.Int[0, 400_000].Select(seconds => (TimeSpan?)TimeSpan.FromSeconds(seconds))));

    private static readonly Gen<SessionInfo> Session = SessionGens.Session(
        Name,
        Gen.OneOf(Gen.Const(""), Gen.Const("CONTOSO"), Gen.Const("fabrikam")),
        Gen.OneOf(Gen.Const("RDS01"), Gen.Const("rds02"), Gen.Const("localhost"), Gen.Const(".")),
        Gen.Int[0, 12],
        Idle);

    private static readonly Gen<string> QueryText =
        Gen.OneOf(
                Gen.Const("bob"), Gen.Const("b"), Gen.Const("an"), Gen.Const("contoso\\b"), Gen.Const("#3"), Gen.Const("@rds02"),
                Gen.Const("@localhost"), Gen.Const("idle:>1h"), Gen.Const("idle:<30m"), Gen.Const("state:d"), Gen.Const("state:a"),
                Gen.Const("xz"), Gen.Const("o"), Gen.Const("\"a b\""), Gen.Const("é"), Gen.Const("1"))
            .Array[0, 3]
            .Select(words => string.Join(' ', words));

    private static readonly Gen<MatchOptions> Options =
        Gen.Select(Gen.Bool, Gen.Bool, Gen.Frequency((1, Gen.Int[0, 5]), (1, Gen.Const(int.MaxValue))))
            .Select((system, own, limit) => new MatchOptions { IncludeSystemSessions = system, ShowOwnSession = own, Limit = limit });

    /// <summary>The generated text can contradict itself (<c>@rds02 @localhost</c>); those cases test the parser, not this.</summary>
    private static SessionQuery Parse(string text) => QueryParser.Parse(text).Query ?? SessionQuery.Everyone;

    [Fact]
    public void Match_returns_an_ordered_subset_of_the_sessions_that_pass_the_options()
    {
        Gen.Select(Session.List[0, 40], QueryText, Options).Sample(
            (sessions, text, options) =>
            {
                var matches = SessionMatcher.Match(sessions, Parse(text), options);

                Assert.True(matches.Count <= options.Limit);
                Assert.Equal(matches.Count, matches.Select(m => m.Session).Distinct(ReferenceEqualityComparer.Instance).Count());
                var seenOwn = false;
                var previous = MatchKind.Exact;
                foreach (var match in matches)
                {
                    Assert.Contains(match.Session, sessions);
                    Assert.True(options.IncludeSystemSessions || !match.Session.IsSystemSession);
                    Assert.True(options.ShowOwnSession || !match.Session.IsCurrentSession);

                    // The own session is last: once seen, only own sessions follow. Before it, kinds never rise.
                    Assert.True(!seenOwn || match.Session.IsCurrentSession);
                    seenOwn |= match.Session.IsCurrentSession;
                    if (!seenOwn)
                    {
                        Assert.True(match.Kind <= previous);
                        previous = match.Kind;
                    }

                    Assert.True(match.UserNameHighlights.SequenceEqual(match.UserNameHighlights.Distinct().Order()));
                    Assert.All(match.UserNameHighlights, i => Assert.InRange(i, 0, match.Session.UserName.Length - 1));
                }
            },
            iter: 3_000);
    }

    [Fact]
    public void A_limit_returns_the_start_of_the_unlimited_list()
    {
        Gen.Select(Session.List[0, 40], QueryText, Gen.Int[0, 6]).Sample(
            (sessions, text, limit) =>
            {
                var query = Parse(text);

                var all = SessionMatcher.Match(sessions, query, MatchOptions.Default);
                var limited = SessionMatcher.Match(sessions, query, MatchOptions.Default with { Limit = limit });

                Assert.Equal(all.Take(limit).Select(m => m.Session), limited.Select(m => m.Session));
                Assert.Equal(all.Take(limit).Select(m => m.Kind), limited.Select(m => m.Kind));
            },
            iter: 2_000);
    }

    [Fact]
    public void The_order_does_not_depend_on_the_order_of_the_input()
    {
        // Sessions that differ in server (ignoring case) and id never tie completely, so the order is fixed.
        Gen.Select(Session.List[0, 40], QueryText).Sample(
            (sessions, text) =>
            {
                var distinct = sessions.DistinctBy(s => (ServerNames.Normalize(s.ServerName).ToUpperInvariant(), s.SessionId)).ToList();
                var query = Parse(text);

                var forward = SessionMatcher.Match(distinct, query, MatchOptions.Default);
                var backward = SessionMatcher.Match(Enumerable.Reverse(distinct).ToList(), query, MatchOptions.Default);

                Assert.Equal(forward.Select(m => m.Session), backward.Select(m => m.Session));
            },
            iter: 2_000);
    }

    [Fact]
    public void Without_words_or_filters_every_session_is_listed()
    {
        Session.List[0, 40].Sample(
            sessions =>
            {
                var options = MatchOptions.Default with { IncludeSystemSessions = true };

                Assert.Equal(sessions.Count, SessionMatcher.Match(sessions, SessionQuery.Everyone, options).Count);
            },
            iter: 500);
    }

    [Fact]
    public void A_session_is_always_found_by_its_exact_user_name_whatever_the_characters()
    {
        Gen.Select(Gen.String[1, 30], Gen.String[0, 30], Gen.String[0, 20], Gen.String[0, 20]).Sample(
            (user, domain, client, station) =>
            {
                var target = new SessionInfo
                {
                    ServerName = "RDS01",
                    SessionId = 5,
                    UserName = user,
                    DomainName = domain,
                    ClientName = client,
                    StationName = station,
                };

                var match = Assert.Single(SessionMatcher.Match([target], new SessionQuery { Terms = [user] }, MatchOptions.Default));

                Assert.Equal(MatchKind.Exact, match.Kind);
                Assert.Equal(Enumerable.Range(0, user.Length), match.UserNameHighlights);
            },
            iter: 3_000);
    }

    [Fact]
    public void Match_never_throws_on_any_words_and_names()
    {
        Gen.Select(Gen.String[0, 20].Array[0, 3], Gen.String[0, 20], Gen.String[0, 20], Gen.String[0, 20]).Sample(
            (terms, user, domain, client) =>
            {
                SessionInfo[] sessions =
                [
                    new() { ServerName = "RDS01", SessionId = 2, UserName = user, DomainName = domain, ClientName = client },
                    new() { ServerName = "RDS01", SessionId = 3, UserName = client, DomainName = user, StationName = domain },
                ];

                var matches = SessionMatcher.Match(sessions, new SessionQuery { Terms = terms }, MatchOptions.Default);

                Assert.InRange(matches.Count, 0, 2);
            },
            iter: 3_000);
    }

    [Fact]
    public void The_kind_and_highlights_of_one_word_agree_with_a_plain_reference()
    {
        // Letters whose case rules differ between invariant upper case and ordinal comparison (ſ, ı) included.
        var text = Gen.Char["abAB sSſiIıéÉ.\\"];
        Gen.Select(text.Array[1, 12].Select(c => new string(c)), text.Array[1, 5].Select(c => new string(c))).Sample(
            (user, term) =>
            {
                var session = new SessionInfo { ServerName = "RDS01", SessionId = 4, UserName = user };

                var matches = SessionMatcher.Match([session], new SessionQuery { Terms = [term] }, MatchOptions.Default);

                var expected = RankingOracle.KindIn(user, term);
                if (expected == MatchKind.Listed)
                {
                    Assert.Empty(matches);
                    return;
                }

                var match = Assert.Single(matches);
                Assert.Equal(expected, match.Kind);
                if (expected == MatchKind.Typo)
                {
                    return;
                }

                // Whatever other kind, the highlighted characters spell the word.
                var highlighted = string.Concat(match.UserNameHighlights.Select(i => user[i]));
                Assert.True(string.Equals(term, highlighted, StringComparison.OrdinalIgnoreCase), $"{highlighted} for {term} in {user}");
            },
            iter: 5_000);
    }
}
