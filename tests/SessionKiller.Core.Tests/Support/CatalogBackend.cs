using NSubstitute;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Sessions;

namespace SessionKiller.Core.Tests.Support;

/// <summary>Arranges what a substituted backend's servers answer a catalog, and counts the reads.</summary>
internal static class CatalogBackend
{
    public static void Serve(this ISessionBackend backend, string server, params SessionInfo[] sessions) =>
        backend.EnumerateSessionsAsync(server, Arg.Any<CancellationToken>()).Returns(Task.FromResult(BackendResult<IReadOnlyList<SessionInfo>>.Success(sessions)));

    public static void Fail(this ISessionBackend backend, string server, BackendFailure failure) =>
        backend.EnumerateSessionsAsync(server, Arg.Any<CancellationToken>()).Returns(Task.FromResult(BackendResult<IReadOnlyList<SessionInfo>>.Fail(failure)));

    /// <summary>The server answers only when the test sets the result.</summary>
    public static TaskCompletionSource<BackendResult<IReadOnlyList<SessionInfo>>> Hang(this ISessionBackend backend, string server)
    {
        var never = new TaskCompletionSource<BackendResult<IReadOnlyList<SessionInfo>>>(TaskCreationOptions.RunContinuationsAsynchronously);
        backend.EnumerateSessionsAsync(server, Arg.Any<CancellationToken>()).Returns(never.Task);
        return never;
    }

    /// <summary>How often the server (any server, when null) was read.</summary>
    public static int Reads(this ISessionBackend backend, string? server = null) =>
        backend.ReceivedCalls().Count(call => call.GetMethodInfo().Name == nameof(ISessionBackend.EnumerateSessionsAsync)
            && (server is null || (string)call.GetArguments()[0]! == server));

    /// <summary>Polls until <paramref name="condition"/> holds, for at most ten seconds.</summary>
    public static async Task EventuallyAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not come true in time.");
            await Task.Delay(10);
        }
    }
}
