using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Tests.Support;

namespace SessionKiller.Core.Tests.Safety;

public class TimeBoundBackendTests
{
    private readonly ISessionBackend inner = Substitute.For<ISessionBackend>();
    private readonly FakeTimeProvider time = new(TestSessions.Now);

    private TimeBoundBackend Bounded => new(inner, TimeSpan.FromSeconds(5), time);

    private static Task<T> Never<T>() => new TaskCompletionSource<T>().Task;

    private async Task<T> AfterAdvancing<T>(Task<T> call, TimeSpan by)
    {
        Assert.False(call.IsCompleted);
        time.Advance(by);
        return await call;
    }

    [Fact]
    public async Task A_hanging_enumeration_times_out_after_the_server_timeout()
    {
        inner.EnumerateSessionsAsync("RDS01", Arg.Any<CancellationToken>()).Returns(Never<BackendResult<IReadOnlyList<SessionInfo>>>());

        var result = await AfterAdvancing(Bounded.EnumerateSessionsAsync("RDS01", default), TimeSpan.FromSeconds(5));

        Assert.Equal(FailureKind.TimedOut, result.Failure!.Kind);
        Assert.Equal(0, result.Failure.Code);
    }

    [Fact]
    public async Task A_timeout_of_the_per_call_bound_names_no_windows_error_code()
    {
        inner.EnumerateSessionsAsync("localhost", Arg.Any<CancellationToken>()).Returns(Never<BackendResult<IReadOnlyList<SessionInfo>>>());

        var result = await AfterAdvancing(Bounded.EnumerateSessionsAsync("localhost", default), TimeSpan.FromSeconds(5));

        Assert.Equal("No answer within 5 s.", result.Failure!.ToString());
    }

    [Fact]
    public async Task A_hanging_logoff_times_out()
    {
        inner.LogOffAsync("RDS01", 3, true, Arg.Any<CancellationToken>()).Returns(Never<BackendResult>());

        var result = await AfterAdvancing(Bounded.LogOffAsync("RDS01", 3, true, default), TimeSpan.FromSeconds(5));

        Assert.Equal(FailureKind.TimedOut, result.Failure!.Kind);
    }

    [Fact]
    public async Task A_hanging_disconnect_and_process_list_time_out()
    {
        inner.DisconnectAsync("RDS01", 3, true, Arg.Any<CancellationToken>()).Returns(Never<BackendResult>());
        inner.ListProcessesAsync("RDS01", 3, Arg.Any<CancellationToken>()).Returns(Never<BackendResult<IReadOnlyList<SessionProcess>>>());

        var disconnect = Bounded.DisconnectAsync("RDS01", 3, true, default);
        var processes = Bounded.ListProcessesAsync("RDS01", 3, default);
        time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(FailureKind.TimedOut, (await disconnect).Failure!.Kind);
        Assert.Equal(FailureKind.TimedOut, (await processes).Failure!.Kind);
    }

    [Fact]
    public async Task A_question_may_wait_for_its_own_timeout_on_top_of_the_server_timeout()
    {
        var question = new MessageRequest("RDS01", 3, "t", "x", MessageButtons.YesNo, TimeSpan.FromSeconds(60), Wait: true);
        inner.SendMessageAsync(question, Arg.Any<CancellationToken>()).Returns(Never<BackendResult<MessageAnswer>>());

        var call = Bounded.SendMessageAsync(question, default);
        time.Advance(TimeSpan.FromSeconds(60));
        Assert.False(call.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(FailureKind.TimedOut, (await call).Failure!.Kind);
    }

    [Fact]
    public async Task A_message_that_does_not_wait_gets_only_the_server_timeout()
    {
        var message = new MessageRequest("RDS01", 3, "t", "x", MessageButtons.Ok, TimeSpan.Zero, Wait: false);
        inner.SendMessageAsync(message, Arg.Any<CancellationToken>()).Returns(Never<BackendResult<MessageAnswer>>());

        var result = await AfterAdvancing(Bounded.SendMessageAsync(message, default), TimeSpan.FromSeconds(5));

        Assert.Equal(FailureKind.TimedOut, result.Failure!.Kind);
    }

    [Fact]
    public async Task Answers_within_the_timeout_pass_through_unchanged()
    {
        var failure = BackendFailure.AccessDenied();
        inner.LogOffAsync("RDS01", 3, true, Arg.Any<CancellationToken>()).Returns(Task.FromResult(new BackendResult(failure)));
        inner.EnumerateSessionsAsync("RDS01", Arg.Any<CancellationToken>()).Returns(Task.FromResult(BackendResult<IReadOnlyList<SessionInfo>>.Success([TestSessions.User("bob")])));

        Assert.Equal(failure, (await Bounded.LogOffAsync("RDS01", 3, true, default)).Failure);
        Assert.Equal("bob", (await Bounded.EnumerateSessionsAsync("RDS01", default)).Value!.Single().UserName);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_turned_into_a_timeout()
    {
        inner.EnumerateSessionsAsync("RDS01", Arg.Any<CancellationToken>()).Returns(Never<BackendResult<IReadOnlyList<SessionInfo>>>());
        using var cancellation = new CancellationTokenSource();

        var call = Bounded.EnumerateSessionsAsync("RDS01", cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }
}

public class LateActionTests
{
    private readonly ISessionBackend inner = Substitute.For<ISessionBackend>();
    private readonly FakeTimeProvider time = new(TestSessions.Now);

    [Fact]
    public async Task An_action_that_ends_after_its_timeout_is_announced_so_the_server_is_read_again()
    {
        var late = new TaskCompletionSource<BackendResult>();
        inner.LogOffAsync("RDS01", 3, true, Arg.Any<CancellationToken>()).Returns(late.Task);
        var announced = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var bounded = new TimeBoundBackend(inner, TimeSpan.FromSeconds(5), time) { ActionEndedLate = announced.SetResult };

        var call = bounded.LogOffAsync("RDS01", 3, true, default);
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(FailureKind.TimedOut, (await call).Failure!.Kind);
        Assert.False(announced.Task.IsCompleted);

        late.SetResult(BackendResult.Success);

        Assert.Equal("RDS01", await announced.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_read_that_ends_late_announces_nothing()
    {
        var late = new TaskCompletionSource<BackendResult<IReadOnlyList<SessionInfo>>>();
        inner.EnumerateSessionsAsync("RDS01", Arg.Any<CancellationToken>()).Returns(late.Task);
        var announced = 0;
        var bounded = new TimeBoundBackend(inner, TimeSpan.FromSeconds(5), time) { ActionEndedLate = _ => Interlocked.Increment(ref announced) };

        var call = bounded.EnumerateSessionsAsync("RDS01", default);
        time.Advance(TimeSpan.FromSeconds(5));
        await call;
        late.SetResult(BackendResult<IReadOnlyList<SessionInfo>>.Success([]));
        await Task.Delay(100);

        Assert.Equal(0, announced);
    }
}
