namespace Community.PowerToys.Run.Plugin.SessionKiller.Tests.Support;

/// <summary>A clock that moves only when told and whose timers never fire: the catalog refreshes only when asked.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    /// <summary>When set, reading the clock throws: an injected failure.</summary>
    public bool Broken { get; set; }

    public override DateTimeOffset GetUtcNow() => Broken ? throw new InvalidOperationException("The clock broke.") : Now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => new StoppedTimer();

    private sealed class StoppedTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
