using CsCheck;
using SessionKiller.Core.Catalog;
using SessionKiller.Core.Matching;
using SessionKiller.Core.Query;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Tests.Support;

namespace SessionKiller.Core.Tests.Matching;

/// <summary>The fast path (index, masks, cut-offs) against <see cref="RankingOracle"/>, the rules written plainly.</summary>
public class SessionMatcherOracleTests
{
    // Few letters and few values: many sessions tie on score, state and idle, which is where cutting off goes wrong.
    private static readonly Gen<string> Name =
        Gen.Frequency(
            (3, Gen.OneOf(Gen.Const("bob"), Gen.Const("bobby"), Gen.Const("abbot"), Gen.Const("b"), Gen.Const(""), Gen.Const("ſb"), Gen.Const("BÉ"), Gen.Const("Éb"), Gen.Const("é"), Gen.Const("jsmith"), Gen.Const("j.smiht"), Gen.Const("bob.obbo"), Gen.Const("bxoxbxb"), Gen.Const("j-s-m-t-i-h"))),
            (3, Gen.Char["abBoO\\.1#É"].Array[0, 8].Select(chars => new string(chars))),
            (1, Gen.String[0, 6]));

    private static readonly Gen<string> Address =
        Gen.OneOf(Gen.Const(""), Gen.Const("10.1.4.7"), Gen.Const("10.1.40.2"), Gen.Const("10.10.1.1"), Gen.Const("fe80::1c"), Gen.Const("bob"));

    private static readonly Gen<SessionInfo> Session = Gen.Select(
            SessionGens.Session(
                Name,
                Gen.OneOf(Gen.Const(""), Gen.Const("CONTOSO"), Gen.Const("b")),
                Gen.OneOf(Gen.Const("RDS01"), Gen.Const("rds01"), Gen.Const("RDS02"), Gen.Const("lab03")),
                Gen.Int[0, 4],
                Gen.OneOf(Gen.Const((TimeSpan?)null), Gen.Const((TimeSpan?)TimeSpan.FromHours(2)), Gen.Int[0, 5].Select(m => (TimeSpan?)TimeSpan.FromMinutes(m)))),
            Address)
        .Select((session, address) => session with { ClientAddress = address });

    private static readonly Gen<SessionQuery> Query =
        Gen.Select(
            Gen.Frequency(
                    (4, Gen.OneOf(Gen.Const("b"), Gen.Const("bo"), Gen.Const("bob"), Gen.Const("bbo"), Gen.Const("B"), Gen.Const("contoso\\b"), Gen.Const("o"), Gen.Const("é"), Gen.Const("s"), Gen.Const("zzz"), Gen.Const("#"))),
                    (2, Gen.OneOf(Gen.Const("jsmtih"), Gen.Const("smith"), Gen.Const("bobb"), Gen.Const("obbo"), Gen.Const("10.1."), Gen.Const("10.1.4.7"), Gen.Const("FE80::"), Gen.Const("rdp-tcp"), Gen.Const("bob.obob"))),
                    (1, Gen.String[0, 4]))
                .Array[0, 3],
            Gen.Frequency((4, Gen.Const((IdleFilter?)null)), (1, Gen.Const((IdleFilter?)new IdleFilter(IdleComparison.LongerThan, TimeSpan.FromMinutes(2))))),
            Gen.Frequency((4, Gen.Const((IReadOnlyList<SessionState>?)null)), (1, Gen.Const((IReadOnlyList<SessionState>?)[SessionState.Disconnected, SessionState.Idle]))),
            Gen.Frequency((6, Gen.Const((int?)null)), (1, Gen.Int[0, 4].Select(id => (int?)id))),
            Gen.Frequency((3, Gen.Const((string?)null)), (1, Gen.OneOf(Gen.Const((string?)"rds01"), Gen.Const((string?)"LAB03"), Gen.Const((string?)"rds09")))))
            .Select((terms, idle, states, id, server) => new SessionQuery { Terms = terms, Idle = idle, States = states, SessionId = id, Server = server });

    private static readonly Gen<MatchOptions> Options =
        Gen.Select(Gen.Bool, Gen.Bool, Gen.Frequency((3, Gen.Int[0, 25]), (1, Gen.Const(int.MaxValue))))
            .Select((system, own, limit) => new MatchOptions { IncludeSystemSessions = system, ShowOwnSession = own, Limit = limit });

    [Fact]
    public void The_matcher_finds_what_the_oracle_finds_in_the_same_order()
    {
        Gen.Select(Session.List[0, 120], Query, Options).Sample(
            (sessions, query, options) => AssertAgree(RankingOracle.Match(sessions, query, options), SessionMatcher.Match(sessions, query, options)),
            iter: 3_000);
    }

