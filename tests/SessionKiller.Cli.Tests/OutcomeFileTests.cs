using NSubstitute;
using SessionKiller.Cli.Tests.Support;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Backend;
using SessionKiller.Core.HelperProtocol;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Settings;
using SessionKiller.Core.Tests.Support;

namespace SessionKiller.Cli.Tests;

/// <summary>The helper hands the plugin its exact outcome and sentence, which the exit code cannot carry.</summary>
public sealed class OutcomeFileTests : IDisposable
{
    private static readonly SessionInfo Bob = TestSessions.User("bob", id: 3);
    private readonly string folder = Directory.CreateTempSubdirectory("sk-cli-outcome-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string[] Helper(ActionRequest request, string outcomeFile) => [.. HelperCommandLine.For(request, outcomeFile: outcomeFile)];

    public static TheoryData<SessionState, MessageAnswer, OutcomeKind, int> AskFirstEndings => new()
    {
        { SessionState.Active, MessageAnswer.No, OutcomeKind.Declined, 4 },
        { SessionState.Active, MessageAnswer.Timeout, OutcomeKind.NoAnswer, 4 },
        { SessionState.Disconnected, MessageAnswer.Yes, OutcomeKind.NobodyToAsk, 4 },
    };

    [Theory]
    [MemberData(nameof(AskFirstEndings))]
    public async Task Ask_first_endings_that_share_exit_4_reach_the_plugin_each_as_itself(SessionState state, MessageAnswer answer, OutcomeKind expected, int exitCode)
    {
        var harness = new CliHarness().WithSessions("RDS01", Bob with { State = state }).UserAnswers(answer);
        var path = OutcomeFile.NewPath(folder);
        var request = new ActionRequest(SessionAction.AskFirst, Bob.Identity) { Confirmed = true, OnNoAnswer = TimeoutPolicy.Keep };

        var run = await harness.RunAsync(Helper(request, path));

        Assert.Equal(exitCode, run.ExitCode);
        var outcome = OutcomeFile.TryRead(path, Environment.ProcessId, out var problem);
        Assert.True(outcome is not null, problem);
        Assert.Equal(expected, outcome.Kind);
        Assert.Contains(outcome.Sentence, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_gone_is_Gone_and_a_timed_out_action_Unknown_though_they_share_codes_with_others()
    {
        var gone = new CliHarness().WithSessions("RDS01");
        var gonePath = OutcomeFile.NewPath(folder);
        await gone.RunAsync(Helper(new ActionRequest(SessionAction.LogOff, Bob.Identity) { Confirmed = true }, gonePath));

        var hanging = new CliHarness().WithSessions("RDS01", Bob);
        hanging.Backend.LogOffAsync(default!, default, default, default).ReturnsForAnyArgs(new BackendResult(BackendFailure.TimedOut(TimeSpan.FromSeconds(10))));
        var hangingPath = OutcomeFile.NewPath(folder);
        var run = await hanging.RunAsync(Helper(new ActionRequest(SessionAction.LogOff, Bob.Identity) { Confirmed = true }, hangingPath));

        Assert.Equal(OutcomeKind.Gone, OutcomeFile.TryRead(gonePath, Environment.ProcessId, out _)!.Kind);
        Assert.Equal(6, run.ExitCode);
        var unknown = OutcomeFile.TryRead(hangingPath, Environment.ProcessId, out _)!;
        Assert.Equal(OutcomeKind.Unknown, unknown.Kind);
        Assert.Contains("may still happen", unknown.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_done_action_hands_back_done_and_where_it_was_logged()
    {
        var harness = new CliHarness().WithSessions("RDS01", Bob);
        harness.AuditLog.Location.Returns("/var/log/sessionkiller/audit.jsonl");
        var path = OutcomeFile.NewPath(folder);

        var run = await harness.RunAsync(Helper(new ActionRequest(SessionAction.LogOff, Bob.Identity) { Confirmed = true }, path));

        Assert.Equal(0, run.ExitCode);
        var outcome = OutcomeFile.TryRead(path, Environment.ProcessId, out _)!;
        Assert.Equal(OutcomeKind.Done, outcome.Kind);
        Assert.True(outcome.Audited);
        Assert.Equal("/var/log/sessionkiller/audit.jsonl", outcome.AuditLogPath);
    }

    [Fact]
    public async Task An_outcome_file_already_there_stops_the_helper_before_it_reads_or_does_anything()
    {
        var harness = new CliHarness().WithSessions("RDS01", Bob);
        var path = OutcomeFile.NewPath(folder);
        File.WriteAllText(path, "planted");

        var run = await harness.RunAsync(Helper(new ActionRequest(SessionAction.LogOff, Bob.Identity) { Confirmed = true }, path));

        Assert.Equal(9, run.ExitCode);
        Assert.Contains("already exists", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Equal("planted", File.ReadAllText(path));
        await harness.Backend.DidNotReceiveWithAnyArgs().EnumerateSessionsAsync(default!, default);
        await harness.DidNotLogOff();
    }

    [Theory]
    [InlineData("relative.json")]
    [InlineData("/etc/passwd")]
    public async Task An_outcome_file_that_is_not_a_name_the_plugin_gives_is_a_usage_error(string path)
    {
        var harness = new CliHarness().WithSessions("RDS01", Bob);

        var run = await harness.RunAsync("logoff", "#3", "--server", "RDS01", "--yes", "--outcome-file", path);

        Assert.Equal(1, run.ExitCode);
        await harness.DidNotLogOff();
    }
}
