using Community.PowerToys.Run.Plugin.SessionKiller.Properties;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Bulk;
using SessionKiller.Core.Query;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Results;

/// <summary>How a bulk action reads: the item's title and subtitle, the list it copies, and the one notification it ends with.</summary>
internal static class BulkText
{
    /// <summary>The subtitle names this many users; the confirmation names all of them.</summary>
    public const int UsersInSubtitle = 3;

    private const string Separator = ", ";

    /// <summary>"Sign out all 23 sessions: idle &gt; 8 h, Disconnected".</summary>
    public static string Title(BulkSelection selection) =>
        Words.Format(Resources.Bulk_Title_LogOff, selection.Sessions.Count, Filters(selection.Query));

    /// <summary>"CONTOSO\bob, CONTOSO\ann, CONTOSO\cat and 20 more · on RDS01, RDS02 · Enter asks once".</summary>
    public static string Subtitle(BulkSelection selection) =>
        Words.Format(Resources.Bulk_Subtitle, FirstFew(selection.UserNames, UsersInSubtitle), FirstFew([.. selection.Servers.Select(Words.Server)], UsersInSubtitle));

    /// <summary>The query's filters in the user's language, in the order a person says them.</summary>
    public static string Filters(SessionQuery query)
    {
        var parts = new List<string>(4);
        if (query.Idle is { } idle)
        {
            var format = idle.Comparison == IdleComparison.LongerThan ? Resources.Bulk_Filter_IdleLonger : Resources.Bulk_Filter_IdleShorter;
            parts.Add(Words.Format(format, Threshold(idle.Threshold)));
        }

        if (query.States is { } states)
        {
            parts.Add(string.Join(Resources.Bulk_Filter_Or, states.Select(Words.State)));
        }

        if (query.Terms.Count > 0)
        {
            parts.Add(string.Join(" ", query.Terms.Select(term => $"\u201c{term}\u201d")));
        }

        if (query.Server is { } server)
        {
            parts.Add(Words.Format(Resources.Bulk_Filter_Server, Words.Server(server)));
        }

        return string.Join(Separator, parts);
    }

    /// <summary>One line per session, as its result reads: what "Copy the list" copies.</summary>
    public static string List(BulkSelection selection, SessionText text) =>
        string.Join(Environment.NewLine, selection.Sessions.Select(session => SessionText.Title(session) + " \u00b7 " + text.Subtitle(session)));

    /// <summary>"21 signed out, 1 changed since listed (not touched), 1 access denied".</summary>
    public static string Summary(BulkSummary summary) =>
        string.Join(Separator, summary.Counts.Select(count => Words.Format(Count(count.Kind, summary.Action), count.Count)));

    public static string SummaryDetail(BulkSummary summary) => Words.Format(Resources.Bulk_Outcome_Detail, summary.BulkId);

    private static string Count(OutcomeKind kind, SessionAction action) => kind switch
    {
        OutcomeKind.Done => action switch
        {
            SessionAction.Disconnect => Resources.Bulk_Outcome_Done_Disconnect,
            SessionAction.SendMessage => Resources.Bulk_Outcome_Done_SendMessage,
            _ => Resources.Bulk_Outcome_Done_LogOff,
        },
        OutcomeKind.Declined => Resources.Bulk_Outcome_Declined,
        OutcomeKind.NoAnswer => Resources.Bulk_Outcome_NoAnswer,
        OutcomeKind.Cancelled => Resources.Bulk_Outcome_Cancelled,
        OutcomeKind.Refused => Resources.Bulk_Outcome_Refused,
        OutcomeKind.Changed => Resources.Bulk_Outcome_Changed,
        OutcomeKind.Gone => Resources.Bulk_Outcome_Gone,
        OutcomeKind.NobodyToAsk => Resources.Bulk_Outcome_NobodyToAsk,
        OutcomeKind.AccessDenied => Resources.Bulk_Outcome_AccessDenied,
        OutcomeKind.ServerUnavailable => Resources.Bulk_Outcome_ServerUnavailable,
        OutcomeKind.NotSupported => Resources.Bulk_Outcome_NotSupported,
        OutcomeKind.TimedOut => Resources.Bulk_Outcome_TimedOut,
        OutcomeKind.Unknown => Resources.Bulk_Outcome_Unknown,
        _ => Resources.Bulk_Outcome_Failed,
    };

    private static string FirstFew(IReadOnlyList<string> names, int count) =>
        names.Count <= count
            ? string.Join(Separator, names)
            : Words.Format(Resources.Bulk_AndMore, string.Join(Separator, names.Take(count)), names.Count - count);

    // "8 h", not "8 h 0 min": the threshold is what was typed, not a measured time.
    private static string Threshold(TimeSpan threshold) =>
        threshold.Ticks % TimeSpan.TicksPerDay == 0 && threshold > TimeSpan.Zero ? Words.Format(Resources.Bulk_Duration_Days, (long)threshold.TotalDays)
        : threshold.Ticks % TimeSpan.TicksPerHour == 0 && threshold > TimeSpan.Zero ? Words.Format(Resources.Bulk_Duration_Hours, (long)threshold.TotalHours)
        : Words.Duration(threshold);
}
