using System.Text.Json;
using NSubstitute;
using SessionKiller.Cli.Tests.Support;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Audit;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Tests.Support;

namespace SessionKiller.Cli.Tests;

public class BulkCommandTests
{
    private static SessionInfo Idle(string user, int id, string server = "RDS01", SessionState state = SessionState.Disconnected, double hours = 9, bool current = false, bool console = false) =>
        TestSessions.User(user, id: id, server: server, state: state, idle: TimeSpan.FromHours(hours), current: current, console: console);

    private static CliHarness TwoServers() => new CliHarness()
        .WithSessions("RDS01", Idle("bob", 3), Idle("ann", 4, hours: 1), Idle("cat", 5, state: SessionState.Active), TestSessions.Services())
        .WithSessions("RDS02", Idle("dan", 2, server: "RDS02"), Idle("me", 6, server: "RDS02", current: true), Idle("kiosk", 1, server: "RDS02", console: true));

    private IEnumerable<(string Server, int Id)> LoggedOff(CliHarness harness) =>
        harness.Backend.ReceivedCalls()
            .Where(call => call.GetMethodInfo().Name == nameof(ISessionBackend.LogOffAsync))
            .Select(call => ((string)call.GetArguments()[0]!, (int)call.GetArguments()[1]!))
            .Order();

