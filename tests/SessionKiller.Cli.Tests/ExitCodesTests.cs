using SessionKiller.Core.Actions;
using SessionKiller.Core.Backend;
using SessionKiller.Core.HelperProtocol;

namespace SessionKiller.Cli.Tests;

public class ExitCodesTests
{
    [Theory]
    [InlineData(OutcomeKind.Done, 0)]
    [InlineData(OutcomeKind.Declined, 4)]
    [InlineData(OutcomeKind.NoAnswer, 4)]
    [InlineData(OutcomeKind.Cancelled, 4)]
    [InlineData(OutcomeKind.NobodyToAsk, 4)]
    [InlineData(OutcomeKind.AccessDenied, 5)]
    [InlineData(OutcomeKind.ServerUnavailable, 6)]
    [InlineData(OutcomeKind.TimedOut, 6)]
    [InlineData(OutcomeKind.Unknown, 6)]
    [InlineData(OutcomeKind.Changed, 7)]
    [InlineData(OutcomeKind.Gone, 7)]
    [InlineData(OutcomeKind.NotSupported, 8)]
    [InlineData(OutcomeKind.Refused, 9)]
    [InlineData(OutcomeKind.Failed, 9)]
    public void Each_outcome_has_its_documented_exit_code(OutcomeKind outcome, int expected)
    {
        Assert.Equal(expected, (int)ExitCodes.For(outcome));
    }

    [Fact]
    public void Every_outcome_has_a_documented_code()
    {
        foreach (var outcome in Enum.GetValues<OutcomeKind>())
        {
            Assert.InRange((int)ExitCodes.For(outcome), 0, 9);
        }
    }

    [Theory]
    [InlineData(FailureKind.AccessDenied, ExitCode.AccessDenied)]
    [InlineData(FailureKind.ServerUnavailable, ExitCode.ServerUnavailable)]
    [InlineData(FailureKind.TimedOut, ExitCode.ServerUnavailable)]
    [InlineData(FailureKind.SessionGone, ExitCode.SessionChanged)]
    [InlineData(FailureKind.NotSupported, ExitCode.NotSupported)]
    [InlineData(FailureKind.Failed, ExitCode.Failed)]
    public void Each_backend_failure_has_an_exit_code(FailureKind failure, ExitCode expected)
    {
        Assert.Equal(expected, ExitCodes.For(failure));
    }
}
