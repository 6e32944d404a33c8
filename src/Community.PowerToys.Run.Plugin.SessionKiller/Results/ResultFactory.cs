using System.Globalization;
using System.Runtime.CompilerServices;
using Community.PowerToys.Run.Plugin.SessionKiller.Settings;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Catalog;
using SessionKiller.Core.Matching;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Text;
using Wox.Plugin;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Results;

/// <summary>Turns what was typed and the catalog's snapshot into PowerToys results. Parsing and ranking are Core's.</summary>
internal sealed class ResultFactory(SessionText text, Func<string> iconPath)
{
    /// <summary>At most this many sessions per query (see <see cref="Listing.MaxSessions"/>).</summary>
    public const int MaxSessionResults = Listing.MaxSessions;

    private const int TopScore = 10_000;

    private readonly ConditionalWeakTable<SessionInfo, SessionTexts> cache = [];

    /// <param name="act">Runs an action on a session; returns whether Run hides.</param>
    /// <param name="retry">Reads a server again; returns whether Run hides.</param>
    /// <param name="view">The catalog's snapshot, and its age when it predates the read under way after a pause.</param>
    public List<Result> For(string search, CatalogView view, PluginSettings settings, Func<SessionAction, SessionInfo, bool> act, Func<string, bool> retry)
    {
        var entries = Listing.For(search, view, settings.Core.ShowOwnSession, MaxSessionResults, text);
        var results = new List<Result>(entries.Count);

        // Once per keystroke, not per result: reading the local date converts between time zones.
        var today = text.Today();
        var culture = CultureInfo.CurrentUICulture;
        var rank = 0;
        foreach (var entry in entries)
        {
            results.Add(entry switch
            {
                ListingEntry.Session session => Session(session.Match, TopScore - Math.Min(rank++, TopScore - 1), today, culture, act),
                ListingEntry.ServerProblem problem => ServerProblem(problem, retry),
                ListingEntry.Notice notice => Info(notice),
                _ => throw new InvalidOperationException($"Unknown listing entry {entry}"),
            });
        }

        return results;
    }

    private Result Session(SessionMatch match, int score, DateTime today, CultureInfo culture, Func<SessionAction, SessionInfo, bool> act)
    {
        var session = match.Session;
        var texts = TextsFor(session, today, culture);
        return new Result(match.UserNameHighlights.ToList())
        {
            Title = texts.Title,
            SubTitle = texts.Subtitle,
            ToolTipData = texts.ToolTip,
            IcoPath = iconPath(),
            Score = score,
            ContextData = session,

            // Enter logs off; Ctrl+Enter asks first, as the context menu says.
            Action = context => act(context?.SpecialKeyState?.CtrlPressed == true ? SessionAction.AskFirst : SessionAction.LogOff, session),
        };
    }

    /// <summary>
    /// A session's texts are written once per snapshot (sessions are immutable and replaced on refresh)
    /// and reused on every keystroke: a keystroke only builds the result objects.
    /// </summary>
    private SessionTexts TextsFor(SessionInfo session, DateTime today, CultureInfo culture)
    {
        if (cache.TryGetValue(session, out var cached) && cached.Today == today && Equals(cached.Culture, culture))
        {
            return cached;
        }

        var fresh = new SessionTexts(
            SessionText.Title(session),
            text.Subtitle(session),
            new ToolTipData(SessionText.DetailsTitle(session), text.Details(session)),
            today,
            culture);
        cache.AddOrUpdate(session, fresh);
        return fresh;
    }

    /// <summary>A server whose last read failed: Enter reads it again.</summary>
    private Result ServerProblem(ListingEntry.ServerProblem problem, Func<string, bool> retry) => new()
    {
        Title = problem.Title,
        SubTitle = problem.Subtitle,
        ToolTipData = new ToolTipData(problem.Title, problem.Details),
        IcoPath = iconPath(),
        Score = 0,
        ContextData = problem.Server,
        Action = _ => retry(problem.Server.ServerName),
    };

    /// <summary>A result that only informs: Enter keeps Run open.</summary>
    private Result Info(ListingEntry.Notice notice) => new()
    {
        Title = notice.Title,
        SubTitle = notice.Subtitle,
        ToolTipData = notice.Details is { } details ? new ToolTipData(notice.Title, details) : null,
        IcoPath = iconPath(),
        // An age notice comes last, as a stale server does: Enter stays on the best match.
        Score = notice.AfterSessions ? 0 : TopScore,
        Action = _ => false,
    };

    /// <summary>What a session's result shows, with the day and culture it was written for ("08:12" today, a date on other days).</summary>
    private sealed record SessionTexts(string Title, string Subtitle, ToolTipData ToolTip, DateTime Today, CultureInfo Culture);
}