    [Fact]
    public async Task List_where_shows_only_what_the_query_names()
    {
        var run = await TwoServers().RunAsync("list", "--server", "RDS01", "--server", "RDS02", "--where", "idle:>8h state:disc");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["SERVER", "RDS01", "RDS02", "RDS02", "RDS02"], run.OutLines.Select(line => line.Split(' ')[0]));
        Assert.Contains(run.OutLines, line => line.Contains(@"CONTOSO\bob", StringComparison.Ordinal));
        Assert.DoesNotContain(run.OutLines, line => line.Contains("ann", StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_where_writes_json_too_and_takes_its_server_from_the_query()
    {
        var run = await TwoServers().RunAsync("list", "--where", "@RDS02 da", "--json");

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        var names = document.RootElement.EnumerateArray().Select(session => session.GetProperty("userName").GetString()!).ToArray();
        Assert.Equal(["dan"], names);
    }

    [Fact]
    public async Task Logoff_where_signs_out_every_match_on_every_server_but_never_own_console_or_system_sessions()
    {
        var harness = TwoServers();

        var run = await harness.RunAsync("logoff", "--where", "state:disc", "--server", "RDS01", "--server", "RDS02", "--yes");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([("RDS01", 3), ("RDS01", 4), ("RDS02", 2)], LoggedOff(harness));
        Assert.StartsWith("3 signed out. (bulk ", run.OutLines[^1], StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Every_session_gets_its_own_audit_line_tied_by_one_bulk_id()
    {
        var harness = TwoServers();

        await harness.RunAsync("logoff", "--where", "state:disc", "--server", "RDS01", "--server", "RDS02", "--yes");

        var entries = harness.AuditLog.ReceivedCalls().SelectMany(call => call.GetArguments()).OfType<AuditEntry>().ToArray();

        // Each session: the line before acting and the outcome line.
        Assert.Equal(3, entries.Count(entry => entry.Phase == AuditPhase.Outcome));
        Assert.Equal(3, entries.Count(entry => entry.Phase == AuditPhase.AboutTo));
        Assert.Single(entries.Select(entry => entry.BulkId).Distinct());
        Assert.NotNull(entries[0].BulkId);
    }

    [Fact]
    public async Task Json_gives_one_line_per_session_with_the_bulk_id_and_nothing_else_on_stdout()
    {
        var run = await TwoServers().RunAsync("disconnect", "--where", "state:disc @rds01", "--server", "RDS01", "--yes", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, run.OutLines.Length);
        var lines = run.OutLines.Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        Assert.Equal(["disconnect", "disconnect"], lines.Select(line => line.GetProperty("action").GetString()!));
        Assert.Equal([3, 4], lines.Select(line => line.GetProperty("sessionId").GetInt32()));
        Assert.All(lines, line => Assert.Equal("Done", line.GetProperty("outcome").GetString()));
        Assert.Single(lines.Select(line => line.GetProperty("bulk").GetString()).Distinct());
    }

    [Theory]
    [InlineData("bob")]
    [InlineData("bob ann")]
    [InlineData("#3 state:disc")]
    public async Task A_where_of_names_alone_or_with_a_session_id_is_refused_and_nothing_is_done(string where)
    {
        var harness = TwoServers();

        var run = await harness.RunAsync("logoff", "--where", where, "--server", "RDS01", "--yes");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("needs a filter", run.Error, StringComparison.Ordinal);
        await harness.DidNotLogOff();
        await harness.Backend.DidNotReceiveWithAnyArgs().EnumerateSessionsAsync(default!, default);
    }

    [Fact]
    public async Task A_where_that_is_not_a_query_says_why()
    {
        var run = await TwoServers().RunAsync("logoff", "--where", "idle:>soon", "--yes");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--where 'idle:>soon'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_matches_than_max_are_refused_with_exit_3_listing_them_and_doing_nothing()
    {
        var harness = TwoServers();

        var run = await harness.RunAsync("logoff", "--where", "state:disc", "--server", "RDS01", "--server", "RDS02", "--yes", "--max", "2");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("3 sessions match 'state:disc', more than --max 2; nothing was done", run.Error, StringComparison.Ordinal);
        Assert.Contains(run.ErrorLines, line => line.Contains(@"CONTOSO\dan", StringComparison.Ordinal));
        await harness.DidNotLogOff();
        harness.AuditLog.DidNotReceiveWithAnyArgs().TryAppend(default!);
    }

    [Fact]
    public async Task The_default_max_is_50()
    {
        var many = Enumerable.Range(2, 51).Select(id => Idle($"user{id}", id)).ToArray();
        var harness = new CliHarness().WithSessions("RDS01", many);

        var refused = await harness.RunAsync("logoff", "--where", "state:disc", "--server", "RDS01", "--yes");
        var raised = await harness.RunAsync("logoff", "--where", "state:disc", "--server", "RDS01", "--yes", "--max", "51");

        Assert.Equal(3, refused.ExitCode);
        Assert.Equal(0, raised.ExitCode);
        Assert.Equal(51, LoggedOff(harness).Count());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("ten")]
    public async Task Max_must_be_a_positive_whole_number(string max)
    {
        var run = await TwoServers().RunAsync("logoff", "--where", "state:disc", "--max", max, "--yes");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--max", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_yes_and_without_a_terminal_nothing_is_done()
    {
        var harness = TwoServers();
        harness.StdinIsInteractive = false;

        var run = await harness.RunAsync("logoff", "--where", "state:disc", "--server", "RDS01");

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("no terminal", run.Error, StringComparison.Ordinal);
        await harness.DidNotLogOff();
        await harness.Prompt.DidNotReceiveWithAnyArgs().ConfirmAsync(default!, default);
    }

    [Fact]
    public async Task Without_yes_it_lists_the_set_and_asks_once()
    {
        var harness = TwoServers().PromptAnswers(true);

        var run = await harness.RunAsync("logoff", "--where", "state:disc", "--server", "RDS01");

        Assert.Equal(0, run.ExitCode);
        await harness.Prompt.Received(1).ConfirmAsync(
            Arg.Is<Confirmation>(confirmation => confirmation.Title == "Sign out 2 sessions?" && confirmation.Group!.Count == 2),
            Arg.Any<CancellationToken>());
        Assert.Contains(run.ErrorLines, line => line.Contains(@"CONTOSO\ann", StringComparison.Ordinal));
        Assert.Equal(2, LoggedOff(harness).Count());
    }

    [Fact]
    public async Task A_no_to_the_one_question_does_nothing()
    {
        var harness = TwoServers().PromptAnswers(false);

        var run = await harness.RunAsync("logoff", "--where", "state:disc", "--server", "RDS01");

        Assert.Equal(4, run.ExitCode);
        await harness.DidNotLogOff();
    }

    [Fact]
    public async Task An_id_reused_after_listing_is_left_alone_and_the_exit_code_says_so()
    {
        var harness = new CliHarness();
        var listed = new[] { Idle("bob", 3), Idle("ann", 4) };
        var now = new[] { Idle("bob", 3), TestSessions.User("eve", id: 4, state: SessionState.Disconnected, logon: TestSessions.Now) };
        harness.Backend.EnumerateSessionsAsync("RDS01", Arg.Any<CancellationToken>())
            .Returns(BackendResult<IReadOnlyList<SessionInfo>>.Success(listed), BackendResult<IReadOnlyList<SessionInfo>>.Success(now));

        var run = await harness.RunAsync("logoff", "--where", "state:disc", "--server", "RDS01", "--yes", "--json");

        Assert.Equal(7, run.ExitCode);
        Assert.Equal([("RDS01", 3)], LoggedOff(harness));
        Assert.Contains("1 signed out, 1 changed since listed (not touched).", run.Error, StringComparison.Ordinal);
        var changed = JsonDocument.Parse(run.OutLines[1]).RootElement;
        Assert.Equal("Changed", changed.GetProperty("outcome").GetString());
        Assert.Equal(7, changed.GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public async Task A_server_that_cannot_be_read_fails_the_run_but_not_the_other_servers()
    {
        var harness = TwoServers().Failing("RDS09", BackendFailure.ServerUnavailable(1722, "The RPC server is unavailable."));

        var run = await harness.RunAsync("logoff", "--where", "state:disc", "--server", "RDS01", "--server", "RDS09", "--yes");

        Assert.Equal(6, run.ExitCode);
        Assert.Equal(2, LoggedOff(harness).Count());
        Assert.Contains("RDS09", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_match_is_exit_2()
    {
        var run = await TwoServers().RunAsync("logoff", "--where", "idle:>100d", "--server", "RDS01", "--yes");

        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public async Task Message_and_ask_take_where_the_same_way()
    {
        var harness = TwoServers().UserAnswers(MessageAnswer.No);

        var message = await harness.RunAsync("message", "--where", "state:disc", "--server", "RDS01", "--text", "Maintenance at 22:00", "--yes");
        var ask = await harness.RunAsync("ask", "--where", "state:act", "--server", "RDS01", "--yes");

        Assert.Equal(0, message.ExitCode);
        Assert.Equal(4, ask.ExitCode);
        Assert.Contains("1 said No.", ask.Error, StringComparison.Ordinal);
        await harness.Backend.Received(2).SendMessageAsync(Arg.Is<MessageRequest>(request => request.Text == "Maintenance at 22:00"), Arg.Any<CancellationToken>());
        await harness.DidNotLogOff();
    }

    [Theory]
    [InlineData("logoff", "bob", "--where", "state:disc")]
    [InlineData("logoff")]
    [InlineData("logoff", "bob", "--max", "5")]
    [InlineData("logoff", "bob", "--json")]
    [InlineData("logoff", "bob", "--server", "A", "--server", "B")]
    [InlineData("logoff", "--where", "state:disc", "--expect-user", @"CONTOSO\bob", "--expect-logon", "unknown")]
    public async Task Target_and_where_options_do_not_mix(params string[] args)
    {
        var harness = TwoServers();

        var run = await harness.RunAsync(args);

        Assert.Equal(1, run.ExitCode);
        Assert.Single(run.ErrorLines);
        await harness.DidNotLogOff();
    }
}
