namespace SessionKiller.Wts.Tests.Wine;

/// <summary>
/// Windows reuses session ids. Under Wine, with one world shared by successive runs (the stand-in's state
/// file), these take the path a script or the plugin takes: <c>list --json</c>, something happens to the
/// session, then <c>logoff #ID</c> with the user and logon time the list showed.
/// </summary>
[Collection(WineCollection.Name)]
public sealed class CliIdentityUnderWineTests(WineFixture wine)
{
    private const string Scenario = CliScenario.Servers;

    [Fact]
    public async Task Logoff_as_listed_signs_out_exactly_that_session_when_nothing_changed()
    {
        var (world, logon) = await ListBobAsync(Scenario);

        var run = await world.RunAsync(LogoffAsListed(logon));

        CliAssert.ExitCode(0, run);
        Assert.Equal(["CONTOSO\\bob was signed out of session 3 on A."], run.OutputLines);
        Assert.Equal(["WTSLogoffSession server=A id=3 wait=1 -> ok"], run.CallsTo("WTSLogoffSession"));
        CliAssert.OneAuditLine(world, "LogOff", "Done");
    }

    [Fact]
    public async Task Logoff_as_listed_refuses_when_the_id_now_belongs_to_someone_else()
    {
        // Between the two runs bob signs out and eve's new session gets id 3.
        var (world, logon) = await ListBobAsync(Scenario + "\nswap server=A id=3 after=1 user=eve domain=FABRIKAM logon=2026-01-05T09:45:00Z");

        var run = await world.RunAsync(LogoffAsListed(logon));
        var after = await world.RunAsync("list", "--server", "A", "--json");

        CliAssert.ExitCode(7, run);
        Assert.Equal("Nothing was done: session 3 on A now belongs to FABRIKAM\\eve since it was listed.", CliAssert.OneSentenceOnStderr(run));
        Assert.Equal("WTSSIM_SWAP server=A id=3 user=FABRIKAM\\eve", run.Calls[0]);
        Assert.Empty(run.CallsTo("WTSLogoffSession"));
        CliAssert.OneAuditLine(world, "LogOff", "Changed");
        var session3 = CliAssert.JsonList(after).Single(item => item!["sessionId"]!.GetValue<int>() == 3)!;
        Assert.Equal("eve", session3["userName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Logoff_as_listed_refuses_when_the_same_user_signed_out_and_in_again()
    {
        var (world, logon) = await ListBobAsync(Scenario + "\nswap server=A id=3 after=1 logon=2026-01-05T09:50:00Z");

        var run = await world.RunAsync(LogoffAsListed(logon));

        CliAssert.ExitCode(7, run);
        Assert.Equal("Nothing was done: session 3 on A is a new sign-in of CONTOSO\\bob since it was listed.", CliAssert.OneSentenceOnStderr(run));
        Assert.Empty(run.CallsTo("WTSLogoffSession"));
        CliAssert.OneAuditLine(world, "LogOff", "Changed");
    }

    [Fact]
    public async Task Logoff_as_listed_refuses_when_the_session_is_gone()
    {
        var (world, logon) = await ListBobAsync(Scenario);
        var otherAdmin = await world.RunAsync("logoff", "bob", "--server", "A", "--yes");

        var run = await world.RunAsync(LogoffAsListed(logon));

        CliAssert.ExitCode(0, otherAdmin);
        CliAssert.ExitCode(7, run);
        Assert.Equal("Nothing was done: session 3 on A no longer exists (CONTOSO\\bob may have signed out already).", CliAssert.OneSentenceOnStderr(run));
        Assert.Empty(run.CallsTo("WTSLogoffSession"));
        Assert.Equal(["Done", "Gone"], world.AuditLines().Select(line => line.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task Ask_does_not_sign_out_whoever_took_the_id_while_the_question_was_open()
    {
        // The list is read 1; ask reads before asking (2) and again after the Yes (3), when the id is eve's.
        var (world, logon) = await ListBobAsync(Scenario + "\nanswer server=A id=3 reply=yes\nswap server=A id=3 after=2 user=eve domain=FABRIKAM logon=2026-01-05T09:45:00Z");

        var run = await world.RunAsync(
            "ask", "#3", "--server", "A", "--yes", "--timeout", "10",
            "--expect-user", "CONTOSO\\bob", "--expect-logon", logon);

        CliAssert.ExitCode(7, run);
        Assert.Equal("Nothing was done: session 3 on A now belongs to FABRIKAM\\eve since it was listed.", CliAssert.OneSentenceOnStderr(run));
        Assert.EndsWith("-> ok reply=6", Assert.Single(run.CallsTo("WTSSendMessageW")), StringComparison.Ordinal);
        Assert.Empty(run.CallsTo("WTSLogoffSession"));
        CliAssert.OneAuditLine(world, "AskFirst", "Changed");
    }

    private static string[] LogoffAsListed(string logon) =>
        ["logoff", "#3", "--server", "A", "--yes", "--expect-user", "CONTOSO\\bob", "--expect-logon", logon];

    /// <summary>Lists A as a script would and returns bob's logon time from the JSON.</summary>
    private async Task<(CliWorld World, string Logon)> ListBobAsync(string scenario)
    {
        var world = new CliWorld(wine, scenario);
        var list = await world.RunAsync("list", "--server", "A", "--json");
        CliAssert.ExitCode(0, list);
        var bob = CliAssert.JsonList(list).Single(item => item!["sessionId"]!.GetValue<int>() == 3)!;
        Assert.Equal("CONTOSO\\bob", $"{bob["domainName"]!.GetValue<string>()}\\{bob["userName"]!.GetValue<string>()}");
        return (world, bob["logonTime"]!.GetValue<string>());
    }
}
