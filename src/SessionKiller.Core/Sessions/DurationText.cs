using System.Globalization;

namespace SessionKiller.Core.Sessions;

/// <summary>Short English durations for sentences: "2 h 14 min", "35 min", "12 s".</summary>
public static class DurationText
{
    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            duration = TimeSpan.Zero;
        }

        var culture = CultureInfo.InvariantCulture;
        if (duration.TotalDays >= 1)
        {
            return string.Create(culture, $"{(int)duration.TotalDays} d {duration.Hours} h");
        }

        if (duration.TotalHours >= 1)
        {
            return string.Create(culture, $"{duration.Hours} h {duration.Minutes} min");
        }

        return duration.TotalMinutes >= 1
            ? string.Create(culture, $"{duration.Minutes} min")
            : string.Create(culture, $"{duration.Seconds} s");
    }
}
