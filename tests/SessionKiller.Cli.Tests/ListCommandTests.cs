using System.Globalization;
using System.Text.Json;
using NSubstitute;
using SessionKiller.Cli.Tests.Support;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Tests.Support;

namespace SessionKiller.Cli.Tests;

public class ListCommandTests
{
    private static readonly string[] ContractFields =
    [
        "serverName", "sessionId", "userName", "domainName", "state", "stationName", "clientName",
        "clientAddress", "logonTime", "lastInputTime", "idleSeconds", "isCurrentSession", "isConsole",
    ];

    [Fact]
    public async Task List_prints_a_table_with_a_header_and_one_row_per_session()
    {
        var harness = new CliHarness().WithSessions(
            ServerNames.Local,
            TestSessions.User("bob", id: 3, server: ServerNames.Local, idle: TimeSpan.FromMinutes(125), client: "LAPTOP7"),
            TestSessions.User("alice", id: 2, server: ServerNames.Local, state: SessionState.Disconnected));

        var run = await harness.RunAsync("list", "--client");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.Equal(3, run.OutLines.Length);
        Assert.Equal(["SERVER", "ID", "USER", "STATE", "IDLE", "LOGON", "CLIENT"], Cells(run.OutLines[0]));
        Assert.Equal(["localhost", "2", @"CONTOSO\alice", "Disconnected", "0 s", "2026-11-25 08:00"], Cells(run.OutLines[1]));
        Assert.Equal(["localhost", "3", @"CONTOSO\bob", "Active", "2 h 5 min", "2026-11-25 08:00", "LAPTOP7 (10.0.0.7)"], Cells(run.OutLines[2]));
    }

    [Fact]
    public async Task Without_client_the_table_has_no_client_column_and_the_json_says_the_client_was_not_read()
    {
        var harness = new CliHarness().WithSessions(ServerNames.Local, TestSessions.User("bob", id: 3, server: ServerNames.Local, client: "LAPTOP7"));

        var table = await harness.RunAsync("list");
        var json = await harness.RunAsync("list", "--json");

        Assert.Equal(["SERVER", "ID", "USER", "STATE", "IDLE", "LOGON"], Cells(table.OutLines[0]));
        Assert.DoesNotContain("LAPTOP7", table.Out, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Out);
        Assert.Equal(JsonValueKind.Null, document.RootElement[0].GetProperty("clientName").ValueKind);
        Assert.Equal(JsonValueKind.Null, document.RootElement[0].GetProperty("clientAddress").ValueKind);
    }

    [Fact]
    public async Task List_table_shows_a_dash_for_what_the_server_did_not_report()
    {
        var bob = TestSessions.User("bob", server: ServerNames.Local) with { LogonTime = null, IdleTime = null };
        var harness = new CliHarness().WithSessions(ServerNames.Local, bob);

        var run = await harness.RunAsync("list");

        Assert.Equal(["localhost", "3", @"CONTOSO\bob", "Active", "-", "-"], Cells(run.OutLines[1]));
    }

