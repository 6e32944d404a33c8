using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace SessionKiller.Wts.Tests.Wine;

/// <summary>The Windows programs the Wine tests run.</summary>
public enum WineApp
{
    /// <summary>tests/WtsSimulator/Probe: one WtsSessionBackend call per command.</summary>
    Probe,

    /// <summary>src/SessionKiller.Cli: the product's command line.</summary>
    Cli,
}

/// <summary>Which wtsapi32.dll the program gets.</summary>
public enum WtsApi
{
    /// <summary>The stand-in, in the prefix's System32 (where the product loads it from), chosen over Wine's own by WINEDLLOVERRIDES.</summary>
    StandIn,

    /// <summary>
    /// The stand-in built without the Ex exports, as on systems before Windows 7. System32 holds the full
    /// one, so only the probe can use it: it loads the file named by WTSPROBE_WTSAPI32.
    /// </summary>
    StandInWithoutExFunctions,

    /// <summary>The stand-in in System32, and beside the exe a planted wtsapi32.dll that marks it was loaded (WTSSIM_DECOY_MARKER).</summary>
    StandInWithADecoyBesideTheExe,

    /// <summary>Wine's own built-in wtsapi32 (mostly stubs; enumerating gives no sessions).</summary>
    WineBuiltIn,
}

[CollectionDefinition(Name)]
public sealed class WineCollection : ICollectionFixture<WineFixture>
{
    public const string Name = "Wine";
}

