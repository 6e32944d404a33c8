using System.Diagnostics;
using System.Text.Json;
using NSubstitute;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Audit;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Tests.Support;

namespace SessionKiller.Core.Tests.Audit;

/// <summary>An action is written down before it is done; what cannot be written down is not done.</summary>
public sealed class WriteAheadTests : IDisposable
{
    private static readonly SessionKiller.Core.Sessions.SessionInfo Bob = TestSessions.User("bob", id: 3);
    private readonly string folder = Directory.CreateTempSubdirectory("sk-write-ahead-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string LogPath => Path.Combine(folder, "audit.jsonl");

    /// <summary>What a reader of the log gets: each whole JSON line; a fragment torn by a full disk is skipped.</summary>
    private static List<JsonElement> ReadWholeLines(string path)
    {
        var lines = new List<JsonElement>();
        foreach (var line in File.ReadAllLines(path))
        {
            try
            {
                lines.Add(JsonDocument.Parse(line).RootElement.Clone());
            }
            catch (JsonException)
            {
                // A torn fragment: a line of its own, never glued to the next.
            }
        }

        return lines;
    }

    [Theory]
    [InlineData(SessionAction.LogOff)]
    [InlineData(SessionAction.Disconnect)]
    [InlineData(SessionAction.SendMessage)]
    [InlineData(SessionAction.AskFirst)]
    public async Task While_another_process_holds_the_lock_past_the_wait_nothing_is_done_and_the_sentence_says_why(SessionAction action)
    {
        var harness = new RunnerHarness(Bob);
        var log = new JsonLinesAuditLog(LogPath, lockWait: TimeSpan.FromMilliseconds(300));
        using var holder = new FileStream(LogPath + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        var runner = new ActionRunner(harness.Backend, harness.Prompt, log, new RunnerContext(RunnerHarness.Admin, harness.Settings));

        var outcome = await runner.RunAsync(new ActionRequest(action, Bob.Identity) { Confirmed = true, MessageText = "hi" });

        Assert.Equal(OutcomeKind.Failed, outcome.Kind);
        Assert.False(outcome.Audited);
        Assert.Contains("nothing was done", outcome.Sentence, StringComparison.Ordinal);
        Assert.Contains("lock", outcome.Sentence, StringComparison.Ordinal);
        Assert.Equal(0, harness.CallsTo(nameof(ISessionBackend.LogOffAsync)));
        Assert.Equal(0, harness.CallsTo(nameof(ISessionBackend.DisconnectAsync)));
        Assert.Equal(0, harness.CallsTo(nameof(ISessionBackend.SendMessageAsync)));
    }

    [Fact]
    public async Task The_about_to_line_is_written_before_the_action_and_the_outcome_line_after()
    {
        var harness = new RunnerHarness(Bob);
        var log = new JsonLinesAuditLog(LogPath);
        var linesWhenActing = -1;
        harness.Backend.LogOffAsync(default!, default, default, default).ReturnsForAnyArgs(_ =>
        {
            linesWhenActing = File.ReadAllLines(LogPath).Length;
            return Task.FromResult(BackendResult.Success);
        });
        var runner = new ActionRunner(harness.Backend, harness.Prompt, log, new RunnerContext(RunnerHarness.Admin, harness.Settings));

        await runner.RunAsync(new ActionRequest(SessionAction.LogOff, Bob.Identity) { Confirmed = true });

        Assert.Equal(1, linesWhenActing);
        var lines = ReadWholeLines(LogPath);
        Assert.Equal(["about-to", "outcome"], lines.Select(line => line.GetProperty("phase").GetString()));
        Assert.Equal(JsonValueKind.Null, lines[0].GetProperty("outcome").ValueKind);
        Assert.Equal("Done", lines[1].GetProperty("outcome").GetString());
    }

    [Fact]
    public void A_torn_fragment_at_the_end_never_corrupts_the_next_line()
    {
        File.WriteAllText(LogPath, "{\"time\":\"2026-11-25T12:00:00+00:00\",\"actor\":\"CONT");

        Assert.True(new JsonLinesAuditLog(LogPath).TryAppend(Entry("after the tear")).IsWritten);

        var raw = File.ReadAllLines(LogPath);
        Assert.Equal(2, raw.Length);
        Assert.Equal("after the tear", Assert.Single(ReadWholeLines(LogPath)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_disk_that_fills_mid_line_leaves_a_fragment_the_next_writer_starts_after()
    {
        // A file size limit makes the kernel write part of a line and refuse the rest, as a full disk does.
        var writer = Path.Combine(AppContext.BaseDirectory, "AuditWriter.dll");
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, UseShellExecute = false };

        // The runtime's double-mapped code pages are files too: under the limit they would fail to start it.
        start.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        foreach (var argument in new[] { "-c", "trap '' XFSZ; ulimit -f 1; exec dotnet \"$0\" \"$1\" 20 full 100000000 1", writer, LogPath })
        {
            start.ArgumentList.Add(argument);
        }

        using (var process = Process.Start(start)!)
        {
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 2, $"the writer exited with {process.ExitCode}: {errors}");
        }

        Assert.Equal(1024, new FileInfo(LogPath).Length);
        Assert.NotEqual((byte)'\n', File.ReadAllBytes(LogPath)[^1]);

        Assert.True(new JsonLinesAuditLog(LogPath).TryAppend(Entry("after the full disk")).IsWritten);

        var whole = ReadWholeLines(LogPath);
        Assert.Equal("after the full disk", whole[^1].GetProperty("detail").GetString());
        Assert.All(whole[..^1], line => Assert.StartsWith("full ", line.GetProperty("detail").GetString(), StringComparison.Ordinal));
    }

    private static AuditEntry Entry(string detail) =>
        new(TestSessions.Now, @"CONTOSO\admin", SessionAction.LogOff, Bob.Identity, OutcomeKind.Done, detail, Elevated: false);
}
