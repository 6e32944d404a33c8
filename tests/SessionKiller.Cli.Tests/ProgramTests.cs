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
    public async Task On_linux_list_answers_from_this_machines_login_records()
    {
        Assert.True(OperatingSystem.IsLinux(), "This test describes the CLI on Linux.");

        var (exitCode, output, error) = await RunSessionKillerAsync("list", "--json");

        // A machine that keeps no login records at all (no logind, no /run/utmp: a bare container) says so.
        if (exitCode == 8)
        {
            Assert.Equal("[]", output.Trim());
            Assert.Contains("records no logins", error, StringComparison.Ordinal);
            return;
        }

        Assert.True(exitCode == 0, $"list --json: {exitCode} {error}");
        Assert.Equal("", error);
        using var listed = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal(System.Text.Json.JsonValueKind.Array, listed.RootElement.ValueKind);
        Assert.All(listed.RootElement.EnumerateArray(), session => Assert.Equal("localhost", session.GetProperty("serverName").GetString()));
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
