using SessionKiller.Linux.Logind;
using Tmds.DBus.Protocol;

namespace SessionKiller.Linux.Tests.Support;

/// <summary>
/// A stand-in systemd-logind on a private bus: the name org.freedesktop.login1, ListSessions, the
/// properties of each session object, and TerminateSession. It answers as logind does on the wire.
/// </summary>
internal sealed class FakeLogind : IPathMethodHandler, IDisposable
{
    private readonly DBusConnection _connection;
    private readonly object _gate = new();
    private readonly List<string> _terminated = [];

    private FakeLogind(DBusConnection connection)
    {
        _connection = connection;
    }

    public Dictionary<string, Dictionary<string, VariantValue>> Sessions { get; } = [];

    /// <summary>The error TerminateSession answers with, or null to succeed.</summary>
    public (string Name, string Message)? TerminateError { get; set; }

    /// <summary>Called when a session is terminated, as logind would end its processes.</summary>
    public Action<string>? OnTerminate { get; set; }

    public IReadOnlyList<string> Terminated
    {
        get
        {
            lock (_gate)
            {
                return [.. _terminated];
            }
        }
    }

    public string Path => LogindClient.ManagerPath;

    public bool HandlesChildPaths => true;

    public static async Task<FakeLogind> StartAsync(string address)
    {
        var connection = new DBusConnection(address);
        await connection.ConnectAsync();
        var fake = new FakeLogind(connection);
        connection.AddMethodHandler(fake);
        await connection.RequestNameAsync(LogindClient.Service);
        return fake;
    }

    public static string ObjectPathOf(string id) => LogindClient.ManagerPath + "/session/_3" + id;

    public ValueTask HandleMethodAsync(MethodContext context)
    {
        var request = context.Request;
        var path = request.PathAsString;
        var member = request.MemberAsString;
        var iface = request.InterfaceAsString;
        if (path == LogindClient.ManagerPath && iface == LogindClient.ManagerInterface && member == "ListSessions")
        {
            ReplyList(context);
        }
        else if (path == LogindClient.ManagerPath && iface == LogindClient.ManagerInterface && member == "TerminateSession")
        {
            var id = request.GetBodyReader().ReadString();
            lock (_gate)
            {
                _terminated.Add(id);
            }

            if (TerminateError is { } error)
            {
                context.ReplyError(error.Name, error.Message);
            }
            else if (!Sessions.ContainsKey(id))
            {
                context.ReplyError("org.freedesktop.login1.NoSuchSession", $"No session '{id}' known");
            }
            else
            {
                OnTerminate?.Invoke(id);
                using var writer = context.CreateReplyWriter(null!);
                context.Reply(writer.CreateMessage());
            }
        }
        else if (iface == LogindClient.PropertiesInterface && member == "GetAll"
            && Sessions.FirstOrDefault(session => ObjectPathOf(session.Key) == path) is { Value: not null } session)
        {
            using var writer = context.CreateReplyWriter("a{sv}");
            writer.WriteDictionary(session.Value);
            context.Reply(writer.CreateMessage());
        }
        else
        {
            context.ReplyError("org.freedesktop.DBus.Error.UnknownObject", $"Unknown object '{path}'.");
        }

        return ValueTask.CompletedTask;
    }

    public void Dispose() => _connection.Dispose();

    private void ReplyList(MethodContext context)
    {
        using var writer = context.CreateReplyWriter("a(susso)");
        var array = writer.WriteArrayStart(DBusType.Struct);
        foreach (var (id, properties) in Sessions)
        {
            writer.WriteStructureStart();
            writer.WriteString(id);
            writer.WriteUInt32(1000);
            writer.WriteString(properties.TryGetValue("Name", out var name) ? name.GetString() : "");
            writer.WriteString("");
            writer.WriteObjectPath(ObjectPathOf(id));
        }

        writer.WriteArrayEnd(array);
        context.Reply(writer.CreateMessage());
    }
}
