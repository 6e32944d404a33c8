using SessionKiller.Core.Actions;
using SessionKiller.Core.Query;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Settings;

namespace SessionKiller.Cli;

/// <summary>An action command with <c>--where</c>, as the command line gave it: every session the query names.</summary>
internal sealed record BulkInvocation(SessionAction Action, string WhereText, SessionQuery Where, IReadOnlyList<string> Servers)
{
    public bool Confirmed { get; init; }

    public int Max { get; init; } = BulkSyntax.DefaultMax;

    public bool Json { get; init; }

    public bool Wait { get; init; } = true;

    public string? MessageText { get; init; }

    public string? MessageTitle { get; init; }

    public TimeSpan? AskTimeout { get; init; }

    public TimeoutPolicy? OnNoAnswer { get; init; }

    /// <summary>The servers to read: those named with <c>--server</c>, else the query's <c>@server</c>, else this computer.</summary>
    public IReadOnlyList<string> ServersToRead =>
        Servers.Count > 0 ? [.. Servers.Select(ServerNames.Normalize).Distinct(ServerNames.Comparer)]
        : Where.Server is { } server ? [ServerNames.Normalize(server)]
        : [ServerNames.Local];

    /// <summary>The request for one listed session, bound to its identity as read.</summary>
    public ActionRequest RequestFor(SessionInfo session) => new(Action, session.Identity)
    {
        Wait = Wait,
        MessageText = MessageText,
        MessageTitle = MessageTitle,
        AskTimeout = AskTimeout,
        OnNoAnswer = OnNoAnswer,
    };
}
