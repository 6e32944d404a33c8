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
    public void Every_outcome_maps_to_a_code_the_table_reads_back_to_an_outcome_with_the_same_code()
    {
        foreach (var outcome in Enum.GetValues<OutcomeKind>())
        {
            var code = ExitCodes.For(outcome);

            Assert.InRange((int)code, 0, 9);
            Assert.Equal(code, ExitCodes.For(ExitCodes.ToOutcome((int)code)));
        }
    }

    [Theory]
    [InlineData(0, OutcomeKind.Done)]
    [InlineData(1, OutcomeKind.Failed)]
    [InlineData(2, OutcomeKind.Gone)]
    [InlineData(3, OutcomeKind.Failed)]
    [InlineData(4, OutcomeKind.Declined)]
    [InlineData(5, OutcomeKind.AccessDenied)]
    [InlineData(6, OutcomeKind.ServerUnavailable)]
    [InlineData(7, OutcomeKind.Changed)]
    [InlineData(8, OutcomeKind.NotSupported)]
    [InlineData(9, OutcomeKind.Failed)]
    [InlineData(-1, OutcomeKind.Failed)]
    [InlineData(1223, OutcomeKind.Failed)]
    [InlineData(unchecked((int)0xE0434352), OutcomeKind.Failed)]
    public void A_helpers_exit_code_reads_back_as_an_outcome(int exitCode, OutcomeKind expected)
    {
        Assert.Equal(expected, ExitCodes.ToOutcome(exitCode));
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
