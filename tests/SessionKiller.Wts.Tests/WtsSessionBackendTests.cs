using SessionKiller.Core.Backend;

namespace SessionKiller.Wts.Tests;

/// <summary>The backend's pure decisions; its native calls run under Wine (see Wine/).</summary>
public sealed class WtsSessionBackendTests
{
    [Theory]
    [InlineData(6, 1, true)]   // Windows 7, Server 2008 R2
    [InlineData(6, 0, false)]  // Vista, Server 2008
    [InlineData(6, 2, false)]  // Windows 8, Server 2012
    [InlineData(10, 0, false)]
    public void Lock_flags_are_inverted_only_on_windows_7_and_server_2008_r2(int major, int minor, bool inverted) =>
        Assert.Equal(inverted, WtsSessionBackend.LockFlagsAreInverted(new Version(major, minor)));

    [Fact]
    public void A_question_is_a_yes_no_box_with_a_question_icon_in_front_of_everything()
    {
        Assert.Equal(0x4u | 0x20u | 0x10000u | 0x40000u, WtsSessionBackend.MessageStyle(MessageButtons.YesNo));
    }

    [Fact]
    public void A_plain_message_is_an_ok_box_with_an_information_icon_in_front_of_everything()
    {
        Assert.Equal(0x0u | 0x40u | 0x10000u | 0x40000u, WtsSessionBackend.MessageStyle(MessageButtons.Ok));
    }

    [Theory]
    [InlineData(0.0, 0u)]
    [InlineData(-5.0, 0u)]
    [InlineData(0.2, 1u)]
    [InlineData(1.2, 2u)]
    [InlineData(60.0, 60u)]
    [InlineData(1e11, 2147483647u)]
    public void Timeout_is_whole_seconds_rounded_up_and_zero_only_for_waiting_for_ever(double seconds, uint expected) =>
        Assert.Equal(expected, WtsSessionBackend.TimeoutSeconds(TimeSpan.FromSeconds(seconds)));

    [Theory]
    [InlineData(6, MessageAnswer.Yes)]
    [InlineData(7, MessageAnswer.No)]
    [InlineData(32000, MessageAnswer.Timeout)]
    [InlineData(1, MessageAnswer.Ok)]
    [InlineData(32001, MessageAnswer.NotWaited)]
    public void Answers_map_from_the_message_box_result_codes(int response, MessageAnswer answer)
    {
        var result = WtsSessionBackend.ToAnswer(response);

        Assert.True(result.IsSuccess);
        Assert.Equal(answer, result.Value);
    }

    [Theory]
    [InlineData(2)]   // IDCANCEL
    [InlineData(0)]
    public void An_answer_no_box_of_ours_can_give_is_a_failure_not_a_yes(int response)
    {
        var result = WtsSessionBackend.ToAnswer(response);

        Assert.False(result.IsSuccess);
        Assert.Equal(FailureKind.Failed, result.Failure!.Kind);
    }

    [Fact]
    public async Task A_cancelled_call_stops_before_it_reaches_the_native_layer()
    {
        // Runs on Linux: the token is checked before any wtsapi32 call, so none is attempted.
        var backend = new WtsSessionBackend(localLockFlagsInverted: false);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => backend.EnumerateSessionsAsync("RDS01", cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => backend.LogOffAsync("RDS01", 3, true, cancelled.Token));
    }
}
