using System.Globalization;

namespace SessionKiller.Wts.Tests.Wine;

/// <summary>
/// Every WTS operation the CLI makes, failing with each error that matters, under Wine: the exit code of
/// the CLI's table, one sentence on stderr, one audit line for an action, and nothing done. The cases run
/// a few at a time (<see cref="WineBatch{TCase, TResult}"/>); each row asserts on its own run.
/// </summary>
/// <remarks>
/// What the product does where a failure is not an action's own (decided here and asserted):
/// <list type="bullet">
/// <item>Session information (WTSQuerySessionInformationW) failing while a server is read: a session that
/// has ended meanwhile (7022, 2) is left out; any other failure leaves the session listed with what the
/// enumeration gave (user, domain, state) and its times, client and lock unknown. It is not a failure of
/// the server, so <c>list</c> exits 0 and says nothing. An action bound to a logon time then refuses
/// (exit 7): the logon time cannot be confirmed, so nothing is done. (Its sentence calls that "a new
/// sign-in", the nearest outcome Core has; the wording is not asserted.)</item>
/// <item>Processes (WTSEnumerateProcessesW) are read only for a confirmation's text. With <c>--yes</c>
/// there is no confirmation, they are not read, and the sign-out goes ahead; without it the list fails,
/// the confirmation cannot be asked without a terminal, and nothing is done (exit 4).</item>
/// </list>
/// </remarks>
[Collection(WineCollection.Name)]
public sealed class CliFaultMatrixUnderWineTests(WineFixture wine)
{
    /// <summary>An error Windows has no text for; the product maps it as any other failure.</summary>
    private const int UnknownError = 31337;

    // Static fields start in order: these come before the cases built from them.
    private static readonly int[] ErrorCodes = [5, 1722, 1726, 53, 7022, 2, 50, 1460, 87, UnknownError];

    private static readonly string[] LogoffAsListed =
        ["logoff", "#3", "--server", "A", "--yes", "--expect-user", "CONTOSO\\bob", "--expect-logon", CliScenario.BobsLogon];

    private static readonly string[] ListA = ["list", "--server", "A", "--json"];

    private static readonly IReadOnlyList<Case> Cases = BuildCases();

    public static TheoryData<int> Errors => new(ErrorCodes);