/// <summary>
/// Builds the stand-in wtsapi32.dll, publishes the programs for win-x64 (self-contained, single file,
/// trimmed: as shipped), and keeps one private Wine prefix for the whole collection. A missing wine or
/// mingw-w64 fails every Wine test with a message saying so; nothing is skipped.
/// </summary>
public sealed class WineFixture : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan WinebootTimeout = TimeSpan.FromMinutes(5);

    private readonly IMessageSink _diagnostics;
    private readonly Dictionary<WineApp, Lazy<Task<string>>> _published = [];
    private readonly Lock _appDirectories = new();

    // Wine gives every process a full (elevated) token, so the CLI logs machine-wide, as elevated Windows
    // processes do: one run of it at a time, so that what it appended there is known to be its own.
    private readonly SemaphoreSlim _machineAuditLog = new(1, 1);
    private int _runs;

    public WineFixture(IMessageSink diagnostics)
    {
        _diagnostics = diagnostics;
        RepositoryRoot = FindRepositoryRoot();
        WorkDirectory = Path.Combine(Path.GetTempPath(), "sessionkiller-wine-" + Guid.NewGuid().ToString("N")[..12]);
        Prefix = Path.Combine(WorkDirectory, "prefix");
        foreach (var app in Enum.GetValues<WineApp>())
        {
            _published[app] = new Lazy<Task<string>>(() => PublishAsync(app), LazyThreadSafetyMode.ExecutionAndPublication);
        }
    }

    public string RepositoryRoot { get; }

    public string WorkDirectory { get; }

    public string Prefix { get; }

    /// <summary>How long each preparation step took, for the record.</summary>
    public Dictionary<string, TimeSpan> Timings { get; } = [];

    public async Task InitializeAsync()
    {
        var missing = new[] { "wine", "wineboot", "wineserver", "x86_64-w64-mingw32-gcc" }
            .Where(tool => ProcessRunner.Find(tool) is null)
            .ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"The Wine tests need {string.Join(", ", missing)}, which {(missing.Count == 1 ? "is" : "are")} not on PATH. "
                + "Install them with `bash scripts/install-prerequisites.sh` (Debian: wine, gcc-mingw-w64-x86-64).");
        }

        Directory.CreateDirectory(WorkDirectory);
        var standIn = BuildStandInAsync();
        var prefix = CreatePrefixAsync();
        // Both programs at once: trimming is mostly one thread, so two publishes share two cores well.
        var probe = _published[WineApp.Probe].Value;
        var cli = _published[WineApp.Cli].Value;
        await Task.WhenAll(standIn, prefix);
        InstallStandInIntoSystem32();
        await Task.WhenAll(probe, cli);
        Report("ready");
    }

    public async Task DisposeAsync()
    {
        Report("done");
        if (Directory.Exists(Prefix))
        {
            await ProcessRunner.RunAsync("wineserver", ["-k"], WineEnvironment(), TimeSpan.FromSeconds(30));
        }

        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A wine process still closing may hold a file; the directory is in the temp folder.
        }
    }

    /// <summary>Runs <paramref name="app"/> under Wine with a scenario for the stand-in and returns what it did.</summary>
    public async Task<WineRun> RunAsync(
        WineApp app,
        string? scenario,
        IReadOnlyList<string> arguments,
        WtsApi api = WtsApi.StandIn,
        TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var directory = await AppDirectoryAsync(app, api);
        var run = Path.Combine(WorkDirectory, "runs", Interlocked.Increment(ref _runs).ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(run);
        var scenarioPath = Path.Combine(run, "scenario.txt");
        var logPath = Path.Combine(run, "calls.log");
        var auditPath = Path.Combine(run, "audit.jsonl");
        await File.WriteAllTextAsync(scenarioPath, scenario ?? "");

        var variables = WineEnvironment();
        variables["WINEDLLOVERRIDES"] = api == WtsApi.WineBuiltIn ? "wtsapi32=b;mscoree,mshtml=" : "wtsapi32=n,b;mscoree,mshtml=";
        variables["WTSSIM_SCENARIO"] = scenarioPath;
        variables["WTSSIM_LOG"] = logPath;
        variables["SESSIONKILLER_AUDIT_LOG"] = WindowsPath(auditPath);
        if (api == WtsApi.StandInWithoutExFunctions)
        {
            variables["WTSPROBE_WTSAPI32"] = WindowsPath(Path.Combine(WorkDirectory, "standin", "legacy", "wtsapi32.dll"));
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            variables[name] = value;
        }

        await StartWineServerAsync();
        var exe = Path.Combine(directory, ExeName(app));
        ProcessResult result;
        await _machineAuditLog.WaitAsync();
        try
        {
            var before = File.Exists(MachineAuditLogPath) ? new FileInfo(MachineAuditLogPath).Length : 0;
            result = await Timed("last run", () => ProcessRunner.RunAsync("wine", [exe, .. arguments], variables, timeout ?? TimeSpan.FromSeconds(90), run, outputDirectory: run));
            await CopyAppendedAsync(MachineAuditLogPath, before, UnixPath(variables["SESSIONKILLER_AUDIT_LOG"] ?? WindowsPath(auditPath)));
        }
        finally
        {
            _machineAuditLog.Release();
        }

        var calls = File.Exists(logPath) ? await File.ReadAllLinesAsync(logPath) : [];
        var audit = File.Exists(auditPath) ? await File.ReadAllLinesAsync(auditPath) : [];
        return new WineRun(result, calls, audit);
    }

    public void Dispose() => _machineAuditLog.Dispose();

    /// <summary><c>C:\ProgramData\SessionKiller\audit.jsonl</c> in the prefix: where an elevated CLI logs, whatever SESSIONKILLER_AUDIT_LOG says.</summary>
    public string MachineAuditLogPath => Path.Combine(Prefix, "drive_c", "ProgramData", "SessionKiller", "audit.jsonl");

    /// <summary>What a run appended to the machine-wide log, copied to the file its test reads (the one the variable names).</summary>
    private static async Task CopyAppendedAsync(string source, long from, string destination)
    {
        if (!File.Exists(source) || new FileInfo(source).Length <= from)
        {
            return;
        }

        await using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        input.Seek(from, SeekOrigin.Begin);
        await using var output = new FileStream(destination, FileMode.Append, FileAccess.Write);
        await input.CopyToAsync(output);
    }

    private static string UnixPath(string windowsPath) => windowsPath.StartsWith("Z:", StringComparison.Ordinal) ? windowsPath[2..].Replace('\\', '/') : windowsPath;

    public Task<WineRun> RunProbeAsync(string scenario, params string[] arguments) =>
        RunAsync(WineApp.Probe, scenario, arguments);

    public Task<WineRun> RunCliAsync(string scenario, params string[] arguments) =>
        RunAsync(WineApp.Cli, scenario, arguments);

    /// <summary>Shows the preparation times (and the exe sizes) with xunit's diagnostic messages.</summary>
    private void Report(string stage)
    {
        string text;
        lock (Timings)
        {
            text = string.Join(", ", Timings.Select(timing => string.Create(CultureInfo.InvariantCulture, $"{timing.Key} {timing.Value.TotalSeconds:0.0} s")));
        }

        var sizes = Directory.Exists(Path.Combine(WorkDirectory, "publish"))
            ? Directory.GetFiles(Path.Combine(WorkDirectory, "publish"), "*.exe", SearchOption.AllDirectories)
                .Select(exe => string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(exe)} {new FileInfo(exe).Length / 1048576.0:0.0} MiB"))
            : [];
        _diagnostics.OnMessage(new DiagnosticMessage($"Wine fixture {stage}: {text}; {string.Join(", ", sizes)}"));
    }

    /// <summary>A Unix path as a Windows program under Wine names it (Wine's Z: drive is the Unix root).</summary>
    public static string WindowsPath(string unixPath) => "Z:" + unixPath.Replace('/', '\\');

    private static string ExeName(WineApp app) => app == WineApp.Probe ? "wtsprobe.exe" : "sessionkiller.exe";

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Run.Plugin.SessionKiller.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Run.Plugin.SessionKiller.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>The parent's environment without what would steer the program under test or open a window.</summary>
    private Dictionary<string, string?> WineEnvironment()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["WINEPREFIX"] = Prefix,
            ["WINEDEBUG"] = "-all",
            ["WINEDLLOVERRIDES"] = "mscoree,mshtml=",
            ["DISPLAY"] = null,
            ["WAYLAND_DISPLAY"] = null,
        };
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>())
        {
            if (name.StartsWith("DOTNET_", StringComparison.OrdinalIgnoreCase) || name.StartsWith("COMPlus_", StringComparison.OrdinalIgnoreCase))
            {
                variables[name] = null;
            }
        }

        return variables;
    }

    private async Task BuildStandInAsync()
    {
        var script = Path.Combine(RepositoryRoot, "tests", "WtsSimulator", "build.sh");
        var result = await Timed("stand-in build", () => ProcessRunner.RunAsync("bash", [script, Path.Combine(WorkDirectory, "standin")], new Dictionary<string, string?>(), TimeSpan.FromMinutes(2)));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"Building the stand-in wtsapi32.dll failed:\n{result.Describe()}");
        }
    }

    private async Task CreatePrefixAsync()
    {
        var setup = Path.Combine(WorkDirectory, "setup");
        Directory.CreateDirectory(setup);
        var boot = await Timed("wineboot", () => ProcessRunner.RunAsync("wineboot", ["-i"], WineEnvironment(), WinebootTimeout, outputDirectory: setup));
        if (boot.ExitCode != 0 || boot.TimedOut)
        {
            throw new InvalidOperationException($"Creating the Wine prefix with `wineboot -i` failed:\n{boot.Describe()}");
        }

        // Let the wineserver wineboot started end, so the shared one below replaces it.
        await Timed("wineserver -w", () => ProcessRunner.RunAsync("wineserver", ["-w"], WineEnvironment(), TimeSpan.FromMinutes(1), outputDirectory: setup));
        await StartWineServerAsync();

        // Wine 8 reports Windows 7 by default; the product targets Windows 10 and later (and Windows 7
        // would also switch the backend to reading the lock flags inverted).
        var version = await Timed("set win10", () => ProcessRunner.RunAsync("wine", ["reg", "add", @"HKCU\Software\Wine", "/v", "Version", "/d", "win10", "/f"], WineEnvironment(), TimeSpan.FromMinutes(1), outputDirectory: setup));
        if (version.ExitCode != 0)
        {
            throw new InvalidOperationException($"Setting the Wine prefix to Windows 10 failed:\n{version.Describe()}");
        }
    }

    /// <summary>
    /// Starts the wineserver the runs share, unless one is running: it saves each run starting its own
    /// (and Wine's services with it). It ends a minute after the last run. Exit code 2 means one is running.
    /// </summary>
    private async Task StartWineServerAsync()
    {
        var server = await Timed("wineserver", () => ProcessRunner.RunAsync("bash", ["-c", "exec wineserver -p60 </dev/null >/dev/null 2>&1"], WineEnvironment(), TimeSpan.FromMinutes(1)));
        if (server.ExitCode is not (0 or 2) || server.TimedOut)
        {
            throw new InvalidOperationException($"Starting the wineserver failed:\n{server.Describe()}");
        }
    }

    private async Task<string> PublishAsync(WineApp app)
    {
        var project = app == WineApp.Probe
            ? Path.Combine(RepositoryRoot, "tests", "WtsSimulator", "Probe", "WtsProbe.csproj")
            : Path.Combine(RepositoryRoot, "src", "SessionKiller.Cli", "SessionKiller.Cli.csproj");
        if (!File.Exists(project))
        {
            throw new InvalidOperationException($"{project} does not exist, so there is no {app} to run under Wine.");
        }

        var output = Path.Combine(WorkDirectory, "publish", app.ToString());
        var environment = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(name => name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(name => name, _ => (string?)null);
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";

        // Its own artifacts folder: the publish never touches the bin/obj of the build running these tests,
        // nor those of the other program's publish running beside it.
        var result = await Timed($"publish {app}", () => ProcessRunner.RunAsync(
            "dotnet",
            [
                "publish", project, "-c", "Release", "-r", "win-x64", "--self-contained",
                "-p:PublishSingleFile=true", "-p:PublishTrimmed=true",
                "--artifacts-path", Path.Combine(WorkDirectory, "artifacts", app.ToString()), "-o", output,
            ],
            environment,
            PublishTimeout));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"Publishing {project} for win-x64 failed:\n{result.Describe()}");
        }

        return output;
    }

    /// <summary>
    /// Puts the stand-in where the product loads wtsapi32 from: the prefix's System32 (Wine's placeholder
    /// for its built-in one is there; WINEDLLOVERRIDES=wtsapi32=n,b makes Wine load ours instead).
    /// </summary>
    private void InstallStandInIntoSystem32() =>
        File.Copy(Path.Combine(WorkDirectory, "standin", "wtsapi32.dll"), Path.Combine(Prefix, "drive_c", "windows", "system32", "wtsapi32.dll"), overwrite: true);

    /// <summary>A folder holding the published exe, and the decoy beside it when asked for.</summary>
    private async Task<string> AppDirectoryAsync(WineApp app, WtsApi api)
    {
        var published = await _published[app].Value;
        var directory = Path.Combine(WorkDirectory, "apps", $"{app}-{api}");
        lock (_appDirectories)
        {
            if (!Directory.Exists(directory))
            {
                Directory.CreateDirectory(directory);
                File.Copy(Path.Combine(published, ExeName(app)), Path.Combine(directory, ExeName(app)));
                if (api == WtsApi.StandInWithADecoyBesideTheExe)
                {
                    File.Copy(Path.Combine(WorkDirectory, "standin", "decoy", "wtsapi32.dll"), Path.Combine(directory, "wtsapi32.dll"));
                }
            }
        }

        return directory;
    }

    private async Task<ProcessResult> Timed(string step, Func<Task<ProcessResult>> action)
    {
        var clock = Stopwatch.StartNew();
        var result = await action();
        lock (Timings)
        {
            Timings[step] = clock.Elapsed;
        }

        return result;
    }
}
