using System.Runtime.ExceptionServices;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Host.Tests.Wine;

/// <summary>
/// "Confirm before logging off" left on: the plugin's real MessageBoxW under Wine, drawn on an Xvfb display and
/// answered with a key press, as a person at PowerToys Run would.
/// </summary>
[Collection(WineHostCollection.Name)]
public sealed class MessageBoxTests(WineHost host)
{
    // Resources.Confirm_Title_LogOff ("Log off {0}?") for bob.
    private const string Title = "Log off bob?";

    private static readonly TimeSpan BoxLimit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Yes_in_the_confirmation_box_signs_out_bobs_session_and_hides_Run()
    {
        var run = await AnswerAsync("y", "notification:60");

        WineHostTests.AssertRunHidAndBobAloneWasSignedOut(run);
    }

    [Fact]
    public async Task No_in_the_confirmation_box_keeps_Run_open_and_signs_out_nobody()
    {
        var run = await AnswerAsync("n", "notification:3");

        Assert.Equal(0, run.Process.ExitCode);
        Assert.False(run.Step("enter").GetProperty("hide").GetBoolean());
        Assert.DoesNotContain(run.Calls, call => call.StartsWith("WTSLogoffSession", StringComparison.Ordinal) || call.StartsWith("WTSDisconnectSession", StringComparison.Ordinal));
    }

    /// <summary>Enter on bob with confirmation on (the default), answering the box with <paramref name="key"/>.</summary>
    private async Task<HostRun> AnswerAsync(string key, string afterwards)
    {
        await using var display = await VirtualDisplay.StartAsync();
        var running = host.RunOnDisplayAsync(display, WineHostTests.Scenario, "init", "delayed:bob", "enter:0", afterwards, "dispose");
        var failure = await Record.ExceptionAsync(() => display.AnswerAsync(Title, key, BoxLimit));
        if (failure is not null)
        {
            // Without its X server the Wine process ends at once instead of waiting on a box nobody answers.
            await display.DisposeAsync();
            await running;
            ExceptionDispatchInfo.Throw(failure);
        }

        return await running;
    }
}
