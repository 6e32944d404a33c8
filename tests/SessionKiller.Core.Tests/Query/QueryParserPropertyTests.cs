using CsCheck;
using SessionKiller.Core.Query;

namespace SessionKiller.Core.Tests.Query;

public class QueryParserPropertyTests
{
    /// <summary>Text made mostly of the grammar's own characters, where the interesting mistakes are.</summary>
    private static readonly Gen<string> GrammarLikeText =
        Gen.Char["\"#@:<>.,\\ \t\u0000idlestacomhd0123456789xé😀"].Array[0, 300].Select(chars => new string(chars));

    private static readonly Gen<string> Word =
        Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._\\äß"].Array[1, 12].Select(chars => new string(chars));

    private static void AssertWellFormed(string? text, QueryParseResult result)
    {
        Assert.True(result.Query is null != result.Problem is null, $"exactly one of query and problem for {text}");
        if (result.Problem is { } problem)
        {
            Assert.True(Enum.IsDefined(problem.Kind));
            Assert.False(string.IsNullOrEmpty(problem.Token));
            Assert.False(string.IsNullOrWhiteSpace(problem.Message));
        }
        else
        {
            Assert.All(result.Query!.Terms, term => Assert.False(string.IsNullOrWhiteSpace(term)));
        }
    }

    [Fact]
    public void Parse_never_throws_on_any_text()
    {
        Gen.String.Sample(text => AssertWellFormed(text, QueryParser.Parse(text)), iter: 5_000);
    }

    [Fact]
    public void Parse_never_throws_on_text_made_of_the_grammar_characters()
    {
        GrammarLikeText.Sample(text => AssertWellFormed(text, QueryParser.Parse(text)), iter: 20_000);
    }

    [Fact]
    public void Parse_is_deterministic()
    {
        GrammarLikeText.Sample(text => Assert.Equal(Describe(QueryParser.Parse(text)), Describe(QueryParser.Parse(text))), iter: 2_000);
    }

    private static string Describe(QueryParseResult result) =>
        result.Query is { } query
            ? $"{string.Join('|', query.Terms)} #{query.SessionId} @{query.Server} {query.Idle} {string.Join(',', query.States ?? [])}"
            : result.Problem!.ToString();

    [Fact]
    public void Plain_words_come_back_as_the_terms_typed()
    {
        Word.Array[1, 8].Sample(
            words =>
            {
                var result = QueryParser.Parse(string.Join(' ', words));

                Assert.Null(result.Problem);
                Assert.Equal(words, result.Query!.Terms);
            });
    }

    [Fact]
    public void Any_text_without_quotes_can_be_searched_for_by_quoting_it()
    {
        Gen.Char["ab:#@<>\\.1 é"].Array[1, 40].Select(chars => new string(chars))
            .Where(text => text.Trim().Length > 0)
            .Sample(
                text =>
                {
                    var result = QueryParser.Parse($"\"{text}\"");

                    Assert.Null(result.Problem);
                    Assert.Equal([text.Trim()], result.Query!.Terms);
                });
    }
}
