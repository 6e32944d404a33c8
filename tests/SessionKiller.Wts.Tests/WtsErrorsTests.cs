using SessionKiller.Core.Backend;

namespace SessionKiller.Wts.Tests;

public sealed class WtsErrorsTests
{
    [Theory]
    [InlineData(5, FailureKind.AccessDenied)]
    [InlineData(1722, FailureKind.ServerUnavailable)]
    [InlineData(1726, FailureKind.ServerUnavailable)]
    [InlineData(53, FailureKind.ServerUnavailable)]
    [InlineData(7022, FailureKind.SessionGone)]
    [InlineData(2, FailureKind.SessionGone)]
    [InlineData(50, FailureKind.NotSupported)]
    [InlineData(120, FailureKind.NotSupported)]
    [InlineData(1460, FailureKind.TimedOut)]
    [InlineData(87, FailureKind.Failed)]
    [InlineData(12345, FailureKind.Failed)]
    public void ToFailure_maps_each_win32_code_to_its_kind_and_keeps_the_code(int code, FailureKind kind)
    {
        var failure = WtsErrors.ToFailure(code);

        Assert.Equal(kind, failure.Kind);
        Assert.Equal(code, failure.Code);
        Assert.False(string.IsNullOrWhiteSpace(failure.Text));
    }

    [Fact]
    public void ToFailure_of_an_unknown_code_carries_the_system_text_for_it()
    {
        var failure = WtsErrors.ToFailure(12345);

        Assert.Equal(System.Runtime.InteropServices.Marshal.GetPInvokeErrorMessage(12345).Trim(), failure.Text);
        Assert.Contains("12345", failure.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(50, true)]
    [InlineData(120, true)]
    [InlineData(1745, true)]
    [InlineData(5, false)]
    [InlineData(1722, false)]
    [InlineData(7022, false)]
    public void MeansNotImplemented_is_true_only_for_codes_that_say_the_function_is_missing(int code, bool expected) =>
        Assert.Equal(expected, WtsErrors.MeansNotImplemented(code));
}
