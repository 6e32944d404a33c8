using SessionKiller.Core.Catalog;
using SessionKiller.Core.Settings;
using SessionKiller.Wts;

namespace SessionKiller.WtsProbe;

/// <summary>
/// The plugin's catalog over the real backend, on a clock that runs <see cref="Speed"/> times fast (so the
/// shortest refresh interval, 5 s, lasts a quarter of a second): started as PowerToys' Init starts it, queried
/// once, then left alone for fourteen intervals, then queried again. Prints how many lines the stand-in's call
/// log (WTSSIM_LOG) held at each step, so a test can tell which calls came when:
/// <code>
/// queried log-lines=N      after the first read and the query
/// idle log-lines=N         four intervals after the query (the catalog stops at the first tick two intervals after it)
/// still-idle log-lines=N refreshing=False   ten intervals later
/// woke log-lines=N sessions=K   after a second query and the read it started
/// </code>
/// </summary>
internal static class IdleCatalog
{
    private const int Speed = 20;

    public static async Task RunAsync(WtsSessionBackend backend, string server)
    {
        var clock = new FastClock(Speed);
        using var catalog = new SessionCatalog(backend, clock);
        var settings = SessionKillerSettings.Default with { Servers = [server], RefreshIntervalSeconds = SessionKillerSettings.MinRefreshIntervalSeconds };
        catalog.Configure(settings);
        var interval = settings.RefreshInterval / Speed;

        catalog.Start();
        catalog.ForDelayedQuery(); // the first query after Init, once the first read is in
        Console.WriteLine($"queried log-lines={LogLines()}");

        await Task.Delay(interval * 4);
        Console.WriteLine($"idle log-lines={LogLines()}");

        await Task.Delay(interval * 10);
        Console.WriteLine($"still-idle log-lines={LogLines()} refreshing={catalog.IsRefreshing}");

        var view = catalog.ForDelayedQuery();
        Console.WriteLine($"woke log-lines={LogLines()} sessions={view.Snapshot.Sessions.Count}");
    }

    private static int LogLines()
    {
        var path = Environment.GetEnvironmentVariable("WTSSIM_LOG");
        if (string.IsNullOrEmpty(path))
        {
            return -1;
        }

        // The stand-in opens the log for each line, so reading it between calls sees every line written.
        var windowsPath = path.StartsWith('/') ? "Z:" + path.Replace('/', '\\') : path;
        using var stream = new FileStream(windowsPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = 0;
        while (reader.ReadLine() is not null)
        {
            lines++;
        }

        return lines;
    }

    /// <summary>A clock whose time and timers run <c>speed</c> times as fast as the real ones.</summary>
    private sealed class FastClock(int speed) : TimeProvider
    {
        private readonly DateTimeOffset start = DateTimeOffset.UtcNow;
        private readonly long startTimestamp = System.GetTimestamp();

        public override DateTimeOffset GetUtcNow() =>
            start + (System.GetElapsedTime(startTimestamp) * speed);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            new FastTimer(System.CreateTimer(callback, state, Scale(dueTime), Scale(period)), this);

        private TimeSpan Scale(TimeSpan span) => span == Timeout.InfiniteTimeSpan ? span : span / speed;

        private sealed class FastTimer(ITimer inner, FastClock clock) : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.Scale(dueTime), clock.Scale(period));

            public void Dispose() => inner.Dispose();

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }
}
