namespace SessionKiller.Wts.Tests.Wine;

/// <summary>
/// The Command Palette extension as a win-x64 process under Wine with the stand-in wtsapi32, driven the
/// way CmdPal drives it (tests/CmdPalHost): provider, top-level command, page, search, items, invoke,
/// Confirm, primary command. The whole path from the SDK's interfaces through Core to the native calls.
/// </summary>
[Collection(WineCollection.Name)]
public sealed class ExtensionUnderWineTests(WineFixture wine)
{
    private const string Scenario = """
        clock now=2026-01-05T10:00:00Z
        session server=localhost id=0 station=Services state=disconnected
        session server=localhost id=1 user=me domain=WINE station=Console logon=2026-01-05T07:00:00Z lastinput=2026-01-05T09:59:00Z
        session server=localhost id=3 user=bob domain=CONTOSO station=RDP-Tcp#1 client=LAPTOP-7 addr=10.0.0.7 state=disconnected logon=2026-01-05T08:00:00Z lastinput=2026-01-05T09:00:00Z
        session server=localhost id=4 user=alice domain=CONTOSO station=RDP-Tcp#2 logon=2026-01-05T06:00:00Z
        process server=localhost id=3 pid=4242 name=notepad.exe
        """;

    [Fact]
    public async Task Logoff_bob_lists_bob_and_the_confirmed_command_signs_him_out()
    {
        var run = await wine.RunAsync(WineApp.CmdPalHost, Scenario, ["bob"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.OutputLines;
        Assert.Contains("command: Sign users out [SessionKiller.SignUsersOut]", lines);
        var item = Assert.Single(lines, line => line.StartsWith("item: ", StringComparison.Ordinal));
        Assert.StartsWith("item: bob \u2014 Disconnected, idle 1 h 0 min | CONTOSO\\bob", item);
        Assert.Contains("result: Confirm", lines);
        Assert.Contains(lines, line => line.StartsWith("confirm: ", StringComparison.Ordinal) && line.Contains("bob", StringComparison.Ordinal) && line.EndsWith("(critical: True)", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("description: ", StringComparison.Ordinal) && line.Contains("notepad", StringComparison.Ordinal));
        Assert.Contains("toast: CONTOSO\\bob was signed out of session 3 on this PC.", lines);
        Assert.Equal(["WTSLogoffSession server=localhost id=3 wait=1 -> ok"], run.CallsTo("WTSLogoffSession"));
        // Written ahead, then the outcome: two lines for the one action.
        Assert.Equal(2, run.Audit.Count);
        Assert.Contains("\"phase\":\"about-to\"", run.Audit[0], StringComparison.Ordinal);
        var outcome = run.Audit[1];
        Assert.Contains("\"phase\":\"outcome\"", outcome, StringComparison.Ordinal);
        Assert.Contains("\"action\":\"LogOff\"", outcome, StringComparison.Ordinal);
        Assert.Contains("\"outcome\":\"Done\"", outcome, StringComparison.Ordinal);
    }
}
