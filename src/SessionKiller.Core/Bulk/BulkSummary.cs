using SessionKiller.Core.Actions;

namespace SessionKiller.Core.Bulk;

/// <summary>How a bulk run ended: one outcome per session, in the order they were listed, and the counts.</summary>
public sealed record BulkSummary(string BulkId, SessionAction Action, IReadOnlyList<ActionOutcome> Outcomes)
{
    /// <summary>Each outcome that occurred and how often, the done ones first, then in the order of <see cref="OutcomeKind"/>.</summary>
    public IReadOnlyList<(OutcomeKind Kind, int Count)> Counts =>
        Outcomes.GroupBy(outcome => outcome.Kind).OrderBy(group => group.Key).Select(group => (group.Key, group.Count())).ToArray();

    public int Count(OutcomeKind kind) => Outcomes.Count(outcome => outcome.Kind == kind);

    /// <summary>Every session ended as asked (signed out, disconnected, messaged); false for an empty run.</summary>
    public bool AllDone => Outcomes.Count > 0 && Outcomes.All(outcome => outcome.Succeeded);

    /// <summary>The first session, in listed order, that did not end as asked.</summary>
    public ActionOutcome? FirstNotDone => Outcomes.FirstOrDefault(outcome => !outcome.Succeeded);

    /// <summary>"21 signed out, 1 changed since listed (not touched), 1 access denied".</summary>
    public string Sentence => Outcomes.Count == 0
        ? "No session was acted on."
        : string.Join(", ", Counts.Select(count => $"{count.Count} {BulkWords.For(count.Kind, Action)}")) + ".";
}
