using System.Diagnostics;
using SessionKiller.Cli;

namespace SessionKiller.Cli.Tests;

/// <summary>The real entry point, as a process: what a script on this machine sees.</summary>
public class ProgramTests
{
    private static async Task<(int ExitCode, string Out, string Error)> RunSessionKillerAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(CliApp).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task On_linux_a_command_says_windows_is_needed_and_exits_8()
    {
        Assert.False(OperatingSystem.IsWindows(), "This test describes the CLI on a system without a backend.");

        var (exitCode, output, error) = await RunSessionKillerAsync("list", "--json");

        Assert.Equal(8, exitCode);
        Assert.Equal("", output);
        Assert.Equal("sessionkiller needs Windows for now (Linux sessions are planned)", error.TrimEnd());
    }

    [Fact]
    public async Task The_process_reports_a_usage_error_in_one_line_with_exit_1()
    {
        var (exitCode, output, error) = await RunSessionKillerAsync("logoff", "bob", "--bogus");

        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        Assert.Equal("sessionkiller: Unrecognized command or argument '--bogus'. See 'sessionkiller logoff --help'.", error.TrimEnd());
    }
}
