using SessionKiller.Core.Actions;

namespace SessionKiller.CommandPalette.Actions;

/// <summary>
/// Core's confirmation port as CmdPal can answer it: the runner's question is held until the item's
/// command returns it to CmdPal as a Confirm result, whose primary command then answers Yes. CmdPal says
/// nothing when the dialog is cancelled, so a question left unanswered counts as No after a while.
/// </summary>
internal sealed class ConfirmationBridge : IConfirmationPrompt
{
    private readonly TaskCompletionSource<Confirmation> asked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<bool> answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the runner's question once it asks.</summary>
    public Task<Confirmation> Asked => asked.Task;

    public Task<bool> ConfirmAsync(Confirmation confirmation, CancellationToken cancellationToken)
    {
        // One run asks once; a second question (none today) would get the same answer.
        asked.TrySetResult(confirmation);
        cancellationToken.Register(() => answer.TrySetCanceled(cancellationToken));
        return answer.Task;
    }

    /// <returns>False when the question was already answered (Yes, or No because it expired).</returns>
    public bool Answer(bool yes) => answer.TrySetResult(yes);

    /// <summary>Answers No unless answered within <paramref name="lifetime"/>.</summary>
    public void ExpireAfter(TimeSpan lifetime, TimeProvider time)
    {
        ITimer? timer = null;
        timer = time.CreateTimer(_ => { Answer(false); timer?.Dispose(); }, null, lifetime, Timeout.InfiniteTimeSpan);
        _ = answer.Task.ContinueWith(_ => timer.Dispose(), TaskScheduler.Default);
    }
}
