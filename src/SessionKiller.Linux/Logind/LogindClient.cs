using SessionKiller.Core.Backend;
using Tmds.DBus.Protocol;

namespace SessionKiller.Linux.Logind;

/// <summary>One logind session as ListSessions names it, with the properties of its object.</summary>
internal sealed record LogindSessionRecord(string Id, IReadOnlyDictionary<string, VariantValue> Properties);

/// <summary>
/// systemd-logind over D-Bus (org.freedesktop.login1). One connection per call: the CLI lives for one
/// command, and a failing bus must never leave a half-open connection behind.
/// </summary>
internal sealed class LogindClient
{
    internal const string Service = "org.freedesktop.login1";
    internal const string ManagerPath = "/org/freedesktop/login1";
    internal const string ManagerInterface = "org.freedesktop.login1.Manager";
    internal const string SessionInterface = "org.freedesktop.login1.Session";
    internal const string PropertiesInterface = "org.freedesktop.DBus.Properties";
    internal const string DefaultSystemBusSocket = "/run/dbus/system_bus_socket";

    private readonly string _address;
    private readonly TimeSpan _callTimeout;

    public LogindClient(string address, TimeSpan? callTimeout = null)
    {
        _address = address;
        _callTimeout = callTimeout ?? TimeSpan.FromSeconds(5);
    }

    /// <summary>
    /// The system bus: DBUS_SYSTEM_BUS_ADDRESS when set, else the standard socket when it exists, else
    /// null (no bus, so no logind: a container, a machine without systemd).
    /// </summary>
    public static string? SystemBusAddress(string socketPath = DefaultSystemBusSocket)
    {
        var configured = Environment.GetEnvironmentVariable("DBUS_SYSTEM_BUS_ADDRESS");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        return File.Exists(socketPath) ? "unix:path=" + socketPath : null;
    }

    /// <returns>logind's sessions, or null when the bus or logind does not answer: the caller then reads utmp.</returns>
    public async Task<IReadOnlyList<LogindSessionRecord>?> TryListSessionsAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var connection = new DBusConnection(_address);
            await connection.ConnectAsync().AsTask().WaitAsync(_callTimeout, cancellationToken).ConfigureAwait(false);
            var listed = await connection.CallMethodAsync(ListSessionsCall(connection), ReadSessionList).WaitAsync(_callTimeout, cancellationToken).ConfigureAwait(false);
            var sessions = new List<LogindSessionRecord>(listed.Count);
            foreach (var (id, path) in listed)
            {
                try
                {
                    var properties = await connection.CallMethodAsync(GetAllCall(connection, path), ReadProperties).WaitAsync(_callTimeout, cancellationToken).ConfigureAwait(false);
                    sessions.Add(new LogindSessionRecord(id, properties));
                }
                catch (DBusErrorReplyException)
                {
                    // Ended between the listing and this read: it is simply not listed.
                }
            }

            return sessions;
        }
        catch (Exception exception) when (exception is DBusExceptionBase or TimeoutException or IOException or System.Net.Sockets.SocketException)
        {
            return null;
        }
    }

    public async Task<BackendResult> TerminateSessionAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            using var connection = new DBusConnection(_address);
            await connection.ConnectAsync().AsTask().WaitAsync(_callTimeout, cancellationToken).ConfigureAwait(false);
            await connection.CallMethodAsync(TerminateSessionCall(connection, id)).WaitAsync(_callTimeout, cancellationToken).ConfigureAwait(false);
            return BackendResult.Success;
        }
        catch (TimeoutException)
        {
            return LinuxErrors.TimedOut("systemd-logind did not answer", _callTimeout);
        }
        catch (Exception exception) when (exception is DBusExceptionBase or IOException or System.Net.Sockets.SocketException)
        {
            return LinuxErrors.FromBusException(exception);
        }
    }

    private static MessageBuffer ListSessionsCall(DBusConnection connection)
    {
        using var writer = connection.GetMessageWriter();
        writer.WriteMethodCallHeader(destination: Service, path: ManagerPath, @interface: ManagerInterface, member: "ListSessions");
        return writer.CreateMessage();
    }

    private static MessageBuffer GetAllCall(DBusConnection connection, string path)
    {
        using var writer = connection.GetMessageWriter();
        writer.WriteMethodCallHeader(destination: Service, path: path, @interface: PropertiesInterface, member: "GetAll", signature: "s");
        writer.WriteString(SessionInterface);
        return writer.CreateMessage();
    }

    private static MessageBuffer TerminateSessionCall(DBusConnection connection, string id)
    {
        using var writer = connection.GetMessageWriter();
        writer.WriteMethodCallHeader(destination: Service, path: ManagerPath, @interface: ManagerInterface, member: "TerminateSession", signature: "s");
        writer.WriteString(id);
        return writer.CreateMessage();
    }

    /// <summary>ListSessions returns a(susso): id, uid, user name, seat id, object path.</summary>
    private static List<(string Id, string Path)> ReadSessionList(Message message, object? state)
    {
        var reader = message.GetBodyReader();
        var sessions = new List<(string, string)>();
        var end = reader.ReadArrayStart(DBusType.Struct);
        while (reader.HasNext(end))
        {
            reader.AlignStruct();
            var id = reader.ReadString();
            reader.ReadUInt32();
            reader.ReadString();
            reader.ReadString();
            sessions.Add((id, reader.ReadObjectPathAsString()));
        }

        return sessions;
    }

    private static Dictionary<string, VariantValue> ReadProperties(Message message, object? state) =>
        message.GetBodyReader().ReadDictionaryOfStringToVariantValue();
}
