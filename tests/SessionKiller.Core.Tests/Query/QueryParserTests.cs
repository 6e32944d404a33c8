using SessionKiller.Core.Query;
using SessionKiller.Core.Sessions;

namespace SessionKiller.Core.Tests.Query;

public class QueryParserTests
{
    private static SessionQuery Valid(string? text)
    {
        var result = QueryParser.Parse(text);
        Assert.Null(result.Problem);
        Assert.NotNull(result.Query);
        return result.Query;
    }

    private static QueryProblem Invalid(string? text)
    {
        var result = QueryParser.Parse(text);
        Assert.Null(result.Query);
        Assert.NotNull(result.Problem);
        return result.Problem;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\r\n  ")]
    [InlineData("\"\"")]
    [InlineData("  \"   \"  ")]
    [InlineData("\u0001\u0002")]
    public void Nothing_to_search_for_means_everyone(string? text)
    {
        var query = Valid(text);

        Assert.Same(SessionQuery.Everyone, query);
        Assert.True(query.IsEveryone);
    }

    [Theory]
    [InlineData("bob", new[] { "bob" })]
    [InlineData("bob smith", new[] { "bob", "smith" })]
    [InlineData("   bob \t  smith  ", new[] { "bob", "smith" })]
    [InlineData("\"ann marie\"", new[] { "ann marie" })]
    [InlineData("\"ann marie\" bob", new[] { "ann marie", "bob" })]
    [InlineData("\"  ann  \"", new[] { "ann" })]
    [InlineData("bob\"x y\"", new[] { "bob", "x y" })]
    [InlineData("contoso\\bob", new[] { "contoso\\bob" })]
    [InlineData("contoso\\b", new[] { "contoso\\b" })]
    [InlineData("\\\\", new[] { "\\\\" })]
    [InlineData("10.0.0.7:3389", new[] { "10.0.0.7:3389" })]
    [InlineData("a1:b", new[] { "a1:b" })]
    [InlineData(":bob", new[] { ":bob" })]
    [InlineData("RDP-Tcp#1", new[] { "RDP-Tcp#1" })]
    [InlineData("Ünïcödé", new[] { "Ünïcödé" })]
    [InlineData("用户 😀", new[] { "用户", "😀" })]
    [InlineData("bob\u0001smith\u007f", new[] { "bob", "smith" })]
    [InlineData("bob\u00a0smith", new[] { "bob", "smith" })]
    public void Words_become_terms_in_the_order_typed(string text, string[] expected)
    {
        var query = Valid(text);

        Assert.Equal(expected, query.Terms);
        Assert.Null(query.SessionId);
        Assert.Null(query.Server);
        Assert.Null(query.Idle);
        Assert.Null(query.States);
    }

    [Theory]
    [InlineData("\"idle:>30m\"")]
    [InlineData("\"state:disc\"")]
    [InlineData("\"foo:bar\"")]
    [InlineData("\"#3\"")]
    [InlineData("\"@rds01\"")]
    [InlineData("\"bob@rds01\"")]
    public void Quoted_text_is_never_a_filter(string text)
    {
        var query = Valid(text);

        Assert.Equal([text.Trim('"')], query.Terms);
        Assert.Null(query.SessionId);
        Assert.Null(query.Server);
        Assert.Null(query.Idle);
        Assert.Null(query.States);
    }

    [Theory]
    [InlineData("#3", 3)]
    [InlineData("#0", 0)]
    [InlineData("#007", 7)]
    [InlineData("#2147483647", int.MaxValue)]
    [InlineData("#3 #3", 3)]
    [InlineData("#65536", 65536)]
    public void A_hash_and_a_number_is_a_session_id(string text, int expected)
    {
        var query = Valid(text);

        Assert.Equal(expected, query.SessionId);
        Assert.Empty(query.Terms);
        Assert.False(query.IsEveryone);
    }

    [Theory]
    [InlineData("#")]
    [InlineData("#x")]
    [InlineData("#-1")]
    [InlineData("#+1")]
    [InlineData("#1.5")]
    [InlineData("#3x")]
    [InlineData("#2147483648")]
    [InlineData("#99999999999")]
    [InlineData("#٣")]
    [InlineData("##3")]
    public void A_hash_without_a_whole_number_is_a_malformed_session_id(string text)
    {
        var problem = Invalid(text);

        Assert.Equal(QueryProblemKind.MalformedSessionId, problem.Kind);
        Assert.Equal(text, problem.Token);
        Assert.Contains(text, problem.Message, StringComparison.Ordinal);
        Assert.Contains("#3", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("@rds01", "rds01")]
    [InlineData("@RDS01.contoso.com", "RDS01.contoso.com")]
    [InlineData("@\\\\rds01", "rds01")]
    [InlineData("@localhost", ServerNames.Local)]
    [InlineData("@LocalHost", ServerNames.Local)]
    [InlineData("@.", ServerNames.Local)]
    [InlineData("@rds01 @RDS01", "rds01")]
    [InlineData("@. @localhost", ServerNames.Local)]
    public void An_at_sign_names_the_server(string text, string expected)
    {
        var query = Valid(text);

        Assert.Equal(expected, query.Server);
        Assert.Empty(query.Terms);
    }

    [Fact]
    public void A_word_with_an_at_sign_is_a_name_on_a_server()
    {
        var query = Valid("bob@rds01");

        Assert.Equal(["bob"], query.Terms);
        Assert.Equal("rds01", query.Server);
    }

    [Fact]
    public void A_session_id_can_carry_its_server()
    {
        var query = Valid("#3@rds01");

        Assert.Equal(3, query.SessionId);
        Assert.Equal("rds01", query.Server);
        Assert.Empty(query.Terms);
    }

    [Fact]
    public void A_qualified_name_can_carry_its_server()
    {
        var query = Valid("contoso\\bob@rds01");

        Assert.Equal(["contoso\\bob"], query.Terms);
        Assert.Equal("rds01", query.Server);
    }

    [Theory]
    [InlineData("@")]
    [InlineData("bob@")]
    [InlineData("#3@")]
    [InlineData("@\\\\")]
    public void An_at_sign_without_a_name_is_an_empty_server(string text)
    {
        var problem = Invalid(text);

        Assert.Equal(QueryProblemKind.EmptyServer, problem.Kind);
        Assert.Equal(text, problem.Token);
        Assert.Contains("@rds01", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("idle:>30m", IdleComparison.LongerThan, 30 * 60)]
    [InlineData("idle:<2h", IdleComparison.ShorterThan, 2 * 3600)]
    [InlineData("idle:30m", IdleComparison.LongerThan, 30 * 60)]
    [InlineData("idle:>45s", IdleComparison.LongerThan, 45)]
    [InlineData("idle:>1d", IdleComparison.LongerThan, 86400)]
    [InlineData("idle:>0s", IdleComparison.LongerThan, 0)]
    [InlineData("idle:>1.5h", IdleComparison.LongerThan, 90 * 60)]
    [InlineData("idle:<0.5m", IdleComparison.ShorterThan, 30)]
    [InlineData("idle:<1h30m", IdleComparison.ShorterThan, 90 * 60)]
    [InlineData("idle:>1d2h3m4s", IdleComparison.LongerThan, 86400 + 7200 + 180 + 4)]
    [InlineData("IDLE:>2H", IdleComparison.LongerThan, 2 * 3600)]
    [InlineData("Idle:<10M", IdleComparison.ShorterThan, 600)]
    [InlineData("idle:>0030m", IdleComparison.LongerThan, 30 * 60)]
    [InlineData("idle:>1h idle:>60m", IdleComparison.LongerThan, 3600)]
    [InlineData("idle:>100000d", IdleComparison.LongerThan, 100000L * 86400)]
    public void Idle_filters_read_a_comparison_and_an_amount(string text, IdleComparison comparison, long seconds)
    {
        var query = Valid(text);

        Assert.Equal(new IdleFilter(comparison, TimeSpan.FromSeconds(seconds)), query.Idle);
        Assert.Empty(query.Terms);
    }

    [Theory]
    [InlineData("idle:")]
    [InlineData("idle:>")]
    [InlineData("idle:<")]
    [InlineData("idle:>m")]
    [InlineData("idle:>30")]
    [InlineData("idle:>30x")]
    [InlineData("idle:>30min")]
    [InlineData("idle:>=30m")]
    [InlineData("idle:=30m")]
    [InlineData("idle:>-5m")]
    [InlineData("idle:>1.h")]
    [InlineData("idle:>.5h")]
    [InlineData("idle:>1,5h")]
    [InlineData("idle:>1e5m")]
    [InlineData("idle:30m5")]
    [InlineData("idle:>>30m")]
    [InlineData("idle:>٣m")]
    public void Idle_filters_that_are_not_an_amount_with_a_unit_are_malformed(string text)
    {
        var problem = Invalid(text);

        Assert.Equal(QueryProblemKind.MalformedIdle, problem.Kind);
        Assert.Equal(text, problem.Token);
        Assert.Contains(text, problem.Message, StringComparison.Ordinal);
        Assert.Contains("s, m, h or d", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("idle:>100001d")]
    [InlineData("idle:>99999999999d")]
    [InlineData("idle:>99999999999999999999999999999999999999s")]
    [InlineData("idle:<9223372036854775807d")]
    [InlineData("idle:>99999h99999999999999d")]
    public void Idle_amounts_beyond_the_limit_are_refused_without_overflowing(string text)
    {
        var problem = Invalid(text);

        Assert.Equal(QueryProblemKind.MalformedIdle, problem.Kind);
        Assert.Contains("100000d", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_idle_amount_of_hundreds_of_digits_is_refused_without_overflowing()
    {
        var text = "idle:>" + new string('9', 240) + "d";

        var problem = Invalid(text);

        Assert.Equal(QueryProblemKind.MalformedIdle, problem.Kind);
    }

    [Theory]
    [InlineData("state:disc", new[] { SessionState.Disconnected })]
    [InlineData("state:Disconnected", new[] { SessionState.Disconnected })]
    [InlineData("STATE:DISCONNECTED", new[] { SessionState.Disconnected })]
    [InlineData("state:a", new[] { SessionState.Active })]
    [InlineData("state:c", new[] { SessionState.Connected, SessionState.ConnectQuery })]
    [InlineData("state:connect", new[] { SessionState.Connected, SessionState.ConnectQuery })]
    [InlineData("state:connected", new[] { SessionState.Connected })]
    [InlineData("state:i", new[] { SessionState.Idle, SessionState.Init })]
    [InlineData("state:listen", new[] { SessionState.Listen })]
    [InlineData("state:active,disc", new[] { SessionState.Active, SessionState.Disconnected })]
    [InlineData("state:disc state:active", new[] { SessionState.Active, SessionState.Disconnected })]
    [InlineData("state:disc state:disconnected", new[] { SessionState.Disconnected })]
    [InlineData("state:d", new[] { SessionState.Disconnected, SessionState.Down })]
    public void State_filters_name_states_by_name_or_by_their_start(string text, SessionState[] expected)
    {
        var query = Valid(text);

        Assert.Equal(expected, query.States);
        Assert.Empty(query.Terms);
    }

    [Theory]
    [InlineData("state:")]
    [InlineData("state:x")]
    [InlineData("state:activex")]
    [InlineData("state:disc,")]
    [InlineData("state:,disc")]
    [InlineData("state:disc,bogus")]
    [InlineData("state:>1h")]
    public void State_filters_that_name_no_state_are_unknown_states(string text)
    {
        var problem = Invalid(text);

        Assert.Equal(QueryProblemKind.UnknownState, problem.Kind);
        Assert.Equal(text, problem.Token);
        Assert.Contains("Disconnected", problem.Message, StringComparison.Ordinal);
        Assert.Contains("state:disc", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.1.4.7")]
    [InlineData("10.1.")]
    [InlineData("fe80::1")]
    [InlineData("::1")]
    [InlineData("face:b00c::1")]
    [InlineData("FACE:")]
    public void A_client_address_or_its_start_is_a_word_not_a_filter(string text)
    {
        Assert.Equal([text], Valid(text).Terms);
    }

    [Theory]
    [InlineData("foo:bar")]
    [InlineData("foo:")]
    [InlineData("user:bob")]
    [InlineData("server:rds01")]
    [InlineData("Ärger:x")]
    [InlineData("bob:")]
    [InlineData("face:b00x")]
    public void A_word_of_letters_before_a_colon_is_an_unknown_filter(string text)
    {
        var problem = Invalid(text);

        Assert.Equal(QueryProblemKind.UnknownFilter, problem.Kind);
        Assert.Equal(text, problem.Token);
        Assert.Contains("idle:", problem.Message, StringComparison.Ordinal);
        Assert.Contains("state:", problem.Message, StringComparison.Ordinal);
        Assert.Contains($"\"{text}\"", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"bob", "\"bob")]
    [InlineData("bob \"ann marie", "\"ann marie")]
    [InlineData("\"a\" \"b", "\"b")]
    [InlineData("\"", "\"")]
    [InlineData("\"\"\"", "\"")]
    public void An_unclosed_quote_is_unbalanced(string text, string token)
    {
        var problem = Invalid(text);

        Assert.Equal(QueryProblemKind.UnbalancedQuote, problem.Kind);
        Assert.Equal(token, problem.Token);
        Assert.Contains(token, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#3 #5", "#5")]
    [InlineData("#3@rds01 #4", "#4")]
    [InlineData("@rds01 @rds02", "@rds02")]
    [InlineData("bob@rds01 ann@rds02", "ann@rds02")]
    [InlineData("@localhost @rds01", "@rds01")]
    [InlineData("idle:>1h idle:<2h", "idle:<2h")]
    [InlineData("idle:>1h idle:>2h", "idle:>2h")]
    public void A_second_different_id_server_or_idle_filter_conflicts_with_the_first(string text, string token)
    {
        var problem = Invalid(text);

        Assert.Equal(QueryProblemKind.ConflictingFilters, problem.Kind);
        Assert.Equal(token, problem.Token);
        Assert.Contains(token, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Everything_combines()
    {
        var query = Valid("contoso\\bob \"laptop 7\" #3 @rds01 idle:>1h state:disc,active");

        Assert.Equal(["contoso\\bob", "laptop 7"], query.Terms);
        Assert.Equal(3, query.SessionId);
        Assert.Equal("rds01", query.Server);
        Assert.Equal(new IdleFilter(IdleComparison.LongerThan, TimeSpan.FromHours(1)), query.Idle);
        Assert.Equal([SessionState.Active, SessionState.Disconnected], query.States);
    }

    [Theory]
    [InlineData("#x foo:bar", QueryProblemKind.MalformedSessionId)]
    [InlineData("foo:bar #x", QueryProblemKind.UnknownFilter)]
    [InlineData("bob state:zz \"open", QueryProblemKind.UnknownState)]
    [InlineData("idle:x @", QueryProblemKind.MalformedIdle)]
    public void The_first_problem_from_the_left_is_reported(string text, QueryProblemKind expected)
    {
        Assert.Equal(expected, Invalid(text).Kind);
    }

    [Fact]
    public void A_query_of_exactly_the_maximum_length_is_read()
    {
        var text = new string('a', QueryParser.MaxLength);

        Assert.Equal([text], Valid(text).Terms);
    }

    [Fact]
    public void Surrounding_white_space_does_not_count_towards_the_length()
    {
        var text = new string(' ', 500) + new string('a', QueryParser.MaxLength) + new string('\t', 500);

        Assert.Single(Valid(text).Terms);
    }

    [Theory]
    [InlineData(QueryParser.MaxLength + 1)]
    [InlineData(10_000)]
    [InlineData(1 << 20)]
    public void A_query_longer_than_the_maximum_is_too_long(int length)
    {
        var problem = Invalid(new string('x', length));

        Assert.Equal(QueryProblemKind.TooLong, problem.Kind);
        Assert.Contains(QueryParser.MaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.Message, StringComparison.Ordinal);
        Assert.True(problem.Token.Length < 40, "the token quotes the start of the text, not all of it");
        Assert.StartsWith("xxxx", problem.Token, StringComparison.Ordinal);
    }

    [Fact]
    public void A_megabyte_of_mixed_grammar_is_too_long_and_does_not_throw()
    {
        var text = string.Concat(Enumerable.Repeat("\"#@idle:>9999999999d state:x ", 40_000));

        Assert.Equal(QueryProblemKind.TooLong, Invalid(text).Kind);
    }

    [Fact]
    public void Every_problem_kind_has_a_sentence_that_names_its_token()
    {
        string[] texts = ["foo:bar", "idle:x", "state:x", "#x", "@", "\"open", new string('y', 300), "#1 #2"];

        var problems = texts.Select(Invalid).ToList();

        Assert.Equal(Enum.GetValues<QueryProblemKind>(), problems.Select(p => p.Kind).Order());
        foreach (var problem in problems)
        {
            Assert.NotEmpty(problem.Token);
            Assert.Contains(problem.Token.TrimEnd('…'), problem.Message, StringComparison.Ordinal);
            Assert.EndsWith(".", problem.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_grammar_help_is_one_line_naming_every_form()
    {
        var help = QueryParser.GrammarHelp;

        Assert.DoesNotContain('\n', help);
        foreach (var form in new[] { "\"", "#", "@", "idle:>", "idle:<", "state:", "s m h d" })
        {
            Assert.Contains(form, help, StringComparison.Ordinal);
        }
    }
}
