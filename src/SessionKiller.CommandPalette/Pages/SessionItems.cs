using Community.PowerToys.Run.Plugin.SessionKiller.Results;
using Microsoft.CommandPalette.Extensions;
using Microsoft.CommandPalette.Extensions.Toolkit;
using SessionKiller.CommandPalette.Actions;
using SessionKiller.CommandPalette.Commands;
using SessionKiller.CommandPalette.Properties;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Sessions;
using Windows.System;
using PluginResources = Community.PowerToys.Run.Plugin.SessionKiller.Properties.Resources;

namespace SessionKiller.CommandPalette.Pages;

/// <summary>
/// A listing's entries as CmdPal's list items, with the plugin's titles and subtitles: a session signs
/// out on Enter and offers the other actions with the plugin's shortcuts; a failed server reads again.
/// </summary>
internal sealed class SessionItems(SessionText text, ActionFlow flow, Func<string, Task> refreshServer)
{
    private const string SignOutGlyph = "\uF3B1";
    private const string AskGlyph = "\uE9CE";
    private const string DisconnectGlyph = "\uE8CD";
    private const string MessageGlyph = "\uE8BD";
    private const string CopyGlyph = "\uE8C8";
    private const string ProblemGlyph = "\uE7BA";
    private const string InfoGlyph = "\uE946";

    public IListItem[] For(IReadOnlyList<ListingEntry> entries)
    {
        var items = new IListItem[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            items[i] = entries[i] switch
            {
                ListingEntry.Session session => Session(session.Match.Session),
                ListingEntry.ServerProblem problem => ServerProblem(problem),
                ListingEntry.Notice notice => Notice(notice),
                var other => throw new InvalidOperationException($"Unknown listing entry {other}"),
            };
        }

        return items;
    }

    private ListItem Session(SessionInfo session)
    {
        var details = text.Details(session);
        return new ListItem(Act(SessionAction.LogOff, session, SignOutGlyph))
        {
            Title = SessionText.Title(session),
            Subtitle = text.Subtitle(session),
            Icon = new IconInfo(SignOutGlyph),
            Tags = Tags(session),
            Details = new Details
            {
                Title = SessionText.DetailsTitle(session),

                // Markdown: a line break needs two trailing spaces.
                Body = details.ReplaceLineEndings("  \n"),
            },
            MoreCommands =
            [
                Context(Act(SessionAction.AskFirst, session, AskGlyph), VirtualKey.Enter),
                Context(Act(SessionAction.Disconnect, session, DisconnectGlyph), VirtualKey.D),
                Context(Act(SessionAction.SendMessage, session, MessageGlyph), VirtualKey.M),
                Context(
                    new CopyTextCommand(SessionText.DetailsTitle(session) + Environment.NewLine + details)
                    {
                        Name = Resources.Action_CopyDetails,
                        Icon = new IconInfo(CopyGlyph),
                        Result = CommandResult.ShowToast(Words.Format(Resources.Copied, SessionText.DetailsTitle(session))),
                    },
                    VirtualKey.C),
            ],
        };
    }

    /// <summary>State (and Locked) and idle time, as tags beside the title.</summary>
    private static ITag[] Tags(SessionInfo session)
    {
        var state = session.Lock == LockState.Locked ? $"{Words.State(session.State)}, {PluginResources.Locked}" : Words.State(session.State);
        return [new Tag(state) { ToolTip = PluginResources.Detail_State.Split('{')[0].Trim() }, new Tag(Words.Idle(session.IdleTime))];
    }

    private ListItem ServerProblem(ListingEntry.ServerProblem problem)
    {
        var serverName = problem.Server.ServerName;
        var retry = new FlowCommand(Resources.Action_Retry, () =>
        {
            _ = refreshServer(serverName);
            return CommandResult.KeepOpen();
        });
        return new ListItem(retry)
        {
            Title = problem.Title,
            Subtitle = problem.Subtitle,
            Icon = new IconInfo(ProblemGlyph),
            Details = new Details { Title = problem.Title, Body = problem.Details.ReplaceLineEndings("  \n") },
        };
    }

    private static ListItem Notice(ListingEntry.Notice notice) => new(new NoOpCommand())
    {
        Title = notice.Title,
        Subtitle = notice.Subtitle,
        Icon = new IconInfo(InfoGlyph),
        Details = notice.Details is { } help ? new Details { Title = notice.Title, Body = help.ReplaceLineEndings("  \n") } : null,
    };

    private FlowCommand Act(SessionAction action, SessionInfo session, string glyph) =>
        new(ActionFlow.ActionName(action), () => flow.Start(action, session)) { Icon = new IconInfo(glyph) };

    private static CommandContextItem Context(ICommand command, VirtualKey key) =>
        new(command) { RequestedShortcut = KeyChordHelpers.FromModifiers(ctrl: true, vkey: key) };
}
