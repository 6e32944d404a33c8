using SessionKiller.Core.Actions;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Actions;

/// <summary>
/// Brings the runner's confirmation onto PowerToys Run's UI thread. A result action runs on that thread
/// and must return at once whether Run stays open, yet the runner asks for confirmation only after it
/// re-read the session on a pool thread. The UI thread therefore waits, for a bounded time, until the
/// runner either asks (the box is then shown from the UI thread, owned by Run's window, and a No keeps
/// Run open), starts acting, or ends. After that the action goes on in the background, and a
/// confirmation asked later is shown where it is asked.
/// </summary>
internal sealed class ForegroundHandoff(IConfirmationPrompt prompt) : IConfirmationPrompt
{
    private readonly object gate = new();
    private readonly TaskCompletionSource stopWaiting = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Confirmation? asked;
    private TaskCompletionSource<bool>? answer;
    private bool released;

    public Task<bool> ConfirmAsync(Confirmation confirmation, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!released && answer is null)
            {
                asked = confirmation;
                answer = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                stopWaiting.TrySetResult();
                return answer.Task;
            }
        }

        return prompt.ConfirmAsync(confirmation, cancellationToken);
    }

    /// <summary>The runner called the backend to act: no confirmation comes any more.</summary>
    public void Acting() => stopWaiting.TrySetResult();

    /// <summary>On the UI thread: waits for the runner as described above.</summary>
    /// <returns>True when the person said No to the confirmation.</returns>
    public bool Attend(Task run, TimeSpan limit)
    {
        Task.WaitAny([run, stopWaiting.Task], limit);
        Confirmation confirmation;
        TaskCompletionSource<bool> pending;
        lock (gate)
        {
            released = true;
            if (asked is null || answer is null)
            {
                return false;
            }

            (confirmation, pending) = (asked, answer);
        }

        try
        {
            var yes = prompt.ConfirmAsync(confirmation, CancellationToken.None).GetAwaiter().GetResult();
            pending.TrySetResult(yes);
            return !yes;
        }
        catch (Exception exception)
        {
            // The runner turns this into a failed outcome, which the notification reports.
            pending.TrySetException(exception);
            return false;
        }
    }
}
