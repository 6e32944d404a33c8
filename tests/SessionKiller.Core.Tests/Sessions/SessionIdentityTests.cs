using SessionKiller.Core.Sessions;
using SessionKiller.Core.Tests.Support;

namespace SessionKiller.Core.Tests.Sessions;

public class SessionIdentityTests
{
    private static readonly SessionInfo Bob = TestSessions.User("bob", id: 3);

    [Fact]
    public void The_same_session_read_again_is_the_same_identity() =>
        Assert.Equal(IdentityCheck.Same, Bob.Identity.CheckAgainst(Bob with { IdleTime = TimeSpan.FromHours(3), State = SessionState.Disconnected }));

    [Fact]
    public void Nothing_read_means_gone() => Assert.Equal(IdentityCheck.Gone, Bob.Identity.CheckAgainst(null));

    [Fact]
    public void Another_id_means_gone() => Assert.Equal(IdentityCheck.Gone, Bob.Identity.CheckAgainst(Bob with { SessionId = 4 }));

    [Fact]
    public void Another_server_means_gone() => Assert.Equal(IdentityCheck.Gone, Bob.Identity.CheckAgainst(Bob with { ServerName = "RDS02" }));

    [Fact]
    public void Server_names_compare_without_case() => Assert.Equal(IdentityCheck.Same, Bob.Identity.CheckAgainst(Bob with { ServerName = "rds01" }));

    [Fact]
    public void Another_user_is_other_user() => Assert.Equal(IdentityCheck.OtherUser, Bob.Identity.CheckAgainst(Bob with { UserName = "eve" }));

    [Fact]
    public void Another_domain_is_other_user() => Assert.Equal(IdentityCheck.OtherUser, Bob.Identity.CheckAgainst(Bob with { DomainName = "FABRIKAM" }));

    [Fact]
    public void Same_user_with_a_new_logon_time_is_a_new_logon() =>
        Assert.Equal(IdentityCheck.NewLogon, Bob.Identity.CheckAgainst(Bob with { LogonTime = Bob.LogonTime!.Value.AddSeconds(1) }));

    [Fact]
    public void A_logon_time_that_became_unknown_is_a_new_logon() =>
        Assert.Equal(IdentityCheck.NewLogon, Bob.Identity.CheckAgainst(Bob with { LogonTime = null }));

    [Fact]
    public void Logon_times_compare_as_instants_whatever_the_offset() =>
        Assert.Equal(IdentityCheck.Same, Bob.Identity.CheckAgainst(Bob with { LogonTime = Bob.LogonTime!.Value.ToOffset(TimeSpan.FromHours(2)) }));

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData(" ", true)]
    [InlineData(".", true)]
    [InlineData("LOCALHOST", true)]
    [InlineData("RDS01", false)]
    public void Local_server_spellings(string? name, bool local) => Assert.Equal(local, ServerNames.IsLocal(name));

    [Fact]
    public void Server_names_normalize_leading_backslashes_and_spaces() => Assert.Equal("RDS01", ServerNames.Normalize(@"  \\RDS01 "));

    [Fact]
    public void Qualified_name_omits_an_unknown_domain()
    {
        Assert.Equal(@"CONTOSO\bob", Bob.QualifiedUserName);
        Assert.Equal("bob", (Bob with { DomainName = "" }).QualifiedUserName);
    }

    [Fact]
    public void Identity_prints_user_session_and_server() => Assert.Equal(@"CONTOSO\bob (session 3 on RDS01)", Bob.Identity.ToString());
}
