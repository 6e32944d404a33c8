using System.Text.RegularExpressions;

namespace SessionKiller.Linux.Tests.EndToEnd;

/// <summary>Bounded waits: poll until a condition holds, or fail saying what did not happen.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    public static void True(Func<bool> condition, TimeSpan timeout, string what, Func<string>? detail = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Waited {timeout.TotalSeconds:0.#} s for {what}, in vain.{(detail is null ? "" : " " + detail())}");
            }

            Thread.Sleep(Interval);
        }
    }

    public static async Task<T> ValueAsync<T>(Func<Task<T?>> read, TimeSpan timeout, string what, Func<string>? detail = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await read() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Waited {timeout.TotalSeconds:0.#} s for {what}, in vain.{(detail is null ? "" : " " + detail())}");
            }

            await Task.Delay(Interval);
        }
    }

    public static Match Match(Func<string> text, Regex pattern, TimeSpan timeout, string what, Func<string>? detail = null)
    {
        Match? match = null;
        True(() => (match = pattern.Match(text())).Success, timeout, what, () => "Output so far: " + text() + (detail is null ? "" : " " + detail()));
        return match!;
    }
}
