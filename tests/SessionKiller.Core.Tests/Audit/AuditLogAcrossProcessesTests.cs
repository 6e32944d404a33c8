using System.Diagnostics;
using System.Text.Json;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Audit;
using SessionKiller.Core.Tests.Support;

namespace SessionKiller.Core.Tests.Audit;

/// <summary>The plugin and its elevated helpers write the same log: several processes at once, and rotation.</summary>
public sealed class AuditLogAcrossProcessesTests : IDisposable
{
    public const int Processes = 8;
    public const int LinesEach = 500;

    private readonly string folder = Path.Combine(Path.GetTempPath(), "sk-audit-mp-" + Guid.NewGuid().ToString("N"));

    public AuditLogAcrossProcessesTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static async Task RunWriters(string path, long maxBytes, int keptFiles)
    {
        var writer = Path.Combine(AppContext.BaseDirectory, "AuditWriter.dll");
        var processes = Enumerable.Range(0, Processes).Select(index =>
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { writer, path, LinesEach.ToString(System.Globalization.CultureInfo.InvariantCulture), $"writer-{index}", maxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), keptFiles.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            {
                start.ArgumentList.Add(argument);
            }

            return Process.Start(start)!;
        }).ToList();

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        foreach (var process in processes)
        {
            await process.WaitForExitAsync(timeout.Token);
            var errors = await process.StandardError.ReadToEndAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"a writer exited with {process.ExitCode}: {errors}");
            process.Dispose();
        }
    }

    private static IEnumerable<string> Details(IEnumerable<string> lines) => lines.Select(line =>
    {
        using var parsed = JsonDocument.Parse(line);
        return parsed.RootElement.GetProperty("detail").GetString()!;
    });

    [Fact]
    public async Task Eight_processes_writing_five_hundred_lines_each_lose_and_tear_none()
    {
        var path = Path.Combine(folder, "audit.jsonl");

        await RunWriters(path, maxBytes: long.MaxValue, keptFiles: 1);

        var details = Details(File.ReadAllLines(path)).ToList();
        Assert.Equal(Processes * LinesEach, details.Count);
        Assert.Equal(Processes * LinesEach, details.Distinct().Count());
        for (var writer = 0; writer < Processes; writer++)
        {
            // Each writer's own lines stay in the order it wrote them.
            var own = details.Where(detail => detail.StartsWith($"writer-{writer} ", StringComparison.Ordinal)).Select(detail => int.Parse(detail.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(Enumerable.Range(0, LinesEach), own);
        }
    }

    [Fact]
    public async Task Rotation_under_concurrent_writers_keeps_a_bounded_number_of_files_of_whole_lines()
    {
        var path = Path.Combine(folder, "audit.jsonl");

        await RunWriters(path, maxBytes: 64 * 1024, keptFiles: 4);

        var files = Directory.GetFiles(folder).Where(file => !file.EndsWith(".lock", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, files.Count);
        foreach (var file in files)
        {
            Assert.True(new FileInfo(file).Length <= 64 * 1024, $"{file} grew past the limit");
            Assert.All(Details(File.ReadAllLines(file)), detail => Assert.StartsWith("writer-", detail, StringComparison.Ordinal));
        }
    }
}

public sealed class AuditLogRotationTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "sk-audit-rot-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static AuditEntry Entry(int number) =>
        new(TestSessions.Now, @"CONTOSO\admin", SessionAction.LogOff, TestSessions.User("bob").Identity, OutcomeKind.Done, $"line {number} " + new string('x', 200), Elevated: false);

    [Fact]
    public void A_full_file_moves_to_dot_1_and_older_ones_shift_up_until_the_oldest_is_dropped()
    {
        var log = new JsonLinesAuditLog(Path.Combine(folder, "audit.jsonl"), maxBytes: 1000, keptFiles: 3);

        for (var i = 0; i < 40; i++)
        {
            Assert.True(log.TryAppend(Entry(i)).IsWritten);
        }

        Assert.True(File.Exists(log.Path));
        Assert.True(File.Exists(log.RotatedPath(1)));
        Assert.True(File.Exists(log.RotatedPath(2)));
        Assert.False(File.Exists(log.RotatedPath(3)));
        var newest = File.ReadAllLines(log.Path);
        Assert.Contains("line 39 ", newest[^1], StringComparison.Ordinal);
        var previous = File.ReadAllLines(log.RotatedPath(1));
        var lastOfPrevious = int.Parse(JsonDocument.Parse(previous[^1]).RootElement.GetProperty("detail").GetString()!.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var firstOfNewest = int.Parse(JsonDocument.Parse(newest[0]).RootElement.GetProperty("detail").GetString()!.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(firstOfNewest - 1, lastOfPrevious);
        Assert.All(Directory.GetFiles(folder).Where(file => !file.EndsWith(".lock", StringComparison.Ordinal)), file => Assert.True(new FileInfo(file).Length <= 1000));
    }

    [Fact]
    public void Keeping_one_file_starts_it_afresh_when_full()
    {
        var log = new JsonLinesAuditLog(Path.Combine(folder, "audit.jsonl"), maxBytes: 1000, keptFiles: 1);

        for (var i = 0; i < 10; i++)
        {
            log.TryAppend(Entry(i));
        }

        Assert.False(File.Exists(log.RotatedPath(1)));
        Assert.True(new FileInfo(log.Path).Length <= 1000);
    }

    [Fact]
    public void A_line_larger_than_the_limit_is_still_written_alone_in_a_fresh_file()
    {
        var log = new JsonLinesAuditLog(Path.Combine(folder, "audit.jsonl"), maxBytes: 100, keptFiles: 2);

        Assert.True(log.TryAppend(Entry(1)).IsWritten);
        Assert.True(log.TryAppend(Entry(2)).IsWritten);

        Assert.Single(File.ReadAllLines(log.Path));
        Assert.Single(File.ReadAllLines(log.RotatedPath(1)));
    }

    [Fact]
    public void A_log_held_by_another_writer_for_too_long_gives_up_within_a_bound_and_returns_false()
    {
        Directory.CreateDirectory(folder);
        var log = new JsonLinesAuditLog(Path.Combine(folder, "audit.jsonl"));
        using var holder = new FileStream(log.Path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        var watch = Stopwatch.StartNew();

        var written = log.TryAppend(Entry(1));

        Assert.False(written.IsWritten);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"gave up only after {watch.Elapsed}");
    }
}
