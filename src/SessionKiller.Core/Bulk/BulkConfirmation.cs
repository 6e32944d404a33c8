using System.Globalization;
using System.Text;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Sessions;

namespace SessionKiller.Core.Bulk;

/// <summary>
/// The one confirmation of a bulk action: the count, every user, the servers, and the applications open in
/// any of the sessions. Reading the applications is bounded: what is not read in time counts as unknown.
/// </summary>
public static class BulkConfirmation
{
    private const int ParallelReads = 8;

    public static async Task<Confirmation> BuildAsync(ISessionBackend backend, SessionAction action, IReadOnlyList<SessionInfo> sessions, TimeSpan limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentOutOfRangeException.ThrowIfZero(sessions.Count);
        var (applications, unknown) = action is SessionAction.LogOff or SessionAction.AskFirst
            ? await ReadApplicationsAsync(backend, sessions, limit, cancellationToken).ConfigureAwait(false)
            : ([], false);
        return new Confirmation(action, sessions[0], ConfirmationWarning.None, applications, Title(action, sessions.Count), Text(action, sessions, applications, unknown))
        {
            ApplicationsUnknown = unknown,
            Group = sessions,
        };
    }

    private static async Task<(IReadOnlyList<string> Applications, bool Unknown)> ReadApplicationsAsync(ISessionBackend backend, IReadOnlyList<SessionInfo> sessions, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(ParallelReads);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reads = sessions.Select(async session =>
        {
            await slots.WaitAsync(stop.Token).ConfigureAwait(false);
            try
            {
                return await backend.ListProcessesAsync(session.ServerName, session.SessionId, stop.Token).ConfigureAwait(false);
            }
            finally
            {
                slots.Release();
            }
        }).ToArray();
        try
        {
            await Task.WhenAll(reads).WaitAsync(limit, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
        {
            // Whatever was not read (in time) is unknown; the confirmation says so.
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
        }

        var names = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        var unknown = false;
        foreach (var read in reads)
        {
            if (read.IsCompletedSuccessfully && read.Result.IsSuccess)
            {
                names.UnionWith(ApplicationList.From(read.Result.Value!));
            }
            else
            {
                unknown = true;
            }
        }

        return ([.. names], unknown);
    }

    private static string Title(SessionAction action, int count) => action switch
    {
        SessionAction.AskFirst => string.Create(CultureInfo.InvariantCulture, $"Ask the users of {count} sessions to sign out?"),
        SessionAction.Disconnect => string.Create(CultureInfo.InvariantCulture, $"Disconnect {count} sessions?"),
        SessionAction.SendMessage => string.Create(CultureInfo.InvariantCulture, $"Send a message to {count} sessions?"),
        _ => string.Create(CultureInfo.InvariantCulture, $"Sign out {count} sessions?"),
    };

    private static string Text(SessionAction action, IReadOnlyList<SessionInfo> sessions, IReadOnlyList<string> applications, bool unknown)
    {
        var culture = CultureInfo.InvariantCulture;
        var users = sessions.Select(session => session.QualifiedUserName).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var servers = sessions.Select(session => session.ServerName).Distinct(ServerNames.Comparer);
        var text = new StringBuilder();
        text.AppendLine(culture, $"Users ({users.Length}): {string.Join(", ", users)}.");
        text.AppendLine(culture, $"On: {string.Join(", ", servers)}.");
        if (action is SessionAction.LogOff or SessionAction.AskFirst)
        {
            if (applications.Count > 0)
            {
                text.AppendLine(culture, $"Open applications: {string.Join(", ", applications)}.").AppendLine("Unsaved work in them will be lost.");
            }
            else if (!unknown)
            {
                text.AppendLine("No open applications were found.");
            }

            if (unknown)
            {
                text.AppendLine("The open applications of some of these sessions could not be read: unsaved work may be lost.");
            }
        }

        text.Append("Each session is checked again just before it is acted on; one that changed since it was listed is left alone.");
        return text.ToString();
    }
}
