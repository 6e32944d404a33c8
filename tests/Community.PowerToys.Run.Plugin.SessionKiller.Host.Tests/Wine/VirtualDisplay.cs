using System.Diagnostics;
using System.Globalization;
using SessionKiller.Wts.Tests.Wine;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Host.Tests.Wine;

/// <summary>
/// An Xvfb X server on a display number it picks itself (free at that moment), and xdotool to find and answer the
/// windows a Wine process shows on it. A missing Xvfb or xdotool fails the test with a message saying so.
/// </summary>
public sealed class VirtualDisplay : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(20);
    private readonly Process _server;
    private bool _stopped;

    private VirtualDisplay(Process server, string name) => (_server, Name) = (server, name);

    /// <summary>The DISPLAY value, e.g. ":7".</summary>
    public string Name { get; }

    public static async Task<VirtualDisplay> StartAsync()
    {
        var missing = new[] { "Xvfb", "xdotool" }.Where(tool => ProcessRunner.Find(tool) is null).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Answering the real message box under Wine needs {string.Join(" and ", missing)}: `bash scripts/install-prerequisites.sh` installs them.");
        }

        // -displayfd: Xvfb chooses a free display number and writes it once it accepts connections, so two runs never race for one.
        var start = new ProcessStartInfo("Xvfb") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["-displayfd", "1", "-screen", "0", "1024x768x24", "-nolisten", "tcp"])
        {
            start.ArgumentList.Add(argument);
        }

        var server = Process.Start(start) ?? throw new InvalidOperationException("Could not start Xvfb.");
        _ = server.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(StartLimit);
        string? number = null;
        try
        {
            number = await server.StandardOutput.ReadLineAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
        }

        if (string.IsNullOrWhiteSpace(number) || !int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            server.Kill(entireProcessTree: true);
            server.Dispose();
            throw new InvalidOperationException($"Xvfb did not report a display within {StartLimit.TotalSeconds:0} s (it said \"{number}\").");
        }

        return new VirtualDisplay(server, ":" + number.Trim());
    }

    /// <summary>
    /// Waits (at most <paramref name="limit"/>) for a window titled exactly <paramref name="title"/>, gives it the
    /// keyboard focus and types <paramref name="key"/> into it as a person would (XTEST, not a synthetic event).
    /// </summary>
    /// <returns>The window's id.</returns>
    public async Task<string> AnswerAsync(string title, string key, TimeSpan limit)
    {
        var search = await XdotoolAsync(limit, "search", "--sync", "--name", "^" + System.Text.RegularExpressions.Regex.Escape(title) + "$");
        var window = search.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (search.TimedOut || window is null)
        {
            throw new Xunit.Sdk.XunitException($"no window titled \"{title}\" appeared on {Name} within {limit.TotalSeconds:0} s:\n{search.Describe()}");
        }

        await XdotoolAsync(TimeSpan.FromSeconds(10), "windowfocus", "--sync", window);
        var press = await XdotoolAsync(TimeSpan.FromSeconds(10), "key", "--clearmodifiers", key);
        if (press.ExitCode != 0 || press.TimedOut)
        {
            throw new Xunit.Sdk.XunitException($"xdotool could not press {key} in \"{title}\":\n{press.Describe()}");
        }

        return window;
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        if (!_server.HasExited)
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }

        _server.Dispose();
    }

    private Task<ProcessResult> XdotoolAsync(TimeSpan limit, params string[] arguments) =>
        ProcessRunner.RunAsync("xdotool", arguments, new Dictionary<string, string?>(StringComparer.Ordinal) { ["DISPLAY"] = Name }, limit);
}
