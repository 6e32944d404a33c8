using System.Text.Json;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Audit;
using SessionKiller.Core.Tests.Support;

namespace SessionKiller.Core.Tests.Audit;

public sealed class JsonLinesAuditLogTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "sk-audit-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static AuditEntry Entry(OutcomeKind outcome = OutcomeKind.Done, string detail = "bob was signed out.") =>
        new(TestSessions.Now, @"CONTOSO\admin", SessionAction.LogOff, TestSessions.User("bob", id: 3).Identity, outcome, detail, Elevated: true);

    [Fact]
    public void Appends_one_json_object_per_line_with_the_contract_fields()
    {
        var log = new JsonLinesAuditLog(Path.Combine(folder, "nested", "audit.jsonl"));

        Assert.True(log.TryAppend(Entry()).IsWritten);
        Assert.True(log.TryAppend(Entry(OutcomeKind.Changed, "line \"two\"\nwith a newline")).IsWritten);

        var lines = File.ReadAllLines(log.Path);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        var root = first.RootElement;
        Assert.Equal("2026-11-25T12:00:00+00:00", root.GetProperty("time").GetString());
        Assert.Equal(@"CONTOSO\admin", root.GetProperty("actor").GetString());
        Assert.Equal("LogOff", root.GetProperty("action").GetString());
        Assert.Equal("RDS01", root.GetProperty("server").GetString());
        Assert.Equal(3, root.GetProperty("sessionId").GetInt32());
        Assert.Equal(@"CONTOSO\bob", root.GetProperty("user").GetString());
        Assert.Equal(JsonValueKind.String, root.GetProperty("logonTime").ValueKind);
        Assert.Equal("Done", root.GetProperty("outcome").GetString());
        Assert.True(root.GetProperty("elevated").GetBoolean());
        Assert.Equal(Environment.ProcessId, root.GetProperty("pid").GetInt32());
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal("line \"two\"\nwith a newline", second.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public void Keeps_what_was_there()
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "audit.jsonl");
        File.WriteAllText(path, "{\"earlier\":true}\n");

        new JsonLinesAuditLog(path).TryAppend(Entry());

        Assert.Equal(2, File.ReadAllLines(path).Length);
    }

    [Fact]
    public void A_path_that_cannot_be_written_returns_false_instead_of_throwing()
    {
        Directory.CreateDirectory(folder);
        var blocker = Path.Combine(folder, "file");
        File.WriteAllText(blocker, "");

        var log = new JsonLinesAuditLog(Path.Combine(blocker, "audit.jsonl"));

        Assert.False(log.TryAppend(Entry()).IsWritten);
    }

    [Fact]
    public void A_directory_in_place_of_the_file_returns_false()
    {
        Directory.CreateDirectory(Path.Combine(folder, "audit.jsonl"));

        Assert.False(new JsonLinesAuditLog(Path.Combine(folder, "audit.jsonl")).TryAppend(Entry()).IsWritten);
    }

    [Fact]
    public void Concurrent_writers_lose_and_tear_no_line()
    {
        var path = Path.Combine(folder, "audit.jsonl");
        const int Writers = 8;
        const int Lines = 200;

        Parallel.For(0, Writers, writer =>
        {
            var log = new JsonLinesAuditLog(path);
            for (var i = 0; i < Lines; i++)
            {
                Assert.True(log.TryAppend(Entry(detail: $"writer {writer} line {i} " + new string('x', 300))).IsWritten);
            }
        });

        var lines = File.ReadAllLines(path);
        Assert.Equal(Writers * Lines, lines.Length);
        foreach (var line in lines)
        {
            using var parsed = JsonDocument.Parse(line);
            Assert.StartsWith("writer ", parsed.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Default_location_follows_the_environment_variable()
    {
        var previous = Environment.GetEnvironmentVariable(AuditLogLocation.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(AuditLogLocation.EnvironmentVariable, "/tmp/elsewhere.jsonl");
            Assert.Equal("/tmp/elsewhere.jsonl", AuditLogLocation.Default);
            Environment.SetEnvironmentVariable(AuditLogLocation.EnvironmentVariable, null);
            Assert.EndsWith(Path.Combine("SessionKiller", "audit.jsonl"), AuditLogLocation.Default, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(AuditLogLocation.EnvironmentVariable, previous);
        }
    }
}
