using SessionKiller.Core.Actions;
using SessionKiller.Core.Bulk;
using SessionKiller.Core.Tests.Support;

namespace SessionKiller.Core.Tests.Bulk;

public class BulkSummaryTests
{
    private static BulkSummary Summary(SessionAction action, params OutcomeKind[] kinds) =>
        new("b1", action, [.. kinds.Select((kind, i) => new ActionOutcome(kind, action, TestSessions.User($"u{i}", id: i + 1).Identity, "sentence"))]);

    [Fact]
    public void The_issue_example_reads_as_the_issue_says()
    {
        var kinds = Enumerable.Repeat(OutcomeKind.Done, 21).Append(OutcomeKind.Changed).Append(OutcomeKind.AccessDenied).ToArray();

        var summary = Summary(SessionAction.LogOff, kinds);

        Assert.Equal("21 signed out, 1 changed since listed (not touched), 1 access denied.", summary.Sentence);
        Assert.False(summary.AllDone);
        Assert.Equal(OutcomeKind.Changed, summary.FirstNotDone!.Kind);
    }

    public static TheoryData<OutcomeKind[]> Mixes()
    {
        var all = Enum.GetValues<OutcomeKind>();
        var data = new TheoryData<OutcomeKind[]>
        {
            new[] { OutcomeKind.Done, OutcomeKind.Done },
            all,
            all.Reverse().Concat(all).ToArray(),
        };
        foreach (var kind in all)
        {
            data.Add([kind, OutcomeKind.Done, kind]);
            data.Add([kind]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Mixes))]
    public void Counts_add_up_for_every_outcome_mix(OutcomeKind[] kinds)
    {
        var summary = Summary(SessionAction.LogOff, kinds);

        Assert.Equal(kinds.Length, summary.Counts.Sum(count => count.Count));
        foreach (var kind in Enum.GetValues<OutcomeKind>())
        {
            var expected = kinds.Count(k => k == kind);
            Assert.Equal(expected, summary.Count(kind));
            Assert.Equal(expected, summary.Counts.SingleOrDefault(count => count.Kind == kind).Count);
            if (expected > 0)
            {
                Assert.Contains($"{expected} {BulkWords.For(kind, SessionAction.LogOff)}", summary.Sentence, StringComparison.Ordinal);
            }
        }

        Assert.Equal(kinds.All(kind => kind == OutcomeKind.Done), summary.AllDone);
        Assert.Equal(kinds.FirstOrDefault(kind => kind != OutcomeKind.Done), summary.FirstNotDone?.Kind ?? OutcomeKind.Done);
    }

    [Fact]
    public void Every_outcome_has_its_own_words()
    {
        var words = Enum.GetValues<OutcomeKind>().Select(kind => BulkWords.For(kind, SessionAction.LogOff)).ToArray();

        Assert.Equal(words.Length, words.Distinct().Count());
    }

    [Fact]
    public void Done_says_what_was_done_for_each_action()
    {
        Assert.Equal("2 disconnected.", Summary(SessionAction.Disconnect, OutcomeKind.Done, OutcomeKind.Done).Sentence);
        Assert.Equal("1 messaged.", Summary(SessionAction.SendMessage, OutcomeKind.Done).Sentence);
        Assert.Equal("1 signed out, 1 said No.", Summary(SessionAction.AskFirst, OutcomeKind.Declined, OutcomeKind.Done).Sentence);
    }

    [Fact]
    public void An_empty_run_is_not_all_done()
    {
        var summary = Summary(SessionAction.LogOff);

        Assert.False(summary.AllDone);
        Assert.Equal("No session was acted on.", summary.Sentence);
    }
}
