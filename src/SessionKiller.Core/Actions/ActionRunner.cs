using SessionKiller.Core.Audit;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Settings;

namespace SessionKiller.Core.Actions;

/// <summary>
/// Runs every action the same way: re-verify the identity against a fresh read, refuse what must be
/// refused, confirm, act (in-process or elevated), audit, and say how it ended.
/// </summary>
public sealed class ActionRunner
{
    private readonly ISessionBackend backend;
    private readonly IConfirmationPrompt prompt;
    private readonly IAuditLog auditLog;
    private readonly RunnerContext context;

    public ActionRunner(ISessionBackend backend, IConfirmationPrompt prompt, IAuditLog auditLog, RunnerContext context)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(auditLog);
        ArgumentNullException.ThrowIfNull(context);
        this.backend = backend;
        this.prompt = prompt;
        this.auditLog = auditLog;
        this.context = context;
    }

    private SessionKillerSettings Settings => context.Settings;

    public async Task<ActionOutcome> RunAsync(ActionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ActionOutcome outcome;
        try
        {
            outcome = await RunUnauditedAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = Outcome(OutcomeKind.Cancelled, request);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A backend or prompt that throws is a bug elsewhere; the caller still gets a sentence, never an exception.
            outcome = Outcome(OutcomeKind.Failed, request, detail: exception.Message);
        }

        return Audit(request, outcome);
    }

    private async Task<ActionOutcome> RunUnauditedAsync(ActionRequest request, CancellationToken cancellationToken)
    {
        if (request.Action == SessionAction.SendMessage && string.IsNullOrWhiteSpace(request.MessageText))
        {
            return Outcome(OutcomeKind.Failed, request, detail: "no message text was given");
        }

        var (session, problem) = await VerifyAsync(request, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (request.Action == SessionAction.AskFirst && session!.State == SessionState.Disconnected)
        {
            return Outcome(OutcomeKind.NobodyToAsk, request);
        }

        if (NeedsConfirmation(request))
        {
            var confirmation = await ConfirmationText.BuildAsync(backend, request, session!, Settings, cancellationToken).ConfigureAwait(false);
            if (!await prompt.ConfirmAsync(confirmation, cancellationToken).ConfigureAwait(false))
            {
                return Outcome(OutcomeKind.Cancelled, request);
            }

            // A confirmation can stay open for minutes: read again so a Yes never reaches someone else.
            (_, problem) = await VerifyAsync(request, cancellationToken).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }
        }

        // Write ahead: an action the log cannot record is not done at all.
        var aboutTo = TryAudit(Entry(request, outcome: null, $"about to {Describe(request.Action)}"));
        if (!aboutTo.IsWritten)
        {
            return Outcome(OutcomeKind.Failed, request, detail: $"nothing was done, because {aboutTo.Problem}") with { Audited = false };
        }

        return request.Action switch
        {
            SessionAction.LogOff => await ActAsync(request, backend.LogOffAsync(request.Target.ServerName, request.Target.SessionId, request.Wait, cancellationToken), cancellationToken).ConfigureAwait(false),
            SessionAction.Disconnect => await ActAsync(request, backend.DisconnectAsync(request.Target.ServerName, request.Target.SessionId, request.Wait, cancellationToken), cancellationToken).ConfigureAwait(false),
            SessionAction.SendMessage => await SendMessageAsync(request, cancellationToken).ConfigureAwait(false),
            _ => await AskFirstAsync(request, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>Reads the session again and compares it with the identity the action is bound to.</summary>
    private async Task<(SessionInfo? Session, ActionOutcome? Problem)> VerifyAsync(ActionRequest request, CancellationToken cancellationToken)
    {
        var target = request.Target;
        var read = await backend.EnumerateSessionsAsync(target.ServerName, cancellationToken).ConfigureAwait(false);
        if (!read.IsSuccess)
        {
            return (null, FromFailure(request, read.Failure!));
        }

        var current = read.Value!.FirstOrDefault(s => s.SessionId == target.SessionId);
        if (current is not null && (current.IsSystemSession || (request.BulkId is not null && (current.IsCurrentSession || current.IsConsole))))
        {
            return (null, Outcome(OutcomeKind.Refused, request, detail: DescribeSystemSession(current)));
        }

        return target.CheckAgainst(current is null ? null : current with { ServerName = target.ServerName }) switch
        {
            IdentityCheck.Same => (current, null),
            IdentityCheck.Gone => (null, Outcome(OutcomeKind.Gone, request)),
            IdentityCheck.OtherUser => (null, Outcome(OutcomeKind.Changed, request, detail: $"now belongs to {current!.QualifiedUserName}")),
            _ when current!.LogonTime is null => (null, Outcome(OutcomeKind.Changed, request, detail: "cannot be confirmed as the same sign-in (its logon time cannot be read now)")),
            _ => (null, Outcome(OutcomeKind.Changed, request, detail: $"is a new sign-in of {current.QualifiedUserName}")),
        };
    }

    private static string DescribeSystemSession(SessionInfo session) =>
        session.SessionId == 0 ? "the services session (session 0)"
        : session.State == SessionState.Listen ? "a listener"
        : session.IsCurrentSession ? "your own session, never part of a bulk action"
        : session.IsConsole ? "the console session, never part of a bulk action"
        : "a session nobody is signed in to";

    /// <summary>Sign-outs are confirmed; so is ask first when no answer signs the user out.</summary>
    private bool NeedsConfirmation(ActionRequest request)
    {
        if (request.Confirmed || !Settings.ConfirmBeforeLogoff)
        {
            return false;
        }

        return request.Action == SessionAction.LogOff
            || (request.Action == SessionAction.AskFirst && (request.OnNoAnswer ?? Settings.OnNoAnswer) == TimeoutPolicy.LogOff);
    }

    private async Task<ActionOutcome> ActAsync(ActionRequest request, Task<BackendResult> call, CancellationToken cancellationToken, string? detail = null)
    {
        var result = await call.ConfigureAwait(false);
        return result.IsSuccess
            ? Outcome(OutcomeKind.Done, request, detail: detail)
            : await FailOrElevateAsync(request, result.Failure!, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ActionOutcome> SendMessageAsync(ActionRequest request, CancellationToken cancellationToken)
    {
        var message = new MessageRequest(
            request.Target.ServerName,
            request.Target.SessionId,
            string.IsNullOrWhiteSpace(request.MessageTitle) ? $"Message from {context.Actor}" : request.MessageTitle,
            request.MessageText!,
            MessageButtons.Ok,
            TimeSpan.Zero,
            Wait: false);
        var sent = await backend.SendMessageAsync(message, cancellationToken).ConfigureAwait(false);
        return sent.IsSuccess
            ? Outcome(OutcomeKind.Done, request) with { Answer = sent.Value }
            : await FailOrElevateAsync(request, sent.Failure!, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ActionOutcome> AskFirstAsync(ActionRequest request, CancellationToken cancellationToken)
    {
        var timeout = request.AskTimeout ?? Settings.AskFirstTimeout;
        var policy = request.OnNoAnswer ?? Settings.OnNoAnswer;
        var question = new MessageRequest(
            request.Target.ServerName,
            request.Target.SessionId,
            Placeholders.Fill(request.MessageTitle ?? Settings.AskFirstTitle, request.Target, context.Actor, timeout),
            Placeholders.Fill(request.MessageText ?? Settings.AskFirstText, request.Target, context.Actor, timeout),
            MessageButtons.YesNo,
            timeout,
            Wait: true);
        var asked = await backend.SendMessageAsync(question, cancellationToken).ConfigureAwait(false);
        if (!asked.IsSuccess)
        {
            return await FailOrElevateAsync(request, asked.Failure!, cancellationToken).ConfigureAwait(false);
        }

        var answer = asked.Value;
        if (answer == MessageAnswer.No)
        {
            return Outcome(OutcomeKind.Declined, request) with { Answer = answer };
        }

        if (answer != MessageAnswer.Yes && policy == TimeoutPolicy.Keep)
        {
            return Outcome(OutcomeKind.NoAnswer, request) with { Answer = answer };
        }

        // Time has passed while the question was open: the user may have signed out and the id been reused.
        var (_, changed) = await VerifyAsync(request, cancellationToken).ConfigureAwait(false);
        if (changed is not null)
        {
            return changed with { Answer = answer };
        }

        var reason = answer == MessageAnswer.Yes ? "they said Yes" : "no answer, and the policy signs out";
        var logOff = request with { Action = SessionAction.LogOff, Confirmed = true };
        var loggedOff = await backend.LogOffAsync(request.Target.ServerName, request.Target.SessionId, request.Wait, cancellationToken).ConfigureAwait(false);
        var outcome = loggedOff.IsSuccess
            ? Outcome(OutcomeKind.Done, request, detail: reason)
            : await FailOrElevateAsync(logOff, loggedOff.Failure!, cancellationToken).ConfigureAwait(false) with { Action = SessionAction.AskFirst };
        return outcome with { Answer = answer };
    }

    /// <summary>A failed action: elevated when denied and there is a helper; unknown when the call outlived its timeout.</summary>
    private async Task<ActionOutcome> FailOrElevateAsync(ActionRequest request, BackendFailure failure, CancellationToken cancellationToken) =>
        failure.Kind == FailureKind.AccessDenied && context.Elevation is not null
            ? await ElevateAsync(request, cancellationToken).ConfigureAwait(false)
            : failure.Kind == FailureKind.TimedOut
                ? Outcome(OutcomeKind.Unknown, request, failure) with { Failure = failure }
                : FromFailure(request, failure);

    private async Task<ActionOutcome> ElevateAsync(ActionRequest request, CancellationToken cancellationToken)
    {
        // Confirmed here already; the elevated helper re-verifies the identity itself before acting.
        var elevated = await context.Elevation!.RunElevatedAsync(request with { Confirmed = true }, cancellationToken).ConfigureAwait(false);
        var sentence = string.IsNullOrWhiteSpace(elevated.Detail)
            ? OutcomeSentences.For(elevated.Kind, request.Action, request.Target)
            : elevated.Detail;
        return new ActionOutcome(elevated.Kind, request.Action, request.Target, sentence)
        {
            Elevated = elevated.HelperReported,
            Audited = !elevated.HelperReported || elevated.HelperAudited,
            AuditLogPath = elevated.AuditLogPath,
        };
    }

    private static ActionOutcome FromFailure(ActionRequest request, BackendFailure failure)
    {
        var kind = OutcomeKinds.From(failure.Kind);
        return Outcome(kind, request, failure) with { Failure = failure };
    }

    private static string Describe(SessionAction action) => action switch
    {
        SessionAction.LogOff => "sign out",
        SessionAction.Disconnect => "disconnect",
        SessionAction.AskFirst => "ask first",
        _ => "send a message",
    };

    private static ActionOutcome Outcome(OutcomeKind kind, ActionRequest request, BackendFailure? failure = null, string? detail = null) =>
        new(kind, request.Action, request.Target, OutcomeSentences.For(kind, request.Action, request.Target, failure, detail));

    /// <summary>
    /// The outcome line, written by the process that acted. When the elevated helper acted, it logged the
    /// outcome itself; this process records only that it handed the action over.
    /// </summary>
    private ActionOutcome Audit(ActionRequest request, ActionOutcome outcome)
    {
        var entry = outcome.Elevated
            ? Entry(request, OutcomeKind.AccessDenied, $"Access denied here; handed to the elevated helper, which logged the outcome ({outcome.Kind}) itself.")
            : Entry(request, outcome.Kind, outcome.Sentence);
        var written = TryAudit(entry);
        var location = outcome.AuditLogPath ?? auditLog.Location;
        if (written.IsWritten || !outcome.Audited)
        {
            return outcome with { AuditLogPath = location };
        }

        return outcome with { Audited = false, AuditLogPath = location, Sentence = outcome.Sentence + " The audit line could not be written." };
    }

    private AuditEntry Entry(ActionRequest request, OutcomeKind? outcome, string detail) =>
        new(context.Time.GetUtcNow(), context.Actor, request.Action, request.Target, outcome, detail, context.RunsElevated) { BulkId = request.BulkId };

    private AuditWrite TryAudit(AuditEntry entry)
    {
        try
        {
            return auditLog.TryAppend(entry);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return AuditWrite.Failed($"the audit log could not be written ({exception.Message})");
        }
    }
}