    [Fact]
    public async Task List_table_columns_line_up()
    {
        var harness = new CliHarness().WithSessions(
            ServerNames.Local,
            TestSessions.User("bob", id: 3, server: ServerNames.Local),
            TestSessions.User("maximilian", id: 12, server: ServerNames.Local, state: SessionState.Disconnected));

        var run = await harness.RunAsync("list");

        var stateColumn = run.OutLines[0].IndexOf("STATE", StringComparison.Ordinal);
        Assert.Equal(stateColumn, run.OutLines[1].IndexOf("Active", StringComparison.Ordinal));
        Assert.Equal(stateColumn, run.OutLines[2].IndexOf("Disconnected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_shows_logon_times_in_the_local_zone()
    {
        var harness = new CliHarness().WithSessions(ServerNames.Local, TestSessions.User("bob", server: ServerNames.Local));
        harness.Time.SetLocalTimeZone(TimeZoneInfo.CreateCustomTimeZone("Test+2", TimeSpan.FromHours(2), "Test+2", "Test+2"));

        var run = await harness.RunAsync("list");

        Assert.Contains("2026-11-25 10:00", run.OutLines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_hides_session_0_listeners_and_sessions_without_a_user()
    {
        var harness = new CliHarness().WithSessions(
            ServerNames.Local,
            TestSessions.Services(ServerNames.Local),
            TestSessions.Listener(ServerNames.Local),
            TestSessions.User("", id: 5, server: ServerNames.Local, domain: ""),
            TestSessions.User("bob", id: 3, server: ServerNames.Local));

        var run = await harness.RunAsync("list", "--json");

        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal([3], json.RootElement.EnumerateArray().Select(session => session.GetProperty("sessionId").GetInt32()));
    }

    [Fact]
    public async Task List_all_shows_system_sessions_too()
    {
        var harness = new CliHarness().WithSessions(
            ServerNames.Local,
            TestSessions.Listener(ServerNames.Local),
            TestSessions.Services(ServerNames.Local),
            TestSessions.User("bob", id: 3, server: ServerNames.Local));

        var run = await harness.RunAsync("list", "--all", "--json");

        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal([0, 3, 65536], json.RootElement.EnumerateArray().Select(session => session.GetProperty("sessionId").GetInt32()));
    }

    [Fact]
    public async Task List_json_objects_have_exactly_the_contract_fields_in_order()
    {
        var harness = new CliHarness().WithSessions(ServerNames.Local, TestSessions.User("bob", server: ServerNames.Local));

        var run = await harness.RunAsync("list", "--json");

        using var json = JsonDocument.Parse(run.Out);
        var session = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(ContractFields, session.EnumerateObject().Select(property => property.Name));
    }

    [Fact]
    public async Task List_json_values_have_the_contract_types_and_formats()
    {
        var bob = TestSessions.User("bob", id: 3, server: ServerNames.Local, idle: TimeSpan.FromSeconds(95.7), client: "LAPTOP7", current: true) with
        {
            LogonTime = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(2)).AddTicks(1234567),
        };
        var harness = new CliHarness().WithSessions(ServerNames.Local, bob);

        var run = await harness.RunAsync("list", "--json", "--client");

        using var json = JsonDocument.Parse(run.Out);
        var session = json.RootElement[0];
        Assert.Equal("localhost", session.GetProperty("serverName").GetString());
        Assert.Equal(3, session.GetProperty("sessionId").GetInt32());
        Assert.Equal("bob", session.GetProperty("userName").GetString());
        Assert.Equal("CONTOSO", session.GetProperty("domainName").GetString());
        Assert.Equal("Active", session.GetProperty("state").GetString());
        Assert.Equal("RDP-Tcp#1", session.GetProperty("stationName").GetString());
        Assert.Equal("LAPTOP7", session.GetProperty("clientName").GetString());
        Assert.Equal("10.0.0.7", session.GetProperty("clientAddress").GetString());
        Assert.Equal("2026-11-25T08:00:00.1234567Z", session.GetProperty("logonTime").GetString());
        Assert.Equal("2026-11-25T11:58:24.3000000Z", session.GetProperty("lastInputTime").GetString());
        Assert.Equal(95, session.GetProperty("idleSeconds").GetInt64());
        Assert.True(session.GetProperty("isCurrentSession").GetBoolean());
        Assert.False(session.GetProperty("isConsole").GetBoolean());
    }

    [Fact]
    public async Task List_json_logon_time_round_trips_to_the_tick()
    {
        var logon = TestSessions.Now.AddHours(-3).AddTicks(7);
        var harness = new CliHarness().WithSessions(ServerNames.Local, TestSessions.User("bob", server: ServerNames.Local, logon: logon));

        var run = await harness.RunAsync("list", "--json");

        using var json = JsonDocument.Parse(run.Out);
        var written = json.RootElement[0].GetProperty("logonTime").GetString()!;
        Assert.Equal(logon.UtcTicks, DateTimeOffset.Parse(written, CultureInfo.InvariantCulture).UtcTicks);
    }

    [Fact]
    public async Task List_json_writes_null_for_unknown_times_and_idle()
    {
        var bob = TestSessions.User("bob", server: ServerNames.Local) with { LogonTime = null, LastInputTime = null, IdleTime = null };
        var harness = new CliHarness().WithSessions(ServerNames.Local, bob);

        var run = await harness.RunAsync("list", "--json");

        using var json = JsonDocument.Parse(run.Out);
        var session = json.RootElement[0];
        Assert.Equal(JsonValueKind.Null, session.GetProperty("logonTime").ValueKind);
        Assert.Equal(JsonValueKind.Null, session.GetProperty("lastInputTime").ValueKind);
        Assert.Equal(JsonValueKind.Null, session.GetProperty("idleSeconds").ValueKind);
    }

    [Fact]
    public async Task List_json_is_ascii_so_names_survive_any_code_page_and_escapes_control_characters()
    {
        var harness = new CliHarness().WithSessions(
            ServerNames.Local,
            TestSessions.User("jürgen", server: ServerNames.Local, client: "evil\u001b[31m"));

        var run = await harness.RunAsync("list", "--json", "--client");

        Assert.Contains("\"j\\u00FCrgen\"", run.Out, StringComparison.Ordinal);
        Assert.All(run.Out, character => Assert.InRange(character, '\0', '\u007f'));
        Assert.DoesNotContain('\u001b', run.Out);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("jürgen", json.RootElement[0].GetProperty("userName").GetString());
        Assert.Equal("evil\u001b[31m", json.RootElement[0].GetProperty("clientName").GetString());
    }

    [Fact]
    public async Task List_table_replaces_control_characters_in_names()
    {
        var harness = new CliHarness().WithSessions(
            ServerNames.Local,
            TestSessions.User("bob", server: ServerNames.Local, client: "evil\u001b[2J\nline"));

        var run = await harness.RunAsync("list", "--client");

        Assert.DoesNotContain('\u001b', run.Out);
        Assert.Equal(2, run.OutLines.Length);
        Assert.Contains("evil?[2J line", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_without_a_server_reads_this_computer()
    {
        var harness = new CliHarness().WithSessions(ServerNames.Local);

        var run = await harness.RunAsync("list");

        Assert.Equal(0, run.ExitCode);
        await harness.Backend.Received(1).EnumerateSessionsAsync(ServerNames.Local, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task List_reads_each_named_server_once_and_lists_them_in_the_order_given()
    {
        var harness = new CliHarness()
            .WithSessions("RDS01", TestSessions.User("bob", id: 3, server: "RDS01"))
            .WithSessions("RDS02", TestSessions.User("alice", id: 2, server: "RDS02"));

        var run = await harness.RunAsync("list", "--server", "RDS02", "--server", "RDS01", "--server", "rds02", "--json");

        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(["RDS02", "RDS01"], json.RootElement.EnumerateArray().Select(session => session.GetProperty("serverName").GetString()));
        await harness.Backend.Received(1).EnumerateSessionsAsync("RDS02", Arg.Any<CancellationToken>());
        await harness.Backend.DidNotReceive().EnumerateSessionsAsync("rds02", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task List_with_one_server_failing_lists_the_others_reports_the_failure_and_succeeds()
    {
        var harness = new CliHarness()
            .WithSessions("RDS01", TestSessions.User("bob", server: "RDS01"))
            .Failing("RDS02", BackendFailure.AccessDenied());

        var run = await harness.RunAsync("list", "--server", "RDS01", "--server", "RDS02");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(@"CONTOSO\bob", run.Out, StringComparison.Ordinal);
        var error = Assert.Single(run.ErrorLines);
        Assert.StartsWith("sessionkiller: RDS02: Access is denied.", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FailureKind.AccessDenied, 5)]
    [InlineData(FailureKind.ServerUnavailable, 6)]
    [InlineData(FailureKind.TimedOut, 6)]
    [InlineData(FailureKind.NotSupported, 8)]
    [InlineData(FailureKind.Failed, 9)]
    public async Task List_where_no_server_answers_exits_with_the_first_servers_failure(FailureKind kind, int expected)
    {
        var harness = new CliHarness()
            .Failing("RDS01", new BackendFailure(kind, 1, "It failed."))
            .Failing("RDS02", BackendFailure.ServerUnavailable(1722, "The RPC server is unavailable."));

        var run = await harness.RunAsync("list", "--server", "RDS01", "--server", "RDS02");

        Assert.Equal(expected, run.ExitCode);
        Assert.Equal(2, run.ErrorLines.Length);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task List_json_where_no_server_answers_still_prints_an_array()
    {
        var harness = new CliHarness();

        var run = await harness.RunAsync("list", "--server", "RDS09", "--json");

        Assert.Equal(6, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(0, json.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task List_survives_a_backend_that_throws_for_one_server()
    {
        var harness = new CliHarness().WithSessions("RDS01", TestSessions.User("bob", server: "RDS01"));
        harness.Backend.EnumerateSessionsAsync("RDS02", Arg.Any<CancellationToken>())
            .Returns<Task<BackendResult<IReadOnlyList<SessionInfo>>>>(_ => throw new InvalidOperationException("boom"));

        var run = await harness.RunAsync("list", "--server", "RDS01", "--server", "RDS02");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("sessionkiller: RDS02: boom", Assert.Single(run.ErrorLines));
    }

    /// <summary>Table cells are separated by at least two spaces; a cell may hold one.</summary>
    private static string[] Cells(string line) =>
        System.Text.RegularExpressions.Regex.Split(line.Trim(), " {2,}");
}
