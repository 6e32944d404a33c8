using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Community.PowerToys.Run.Plugin.SessionKiller.Host.Tests.Support;
using SessionKiller.Wts.Tests.Wine;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Host.Tests.Wine;

[CollectionDefinition(Name)]
public sealed class WineHostCollection : ICollectionFixture<WineHost>
{
    public const string Name = "PowerToys Run host under Wine";
}

/// <summary>What one host run under Wine printed (one JSON line per step) and what the stand-in logged.</summary>
public sealed record HostRun(ProcessResult Process, IReadOnlyList<JsonElement> Steps, IReadOnlyList<string> Calls)
{
    public JsonElement Step(string name, int occurrence = 0) =>
        Steps.Where(step => step.GetProperty("step").GetString() == name).ElementAtOrDefault(occurrence) is { ValueKind: JsonValueKind.Object } found
            ? found
            : throw new Xunit.Sdk.XunitException($"no {name} step #{occurrence} in:\n{Process.Describe()}");

    public IReadOnlyList<string> Titles(string name, int occurrence = 0) =>
        [.. Step(name, occurrence).GetProperty("results").EnumerateArray().Select(result => result.GetProperty("title").GetString()!)];
}

/// <summary>
/// The release's x64 zip unzipped into a Plugins folder, PowerToysRunHost published for win-x64, a private Wine prefix
/// with the stand-in wtsapi32 in its System32 (where Windows has it). A missing wine or mingw-w64 fails every test
/// here with a message saying so; nothing is skipped.
/// </summary>
public sealed class WineHost(IMessageSink diagnostics) : IAsyncLifetime
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "sessionkiller-winehost-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly Stopwatch _clock = new();
    private int _runs;

    private string Prefix => Path.Combine(_work, "prefix");

    private string HostExe => Path.Combine(_work, "host", "PowerToysRunHost.exe");

    private string PluginFolder => Path.Combine(_work, "Plugins", "SessionKiller");

    public async Task InitializeAsync()
    {
        _clock.Start();
        var missing = new[] { "wine", "wineboot", "wineserver", "x86_64-w64-mingw32-gcc" }.Where(tool => ProcessRunner.Find(tool) is null).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"The Wine host tests need {string.Join(", ", missing)}: `bash scripts/install-prerequisites.sh` installs them.");
        }

        Directory.CreateDirectory(_work);
        await Task.WhenAll(PreparePrefixAsync(), PublishHostAsync(), Release.UnzipAsync(Path.Combine(_work, "Plugins")));
        diagnostics.OnMessage(new DiagnosticMessage(string.Create(CultureInfo.InvariantCulture, $"Wine host ready in {_clock.Elapsed.TotalSeconds:0.0} s")));
    }

    public async Task DisposeAsync()
    {
        if (Directory.Exists(Prefix))
        {
            await StopWineAsync();
        }

        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // A Wine process still closing may hold a file; the folder is in the temp folder.
        }
    }

    /// <summary>Runs the host over the unzipped plugin with the stand-in reading <paramref name="scenario"/>.</summary>
    public Task<HostRun> RunAsync(string scenario, params string[] steps) => RunAsync(scenario, display: null, steps);

    /// <summary>
    /// As <see cref="RunAsync(string, string[])"/>, with Wine drawing its windows on <paramref name="display"/>. Wine's
    /// desktop process picks the display driver for every later process and outlives a run, so the prefix's
    /// wineserver is stopped before (a desktop started without a display would hide the box) and after (the next run
    /// must not find a desktop on an X server that is gone).
    /// </summary>
    public async Task<HostRun> RunOnDisplayAsync(VirtualDisplay display, string scenario, params string[] steps)
    {
        await StopWineAsync();
        try
        {
            return await RunAsync(scenario, display.Name, steps);
        }
        finally
        {
            await StopWineAsync();
        }
    }

    private async Task<HostRun> RunAsync(string scenario, string? display, string[] steps)
    {
        var run = Path.Combine(_work, "runs", Interlocked.Increment(ref _runs).ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(run);
        await File.WriteAllTextAsync(Path.Combine(run, "scenario.txt"), scenario);
        var variables = Environment(Path.Combine(run, "scenario.txt"));
        variables["WTSSIM_LOG"] = Path.Combine(run, "calls.log");
        variables["WTSSIM_STATE"] = Path.Combine(run, "state.txt");
        variables["SESSIONKILLER_AUDIT_LOG"] = "Z:" + Path.Combine(run, "audit.jsonl").Replace('/', '\\');
        variables["DISPLAY"] = display;

        var result = await ProcessRunner.RunAsync("wine", [HostExe, "Z:" + PluginFolder.Replace('/', '\\'), .. steps], variables, TimeSpan.FromMinutes(3), run, outputDirectory: run);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.StartsWith('{'))
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToList();
        var calls = File.Exists(Path.Combine(run, "calls.log")) ? await File.ReadAllLinesAsync(Path.Combine(run, "calls.log")) : [];
        return new HostRun(result, lines, calls);
    }

    private async Task StopWineAsync()
    {
        await ProcessRunner.RunAsync("wineserver", ["-k"], Environment(null), TimeSpan.FromSeconds(30));
        await ProcessRunner.RunAsync("wineserver", ["-w"], Environment(null), TimeSpan.FromSeconds(30));
    }

    /// <summary>
    /// Wine's own mscoree must stay enabled for the runs: with it disabled, Wine refuses to map IL-only images, and
    /// the host could not load the plugin's DLLs from disk. Only preparing the prefix disables it (no Mono install).
    /// </summary>
    private Dictionary<string, string?> Environment(string? scenario)
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["WINEPREFIX"] = Prefix,
            ["WINEDEBUG"] = "-all",
            ["WINEDLLOVERRIDES"] = scenario is null ? "mscoree,mshtml=" : "wtsapi32=n,b",
            ["WTSSIM_SCENARIO"] = scenario,
            ["DISPLAY"] = null,
            ["WAYLAND_DISPLAY"] = null,
        };
        foreach (var name in System.Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(name => name.StartsWith("DOTNET_", StringComparison.OrdinalIgnoreCase) || name.StartsWith("COMPlus_", StringComparison.OrdinalIgnoreCase)))
        {
            variables[name] = null;
        }

        return variables;
    }

    private async Task PreparePrefixAsync()
    {
        var setup = Path.Combine(_work, "setup");
        Directory.CreateDirectory(setup);
        var standIn = Path.Combine(_work, "standin");
        await Expect("building the stand-in wtsapi32.dll", ProcessRunner.RunAsync("bash", [Path.Combine(Release.RepositoryRoot, "tests", "WtsSimulator", "build.sh"), standIn], new Dictionary<string, string?>(), TimeSpan.FromMinutes(2)));
        await Expect("wineboot -i", ProcessRunner.RunAsync("wineboot", ["-i"], Environment(null), TimeSpan.FromMinutes(5), outputDirectory: setup));
        await ProcessRunner.RunAsync("wineserver", ["-w"], Environment(null), TimeSpan.FromMinutes(1), outputDirectory: setup);
        await Expect("setting the prefix to Windows 10", ProcessRunner.RunAsync("wine", ["reg", "add", @"HKCU\Software\Wine", "/v", "Version", "/d", "win10", "/f"], Environment(null), TimeSpan.FromMinutes(1), outputDirectory: setup));
        File.Copy(Path.Combine(standIn, "wtsapi32.dll"), Path.Combine(Prefix, "drive_c", "windows", "system32", "wtsapi32.dll"), overwrite: true);
    }

    private async Task PublishHostAsync()
    {
        var environment = System.Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(name => name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(name => name, _ => (string?)null);
        await Expect("publishing PowerToysRunHost for win-x64", ProcessRunner.RunAsync(
            "dotnet",
            [
                "publish", Path.Combine(Release.RepositoryRoot, "tests", "PowerToysRunHost", "PowerToysRunHost.csproj"), "-c", "Release", "-r", "win-x64",
                "--artifacts-path", Path.Combine(_work, "artifacts"), "-o", Path.Combine(_work, "host"),
            ],
            environment,
            TimeSpan.FromMinutes(10)));
    }

    private static async Task Expect(string what, Task<ProcessResult> step)
    {
        var result = await step;
        if (result.ExitCode != 0 || result.TimedOut)
        {
            throw new InvalidOperationException($"{what} failed:\n{result.Describe()}");
        }
    }
}
