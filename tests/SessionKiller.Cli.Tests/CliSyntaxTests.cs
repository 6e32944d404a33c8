using SessionKiller.Core.HelperProtocol;

namespace SessionKiller.Cli.Tests;

public class CliSyntaxTests
{
    [Theory]
    [InlineData("#0", 0)]
    [InlineData("#3", 3)]
    [InlineData("#65536", 65536)]
    [InlineData("#007", 7)]
    public void Session_ids_read_as_numbers(string text, int expected)
    {
        Assert.True(CliSyntax.TryParseSessionId(text, out var id));
        Assert.Equal(expected, id);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("#")]
    [InlineData("# 3")]
    [InlineData("#٣")]
    [InlineData("#2147483648")]
    public void Anything_else_is_not_a_session_id(string text)
    {
        Assert.False(CliSyntax.TryParseSessionId(text, out _));
    }

    [Fact]
    public void Logon_times_round_trip_to_the_tick_in_UTC()
    {
        var logon = new DateTimeOffset(2026, 11, 25, 9, 30, 0, TimeSpan.FromHours(1)).AddTicks(4242);

        Assert.True(CliSyntax.TryParseLogon(CliSyntax.FormatLogon(logon), out var parsed));
        Assert.Equal(logon.UtcTicks, parsed!.Value.UtcTicks);
        Assert.EndsWith("Z", CliSyntax.FormatLogon(logon), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_logon_is_written_and_read_as_unknown()
    {
        Assert.Equal("unknown", CliSyntax.FormatLogon(null));
        Assert.True(CliSyntax.TryParseLogon("unknown", out var parsed));
        Assert.Null(parsed);
    }

    [Theory]
    [InlineData("bob", "", "bob")]
    [InlineData(@"CONTOSO\bob", "CONTOSO", "bob")]
    [InlineData(@"rds01\Administrator", "rds01", "Administrator")]
    public void Users_read_with_or_without_a_domain(string text, string domain, string user)
    {
        Assert.True(CliSyntax.TryParseUser(text, out var parsedDomain, out var parsedUser));
        Assert.Equal((domain, user), (parsedDomain, parsedUser));
    }
}
