using System.Diagnostics;
using System.Text;

namespace SessionKiller.Wts.Tests.Wine;

/// <summary>What a finished (or stopped) child process left behind.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError, TimeSpan Duration, bool TimedOut)
{
    public string Describe() =>
        $"exit {ExitCode}{(TimedOut ? " (timed out, killed)" : "")} after {Duration.TotalSeconds:0.0} s\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}";
}

/// <summary>Runs a child process with its own environment and a time limit, capturing both outputs.</summary>
internal static class ProcessRunner
{
    /// <param name="outputDirectory">
    /// When set, the outputs go to files there instead of pipes, read once the process has ended. Wine
    /// needs this: the helpers a run starts (services.exe, winedevice.exe, a wineserver) inherit the
    /// outputs and outlive the program, so a pipe would not reach its end until they do.
    /// </param>
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?> environment,
        TimeSpan timeout,
        string? workingDirectory = null,
        string? outputDirectory = null)
    {
        var toFiles = outputDirectory is not null;
        var start = new ProcessStartInfo(toFiles ? "bash" : fileName)
        {
            RedirectStandardOutput = !toFiles,
            RedirectStandardError = !toFiles,
            RedirectStandardInput = !toFiles,
            UseShellExecute = false,
            StandardOutputEncoding = toFiles ? null : Encoding.UTF8,
            StandardErrorEncoding = toFiles ? null : Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        var stdoutPath = toFiles ? Path.Combine(outputDirectory!, "stdout.txt") : "";
        var stderrPath = toFiles ? Path.Combine(outputDirectory!, "stderr.txt") : "";
        if (toFiles)
        {
            foreach (var argument in (string[])["-c", "exec \"$@\" </dev/null >\"$RUNNER_STDOUT\" 2>\"$RUNNER_STDERR\"", "bash", fileName])
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["RUNNER_STDOUT"] = stdoutPath;
            start.Environment["RUNNER_STDERR"] = stderrPath;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        Task<string> output = Task.FromResult(""), error = Task.FromResult("");
        if (!toFiles)
        {
            process.StandardInput.Close();
            output = process.StandardOutput.ReadToEndAsync();
            error = process.StandardError.ReadToEndAsync();
        }

        var timedOut = false;
        using (var limit = new CancellationTokenSource(timeout))
        {
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        if (toFiles)
        {
            output = ReadIfThere(stdoutPath);
            error = ReadIfThere(stderrPath);
        }

        return new ProcessResult(process.ExitCode, await output, await error, clock.Elapsed, timedOut);
    }

    /// <summary>The full path of a program on PATH, or null.</summary>
    public static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);

    private static Task<string> ReadIfThere(string path) =>
        File.Exists(path) ? File.ReadAllTextAsync(path, Encoding.UTF8) : Task.FromResult("");
}
