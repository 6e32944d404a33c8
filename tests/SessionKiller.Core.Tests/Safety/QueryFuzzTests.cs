using System.Diagnostics;
using System.Text;
using CsCheck;
using SessionKiller.Core.Matching;
using SessionKiller.Core.Query;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Tests.Support;

namespace SessionKiller.Core.Tests.Safety;

/// <summary>Whatever is typed, the grammar and the matcher answer without an exception, in time linear in the input.</summary>
public class QueryFuzzTests
{
    public const int Executions = 100_000;

    private static readonly SessionInfo[] Catalog =
    [
        TestSessions.User("bob", id: 3, client: "LAPTOP-7"),
        TestSessions.User("ann marie", id: 4, state: SessionState.Disconnected, idle: TimeSpan.FromHours(3)),
        TestSessions.User("Ærøskøbing", id: 5, domain: "ÅRHUS", server: "rds02"),
        TestSessions.User("bob", id: 6, current: true),
        TestSessions.Services(),
        TestSessions.Listener(),
    ];

    /// <summary>Pieces of the grammar, broken grammar, and the characters that break parsers.</summary>
    private static readonly Gen<string> Fragment = Gen.OneOf(
        Gen.String[0, 12],
        Gen.Char.Array[0, 6].Select(chars => new string(chars)),
        Gen.OneOf(
            Gen.Const("\""), Gen.Const("#"), Gen.Const("@"), Gen.Const("idle:"), Gen.Const("state:"), Gen.Const(":"),
            Gen.Const(">"), Gen.Const("<"), Gen.Const("\\"), Gen.Const(" "), Gen.Const("\t"), Gen.Const("\0"), Gen.Const("\u202E"),
            Gen.Const("\uD800"), Gen.Const("\uDC00"), Gen.Const("😀"), Gen.Const("ſ"), Gen.Const("İ"), Gen.Const("1.5h"), Gen.Const("30m"),
            Gen.Const("99999999999999999999"), Gen.Const("-1"), Gen.Const("1e309"), Gen.Const("NaN"), Gen.Const("d"), Gen.Const("disc")),
        Gen.Long.Select(number => number.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static readonly Gen<string> Typed = Fragment.Array[0, 12].Select(parts => string.Concat(parts));

    [Fact]
    public void A_hundred_thousand_random_queries_parse_and_match_without_an_exception()
    {
        var options = new[] { MatchOptions.Default, MatchOptions.Default with { IncludeSystemSessions = true, Limit = 2 } };

        Typed.Sample(
            text =>
            {
                var parsed = QueryParser.Parse(text);
                Assert.True((parsed.Query is null) != (parsed.Problem is null));
                if (parsed.Problem is { } problem)
                {
                    Assert.False(string.IsNullOrWhiteSpace(problem.Message));
                    return;
                }

                foreach (var option in options)
                {
                    var matches = SessionMatcher.Match(Catalog, parsed.Query!, option);
                    Assert.All(matches, match => Assert.Contains(match.Session, Catalog));
                    Assert.All(matches, match => Assert.All(match.UserNameHighlights, index => Assert.InRange(index, 0, match.Session.UserName.Length - 1)));
                }
            },
            iter: Executions);
    }

    [Theory]
    [InlineData('a')]
    [InlineData('"')]
    [InlineData('#')]
    [InlineData('@')]
    [InlineData(':')]
    [InlineData('\u0001')]
    public void A_megabyte_of_input_is_refused_as_too_long_at_once(char filler)
    {
        var text = new string(filler, 1024 * 1024);
        var watch = Stopwatch.StartNew();

        var parsed = QueryParser.Parse(text);

        Assert.Equal(QueryProblemKind.TooLong, parsed.Problem!.Kind);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Queries_at_the_length_limit_built_to_be_hard_parse_and_match_in_well_under_a_millisecond_each()
    {
        var hard = new[]
        {
            new string('"', QueryParser.MaxLength),
            string.Concat(Enumerable.Repeat("b ", QueryParser.MaxLength / 2)),
            string.Concat(Enumerable.Repeat("#1", QueryParser.MaxLength / 2)),
            "idle:>" + new string('9', QueryParser.MaxLength - 7) + "h",
            string.Concat(Enumerable.Repeat("state:d ", QueryParser.MaxLength / 8)),
            new StringBuilder().Insert(0, "ab", QueryParser.MaxLength / 2).ToString(),
        };
        var watch = Stopwatch.StartNew();

        for (var round = 0; round < 100; round++)
        {
            foreach (var text in hard)
            {
                var parsed = QueryParser.Parse(text);
                if (parsed.Query is { } query)
                {
                    SessionMatcher.Match(Catalog, query, MatchOptions.Default);
                }
            }
        }

        // 600 hard queries; a parser quadratic in its input would take seconds here.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }
}
