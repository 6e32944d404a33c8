using System.Globalization;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using SessionKiller.Core.Backend;
using SessionKiller.Linux.Interop;
using Tmds.DBus.Protocol;

namespace SessionKiller.Linux;

/// <summary>
/// Turns what Linux reports (errno values, D-Bus error names, the exceptions of file and bus access) into
/// the product's failure kinds, as WtsErrors does for Windows. Every failure carries code 0: an errno is
/// no Windows error code, so the sentence names it instead ("EACCES").
/// </summary>
internal static class LinuxErrors
{
    public static FailureKind KindOf(int errno) => errno switch
    {
        Errno.EPERM or Errno.EACCES => FailureKind.AccessDenied,
        Errno.ESRCH or Errno.ENOENT or Errno.ENXIO or Errno.EIO => FailureKind.SessionGone,
        Errno.ENOSYS => FailureKind.NotSupported,
        Errno.ETIMEDOUT => FailureKind.TimedOut,
        _ => FailureKind.Failed,
    };

    /// <param name="action">What was being done, as the start of a sentence ("Writing to /dev/pts/3").</param>
    public static BackendFailure FromErrno(int errno, string action)
    {
        var cause = Describe(errno);
        var kind = KindOf(errno);
        var text = kind switch
        {
            FailureKind.AccessDenied => $"{action} was not allowed ({cause}): run as root.",
            FailureKind.SessionGone => $"{action} found nothing there any more ({cause}): the session has ended.",
            FailureKind.NotSupported => $"{action} is not possible on this system ({cause}).",
            FailureKind.TimedOut => $"{action} did not finish in time ({cause}).",
            _ => $"{action} failed ({cause}).",
        };
        return new BackendFailure(kind, 0, text);
    }

    /// <summary>The failure for the errno the last native call left behind.</summary>
    public static BackendFailure LastError(string action) => FromErrno(Marshal.GetLastPInvokeError(), action);

    /// <summary>logind's and the bus's error names, as the product's failure kinds.</summary>
    public static BackendFailure FromDBusError(string errorName, string errorMessage)
    {
        var text = string.IsNullOrWhiteSpace(errorMessage) ? errorName : $"{errorMessage} ({errorName})";
        return errorName switch
        {
            "org.freedesktop.DBus.Error.AccessDenied" or "org.freedesktop.DBus.Error.InteractiveAuthorizationRequired"
                => new(FailureKind.AccessDenied, 0, $"systemd-logind refused: {text}. Run as root."),
            "org.freedesktop.login1.NoSuchSession" or "org.freedesktop.DBus.Error.UnknownObject"
                => new(FailureKind.SessionGone, 0, $"systemd-logind no longer knows this session: {text}."),
            "org.freedesktop.DBus.Error.ServiceUnknown" or "org.freedesktop.DBus.Error.NoReply" or "org.freedesktop.DBus.Error.NameHasNoOwner"
                => new(FailureKind.ServerUnavailable, 0, $"systemd-logind did not answer: {text}."),
            "org.freedesktop.DBus.Error.Timeout" or "org.freedesktop.DBus.Error.TimedOut"
                => new(FailureKind.TimedOut, 0, $"systemd-logind did not answer in time: {text}."),
            _ => new(FailureKind.Failed, 0, $"systemd-logind failed: {text}."),
        };
    }

    /// <summary>A wait of this backend's own that ran out (the bus, a leader that does not go).</summary>
    public static BackendFailure TimedOut(string what, TimeSpan after) =>
        new(FailureKind.TimedOut, 0, string.Create(CultureInfo.InvariantCulture, $"{what} within {after.TotalSeconds:0.#} s."));

    /// <summary>What this backend cannot do at all; the sentence says why.</summary>
    public static BackendFailure NotSupported(string text) => new(FailureKind.NotSupported, 0, text);

    /// <summary>
    /// The exceptions reading /proc, utmp and the bus can raise, as failures; null for any other exception,
    /// which is a bug and is not dressed up as a platform failure.
    /// </summary>
    public static BackendFailure? FromException(Exception exception, string action) => exception switch
    {
        DBusExceptionBase or SocketException => FromBusException(exception),
        UnauthorizedAccessException => new(FailureKind.AccessDenied, 0, $"{action} was not allowed: {exception.Message} Run as root."),
        InvalidDataException => new(FailureKind.Failed, 0, $"{action} failed: {exception.Message}"),
        IOException => new(FailureKind.Failed, 0, $"{action} failed: {exception.Message}"),
        _ => null,
    };

    /// <summary>A failed call on the system bus: logind's own error reply, or a bus that cannot be reached.</summary>
    public static BackendFailure FromBusException(Exception exception) => exception is DBusErrorReplyException reply
        ? FromDBusError(reply.ErrorName, reply.ErrorMessage)
        : new(FailureKind.ServerUnavailable, 0, $"systemd-logind could not be reached on the system bus: {exception.Message}");

    /// <summary>"EACCES: Permission denied", from the C library's own table.</summary>
    internal static string Describe(int errno)
    {
        var name = errno switch
        {
            Errno.EPERM => "EPERM",
            Errno.ENOENT => "ENOENT",
            Errno.ESRCH => "ESRCH",
            Errno.EIO => "EIO",
            Errno.ENXIO => "ENXIO",
            Errno.EAGAIN => "EAGAIN",
            Errno.EACCES => "EACCES",
            Errno.ERANGE => "ERANGE",
            Errno.ENOSYS => "ENOSYS",
            Errno.ETIMEDOUT => "ETIMEDOUT",
            _ => string.Create(CultureInfo.InvariantCulture, $"errno {errno}"),
        };
        var message = Marshal.GetPInvokeErrorMessage(errno)?.Trim();
        return string.IsNullOrEmpty(message) ? name : $"{name}: {message}";
    }
}