    [Fact]
    public void The_matcher_and_the_oracle_agree_on_large_catalogs_with_a_short_limit()
    {
        Gen.Select(Session.List[200, 600], Query, Gen.Int[1, 20]).Sample(
            (sessions, query, limit) =>
            {
                var options = MatchOptions.Default with { Limit = limit };

                AssertAgree(RankingOracle.Match(sessions, query, options), SessionMatcher.Match(sessions, query, options));
            },
            iter: 200);
    }

    [Fact]
    public void A_word_starting_outside_ascii_still_finds_names_starting_so_when_many_match_better()
    {
        // Disconnected sessions come first in the walk; their client prefixes leave only better prefixes in play,
        // and a user name starting with É must still count as one.
        var sessions = Enumerable.Range(2, 5)
            .Select(id => new SessionInfo { ServerName = "RDS01", SessionId = id, UserName = "x", ClientName = "éa", State = SessionState.Disconnected })
            .Append(new SessionInfo { ServerName = "RDS01", SessionId = 9, UserName = "Éb", State = SessionState.Active })
            .ToArray();

        var matches = SessionMatcher.Match(sessions, new SessionQuery { Terms = ["é"] }, MatchOptions.Default with { Limit = 1 });

        Assert.Equal("Éb", Assert.Single(matches).Session.UserName);
    }

    [Fact]
    public void The_catalogs_list_carries_an_index_that_agrees_with_the_oracle()
    {
        Gen.Select(Session.List[0, 300], Query, Gen.Int[1, 20]).Sample(
            (sessions, query, limit) =>
            {
                var snapshot = CatalogSnapshot.From([new ServerSnapshot("RDS01", sessions, DateTimeOffset.UnixEpoch, null, null)]);
                var options = MatchOptions.Default with { Limit = limit };

                AssertAgree(RankingOracle.Match(sessions, query, options), SessionMatcher.Match(snapshot.Sessions, query, options));
            },
            iter: 300);
    }

    [Fact]
    public void A_list_edited_after_it_was_matched_is_indexed_again()
    {
        var sessions = new List<SessionInfo>
        {
            new() { ServerName = "RDS01", SessionId = 2, UserName = "alice" },
            new() { ServerName = "RDS01", SessionId = 3, UserName = "bob" },
        };
        var query = new SessionQuery { Terms = ["carol"] };
        Assert.Empty(SessionMatcher.Match(sessions, query, MatchOptions.Default));

        sessions[1] = new() { ServerName = "RDS01", SessionId = 3, UserName = "carol" };
        sessions.Add(new() { ServerName = "RDS01", SessionId = 4, UserName = "carol.smith" });

        var matches = SessionMatcher.Match(sessions, query, MatchOptions.Default);

        Assert.Equal(["carol", "carol.smith"], matches.Select(m => m.Session.UserName));
    }

    [Fact]
    public void The_catalogs_list_is_indexed_once()
    {
        var snapshot = CatalogSnapshot.From([new ServerSnapshot("RDS01", [new SessionInfo { ServerName = "RDS01", SessionId = 2, UserName = "alice" }], DateTimeOffset.UnixEpoch, null, null)]);

        Assert.Same(SessionSearchIndex.For(snapshot.Sessions), SessionSearchIndex.For(snapshot.Sessions));
    }

    [Fact]
    public void A_character_mask_folds_ascii_case_and_leaves_other_characters_out()
    {
        Assert.Equal(SessionSearchIndex.CharMask("BOB"), SessionSearchIndex.CharMask("bob"));
        Assert.Equal(SessionSearchIndex.CharMask("s"), SessionSearchIndex.CharMask("sſ"));
        Assert.Equal(0UL, SessionSearchIndex.CharMask("ſıÉé"));
        Assert.NotEqual(0UL, SessionSearchIndex.CharMask("z") & ~SessionSearchIndex.CharMask("contoso\\bob"));
    }

    [Fact]
    public void A_pair_mask_folds_ascii_case_and_holds_the_pairs_of_every_part()
    {
        Assert.Equal(SessionSearchIndex.PairMask("BoB"), SessionSearchIndex.PairMask("bOb"));
        Assert.Equal(0UL, SessionSearchIndex.PairMask("b"));
        Assert.Equal(0UL, SessionSearchIndex.PairMask("ſıÉ"));
        Assert.Equal(0UL, SessionSearchIndex.PairMask("bob") & ~SessionSearchIndex.PairMask("CONTOSO\\BOBBY"));
    }

    private static void AssertAgree(IReadOnlyList<(SessionInfo Session, MatchKind Kind)> expected, IReadOnlyList<SessionMatch> actual)
    {
        Assert.Equal(expected.Select(m => m.Session), actual.Select(m => m.Session), ReferenceEqualityComparer.Instance);
        Assert.Equal(expected.Select(m => m.Kind), actual.Select(m => m.Kind));
    }
}
