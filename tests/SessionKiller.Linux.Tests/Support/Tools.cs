using System.Diagnostics;
using System.Text;

namespace SessionKiller.Linux.Tests.Support;

/// <summary>Runs the machine's programs for tests; a missing program fails the test with what to install.</summary>
internal static class Tools
{
    public static string Require(string path, string package)
    {
        Assert.True(File.Exists(path), $"{path} is missing: install {package} (bash scripts/install-prerequisites.sh).");
        return path;
    }

    public static string Find(string name, string package)
    {
        foreach (var directory in new[] { "/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin" })
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail($"{name} is missing: install {package} (bash scripts/install-prerequisites.sh).");
        return "";
    }

    /// <summary>Runs a program to its end (bounded), returning its exit code and output.</summary>
    public static (int ExitCode, string Output) Run(string program, IEnumerable<string> arguments, TimeSpan? timeout = null, string? standardInput = null)
    {
        var (exitCode, output, error) = Run(program, arguments, new Dictionary<string, string>(), timeout, standardInput);
        return (exitCode, output + error);
    }

    /// <summary>Runs a program to its end (bounded) with extra environment variables, keeping its two outputs apart.</summary>
    public static (int ExitCode, string Output, string Error) Run(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan? timeout = null, string? standardInput = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (error) { error.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (standardInput is not null)
        {
            process.StandardInput.Write(standardInput);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', start.ArgumentList)} did not finish in time.");
        }

        process.WaitForExit();
        lock (output)
        {
            lock (error)
            {
                return (process.ExitCode, output.ToString(), error.ToString());
            }
        }
    }

    public static string RunOrFail(string program, params string[] arguments)
    {
        var (exitCode, output) = Run(program, arguments);
        Assert.True(exitCode == 0, $"{program} {string.Join(' ', arguments)} failed ({exitCode}): {output}");
        return output;
    }
}
