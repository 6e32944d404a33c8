using SessionKiller.Core.Actions;
using SessionKiller.Core.Audit;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Sessions;

namespace SessionKiller.Core.Bulk;

/// <summary>
/// Runs one action on many sessions through the same <see cref="ActionRunner"/> as a single action: each
/// session is re-verified just before its own action and gets its own audit line, tagged with the bulk id.
/// Servers run in parallel, each with a small bound; a server that times out or cannot be reached is not
/// called again in this run, so a hung server costs its own sessions one timeout and the others nothing.
/// Sessions Windows refuses go, once for the whole set, to the bulk elevation port when there is one.
/// </summary>
public sealed class BulkRunner
{
    /// <summary>Sign-outs at once per server: enough to overlap the round trips, few enough not to flood one host.</summary>
    public const int DefaultPerServer = 4;

    /// <summary>Questions at once per server: each mostly waits for a person, so they may all be open together.</summary>
    public const int QuestionsPerServer = 64;

    private readonly ISessionBackend backend;
    private readonly IAuditLog auditLog;
    private readonly RunnerContext context;
    private readonly IBulkElevation? elevation;
    private readonly int perServer;

    public BulkRunner(ISessionBackend backend, IAuditLog auditLog, RunnerContext context, IBulkElevation? elevation = null, int perServer = DefaultPerServer)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(auditLog);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentOutOfRangeException.ThrowIfLessThan(perServer, 1);
        this.backend = backend;
        this.auditLog = auditLog;
        this.context = context;
        this.elevation = elevation;
        this.perServer = perServer;
    }

    public async Task<BulkSummary> RunAsync(BulkRequest bulk, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bulk);

        // Confirmed once for the whole set; per-session elevation would mean one UAC prompt per session.
        var requests = bulk.Requests.Select(request => request with { Action = bulk.Action, Confirmed = true, BulkId = bulk.BulkId }).ToArray();
        var runner = new ActionRunner(new FreshReadSharing(backend), RefusingPrompt.Instance, auditLog, context with { Elevation = null });
        var outcomes = new ActionOutcome[requests.Length];
        var bound = bulk.Action == SessionAction.AskFirst ? Math.Max(perServer, QuestionsPerServer) : perServer;
        var servers = Enumerable.Range(0, requests.Length)
            .GroupBy(index => ServerNames.Normalize(requests[index].Target.ServerName), ServerNames.Comparer);
        await Task.WhenAll(servers.Select(server => RunServerAsync(runner, requests, [.. server], outcomes, bound, cancellationToken))).ConfigureAwait(false);

        if (elevation is not null)
        {
            await ElevateDeniedAsync(bulk, requests, outcomes, cancellationToken).ConfigureAwait(false);
        }

        return new BulkSummary(bulk.BulkId, bulk.Action, outcomes);
    }

    private async Task RunServerAsync(ActionRunner runner, ActionRequest[] requests, int[] indexes, ActionOutcome[] outcomes, int bound, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(bound);
        ActionOutcome? unreachable = null;

        async Task RunOneAsync(int index)
        {
            var request = requests[index];
            try
            {
                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                outcomes[index] = NotTried(request, OutcomeKind.Cancelled, $"Cancelled before {request.Target} was tried: nothing was done to it.");
                return;
            }

            try
            {
                if (Volatile.Read(ref unreachable) is { } earlier)
                {
                    outcomes[index] = NotTried(request, earlier.Kind, $"{request.Target.ServerName} did not answer earlier in this run, so {request.Target} was not tried: nothing was done to it.");
                    return;
                }

                var outcome = await runner.RunAsync(request, cancellationToken).ConfigureAwait(false);
                if (outcome.Kind is OutcomeKind.TimedOut or OutcomeKind.ServerUnavailable)
                {
                    Interlocked.CompareExchange(ref unreachable, outcome, null);
                }

                outcomes[index] = outcome;
            }
            finally
            {
                slots.Release();
            }
        }

        await Task.WhenAll(indexes.Select(RunOneAsync)).ConfigureAwait(false);
    }

    private async Task ElevateDeniedAsync(BulkRequest bulk, ActionRequest[] requests, ActionOutcome[] outcomes, CancellationToken cancellationToken)
    {
        var denied = Enumerable.Range(0, outcomes.Length).Where(index => outcomes[index].Kind == OutcomeKind.AccessDenied).ToArray();
        if (denied.Length == 0)
        {
            return;
        }

        IReadOnlyList<ElevatedResult> results;
        try
        {
            results = await elevation!.RunElevatedAsync(bulk with { Requests = [.. denied.Select(index => requests[index])] }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException and not OperationCanceledException)
        {
            // A port that throws is a bug elsewhere: the denied sessions keep their outcome, nothing was done to them.
            return;
        }

        for (var i = 0; i < denied.Length && i < results.Count; i++)
        {
            var request = requests[denied[i]];
            var result = results[i];
            var sentence = string.IsNullOrWhiteSpace(result.Detail) ? OutcomeSentences.For(result.Kind, request.Action, request.Target) : result.Detail;
            // A helper that ran logged each session itself; when none ran (UAC refused), the outcome is this process's to log.
            var outcome = new ActionOutcome(result.Kind, request.Action, request.Target, sentence) { Elevated = result.HelperReported, Audited = result.HelperAudited };
            outcomes[denied[i]] = result.HelperReported ? outcome : Audited(request, outcome);
        }
    }

    /// <summary>A session left alone because of what happened before it in this run; it still gets its audit line.</summary>
    private ActionOutcome NotTried(ActionRequest request, OutcomeKind kind, string sentence) =>
        Audited(request, new ActionOutcome(kind, request.Action, request.Target, sentence));

    private ActionOutcome Audited(ActionRequest request, ActionOutcome outcome)
    {
        var entry = new AuditEntry(context.Time.GetUtcNow(), context.Actor, request.Action, request.Target, outcome.Kind, outcome.Sentence, context.RunsElevated)
        {
            BulkId = request.BulkId,
        };
        bool written;
        try
        {
            written = auditLog.TryAppend(entry).IsWritten;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            written = false;
        }

        return written ? outcome : outcome with { Audited = false, Sentence = outcome.Sentence + " The audit line could not be written." };
    }

    /// <summary>Every request is confirmed before it reaches the runner; a prompt that is reached anyway says no.</summary>
    private sealed class RefusingPrompt : IConfirmationPrompt
    {
        public static RefusingPrompt Instance { get; } = new();

        public Task<bool> ConfirmAsync(Confirmation confirmation, CancellationToken cancellationToken) => Task.FromResult(false);
    }
}