    private WineBatch<string, CaseRun> Batch =>
        WineBatches.For<string, CaseRun>(wine, nameof(CliFaultMatrixUnderWineTests), () => Cases.Select(item => item.Key), RunCaseAsync);

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task Listing_a_server_whose_enumeration_fails_exits_with_that_failures_code(int error)
    {
        var (world, run) = await Batch.RunAsync(Key("enumerate/list", error));

        CliAssert.ExitCode(ExitCodeFor(error), run);
        var sentence = CliAssert.OneSentenceOnStderr(run);
        Assert.StartsWith("A: ", sentence, StringComparison.Ordinal);
        Assert.EndsWith($"(error {error.ToString(CultureInfo.InvariantCulture)})", sentence, StringComparison.Ordinal);
        Assert.Empty(CliAssert.JsonList(run));
        var reads = run.Calls.Where(call => call.StartsWith("WTSEnumerateSessions", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(reads);
        Assert.All(reads, call => Assert.EndsWith($"-> error={error} count=0", call, StringComparison.Ordinal));
        Assert.Empty(world.AuditLines()); // listing is not an action
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task An_action_whose_fresh_read_fails_does_nothing_and_is_audited(int error)
    {
        var (world, run) = await Batch.RunAsync(Key("enumerate/logoff", error));

        AssertRefusedAndAudited(world, run, error, "LogOff", OutcomeFor(error));
        Assert.Empty(run.CallsTo("WTSLogoffSession"));
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task A_session_whose_information_cannot_be_read_is_left_out_if_it_ended_and_listed_without_its_times_otherwise(int error)
    {
        var (_, run) = await Batch.RunAsync(Key("query/list", error));

        CliAssert.ExitCode(0, run);
        Assert.Equal("", run.Error);
        var list = CliAssert.JsonList(run);
        if (error is 7022 or 2)
        {
            Assert.Equal(["A/2"], CliAssert.SessionKeys(list));
            return;
        }

        Assert.Equal(["A/2", "A/3"], CliAssert.SessionKeys(list));
        Assert.NotNull(list[0]!["logonTime"]); // alice is read in full
        var bob = list[1]!;
        Assert.Equal("bob", bob["userName"]!.GetValue<string>());
        Assert.Equal("CONTOSO", bob["domainName"]!.GetValue<string>());
        Assert.Equal("Active", bob["state"]!.GetValue<string>());
        Assert.Equal("RDP-Tcp#1", bob["stationName"]!.GetValue<string>());
        Assert.Null(bob["logonTime"]);
        Assert.Null(bob["lastInputTime"]);
        Assert.Null(bob["idleSeconds"]);
        Assert.Null(bob["clientName"]); // not read without --client
        Assert.Null(bob["clientAddress"]);
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task An_action_bound_to_a_logon_time_that_cannot_be_read_does_nothing(int error)
    {
        var (world, run) = await Batch.RunAsync(Key("query/logoff", error));

        CliAssert.ExitCode(7, run);
        var outcome = error is 7022 or 2 ? "Gone" : "Changed";
        var sentence = CliAssert.OneSentenceOnStderr(run);
        Assert.StartsWith("Nothing was done: session 3 on A ", sentence, StringComparison.Ordinal);
        Assert.Empty(run.CallsTo("WTSLogoffSession"));
        AssertAuditedForBob(world, "LogOff", outcome);
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task A_logoff_the_server_refuses_ends_with_its_exit_code_and_is_audited(int error)
    {
        var (world, run) = await Batch.RunAsync(Key("logoff", error));

        AssertRefusedAndAudited(world, run, error, "LogOff", ActionOutcomeFor(error));
        Assert.Equal([$"WTSLogoffSession server=A id=3 wait=1 -> error={error}"], run.CallsTo("WTSLogoffSession"));
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task A_disconnect_the_server_refuses_ends_with_its_exit_code_and_is_audited(int error)
    {
        var (world, run) = await Batch.RunAsync(Key("disconnect", error));

        AssertRefusedAndAudited(world, run, error, "Disconnect", ActionOutcomeFor(error));
        Assert.Equal([$"WTSDisconnectSession server=A id=3 wait=1 -> error={error}"], run.CallsTo("WTSDisconnectSession"));
        Assert.Empty(run.CallsTo("WTSLogoffSession"));
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task A_message_the_server_refuses_ends_with_its_exit_code_and_is_audited(int error)
    {
        var (world, run) = await Batch.RunAsync(Key("message", error));

        AssertRefusedAndAudited(world, run, error, "SendMessage", ActionOutcomeFor(error));
        var call = Assert.Single(run.CallsTo("WTSSendMessageW"));
        Assert.StartsWith("WTSSendMessageW server=A id=3 style=0x50040 timeout=0 wait=0 ", call, StringComparison.Ordinal);
        Assert.EndsWith($"-> error={error} reply=0", call, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task Processes_that_cannot_be_read_do_not_stop_a_logoff_confirmed_with_yes(int error)
    {
        var (world, run) = await Batch.RunAsync(Key("processes/yes", error));

        CliAssert.ExitCode(0, run);
        Assert.Equal(["CONTOSO\\bob was signed out of session 3 on A."], run.OutputLines);
        Assert.Equal("", run.Error);
        Assert.Empty(run.CallsTo("WTSEnumerateProcessesW")); // no confirmation, so nothing to show them in
        Assert.Equal(["WTSLogoffSession server=A id=3 wait=1 -> ok"], run.CallsTo("WTSLogoffSession"));
        AssertAuditedForBob(world, "LogOff", "Done");
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task Processes_that_cannot_be_read_leave_an_unconfirmed_logoff_undone(int error)
    {
        var (world, run) = await Batch.RunAsync(Key("processes/unconfirmed", error));

        CliAssert.ExitCode(4, run);
        Assert.Equal("Not confirmed: there is no terminal to ask on; pass --yes to go ahead. Nothing was done.", CliAssert.OneSentenceOnStderr(run));
        Assert.Equal([$"WTSEnumerateProcessesW server=A reserved=0 version=1 -> error={error} count=0"], run.CallsTo("WTSEnumerateProcessesW"));
        Assert.Empty(run.CallsTo("WTSLogoffSession"));
        AssertAuditedForBob(world, "LogOff", "Cancelled");
    }

    [Fact]
    public async Task A_hung_server_is_given_up_after_the_per_server_timeout_with_exit_6()
    {
        var (_, run) = await Batch.RunAsync("hang/alone");

        CliAssert.ExitCode(6, run);
        Assert.Equal("HUNG: No answer within 10 s.", CliAssert.OneSentenceOnStderr(run));
        Assert.Contains("WTSSIM_HANG server=HUNG ms=600000", run.Calls);
        AssertWaitedForTheTimeoutOnly(run);
    }

    private static void AssertRefusedAndAudited(CliWorld world, WineRun run, int error, string action, string outcome)
    {
        CliAssert.ExitCode(ExitCodeFor(error), run);
        Assert.Equal("", run.Output);
        var sentence = CliAssert.OneSentenceOnStderr(run);
        Assert.Contains(SentenceMark(outcome), sentence, StringComparison.Ordinal);
        if (outcome is not ("AccessDenied" or "Gone"))
        {
            Assert.Contains($"error {error.ToString(CultureInfo.InvariantCulture)})", sentence, StringComparison.Ordinal);
        }

        AssertAuditedForBob(world, action, outcome);
    }

    private static void AssertAuditedForBob(CliWorld world, string action, string outcome)
    {
        var line = CliAssert.OneAuditLine(world, action, outcome);
        Assert.Equal("A", line.GetProperty("server").GetString());
        Assert.Equal(3, line.GetProperty("sessionId").GetInt32());
        Assert.Equal("CONTOSO\\bob", line.GetProperty("user").GetString());
    }

    /// <summary>At least the 10 s timeout, and not much more than that plus starting and ending Wine under load.</summary>
    private static void AssertWaitedForTheTimeoutOnly(WineRun run) =>
        Assert.InRange(run.Process.Duration, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(25));

    /// <summary>The CLI's exit-code table (src/SessionKiller.Cli/README.md), written out again from the Win32 codes.</summary>
    private static int ExitCodeFor(int error) => error switch
    {
        5 => 5,
        1722 or 1726 or 53 or 1460 => 6,
        7022 or 2 => 7,
        50 => 8,
        _ => 9,
    };

    /// <summary>An action the server did not answer in time may still happen: its outcome is Unknown, not TimedOut.</summary>
    private static string ActionOutcomeFor(int error) => error == 1460 ? "Unknown" : OutcomeFor(error);

    private static string OutcomeFor(int error) => error switch
    {
        5 => "AccessDenied",
        1722 or 1726 or 53 => "ServerUnavailable",
        1460 => "TimedOut",
        7022 or 2 => "Gone",
        50 => "NotSupported",
        _ => "Failed",
    };

    private static string SentenceMark(string outcome) => outcome switch
    {
        "AccessDenied" => "Access denied on A: run as an administrator",
        "ServerUnavailable" => "A cannot be reached (",
        "TimedOut" or "Unknown" => "A did not answer in time (",
        "Gone" => "session 3 on A no longer exists",
        "NotSupported" => "This is not supported on A (",
        _ => "Could not act on CONTOSO\\bob (session 3 on A) (",
    };

    private static string Key(string operation, int error) => string.Create(CultureInfo.InvariantCulture, $"{operation} {error}");

    private static List<Case> BuildCases()
    {
        // The hung server first: it mostly waits, so it overlaps with everything else. (A hung server
        // beside a healthy one is in CliUnderWineTests.)
        var cases = new List<Case> { new("hang/alone", "hang server=HUNG", ["list", "--server", "HUNG"]) };
        foreach (var error in ErrorCodes)
        {
            cases.Add(new(Key("enumerate/list", error), $"fail server=A op=enumerate error={error}", ListA));
            cases.Add(new(Key("enumerate/logoff", error), $"fail server=A op=enumerate error={error}", LogoffAsListed));
            cases.Add(new(Key("query/list", error), $"fail server=A op=query id=3 error={error}", ListA));
            cases.Add(new(Key("query/logoff", error), $"fail server=A op=query id=3 error={error}", LogoffAsListed));
            cases.Add(new(Key("logoff", error), $"fail server=A op=logoff error={error}", ["logoff", "bob", "--server", "A", "--yes"]));
            cases.Add(new(Key("disconnect", error), $"fail server=A op=disconnect error={error}", ["disconnect", "bob", "--server", "A"]));
            cases.Add(new(Key("message", error), $"fail server=A op=message error={error}", ["message", "bob", "--server", "A", "--text", "The server restarts at 18:00."]));
            cases.Add(new(Key("processes/yes", error), $"fail server=A op=processes error={error}", ["logoff", "bob", "--server", "A", "--yes"]));
            cases.Add(new(Key("processes/unconfirmed", error), $"fail server=A op=processes error={error}", ["logoff", "bob", "--server", "A"]));
        }

        return cases;
    }

    private async Task<CaseRun> RunCaseAsync(string key)
    {
        var definition = Cases.Single(item => item.Key == key);
        var world = new CliWorld(wine, CliScenario.Servers + "\n" + definition.Rule);
        return new CaseRun(world, await world.RunAsync([.. definition.Arguments]));
    }

    /// <param name="Rule">The stand-in statement that makes the case, added to the common scenario.</param>
    private sealed record Case(string Key, string Rule, IReadOnlyList<string> Arguments);
}

/// <summary>A case's world (for its audit log) and its one run.</summary>
internal sealed record CaseRun(CliWorld World, WineRun Run);
