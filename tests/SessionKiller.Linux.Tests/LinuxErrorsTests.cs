using SessionKiller.Core.Backend;
using SessionKiller.Linux.Interop;

namespace SessionKiller.Linux.Tests;

public class LinuxErrorsTests
{
    [Theory]
    [InlineData(Errno.EPERM, FailureKind.AccessDenied)]
    [InlineData(Errno.EACCES, FailureKind.AccessDenied)]
    [InlineData(Errno.ESRCH, FailureKind.SessionGone)]
    [InlineData(Errno.ENOENT, FailureKind.SessionGone)]
    [InlineData(Errno.ENXIO, FailureKind.SessionGone)]
    [InlineData(Errno.EIO, FailureKind.SessionGone)]
    [InlineData(Errno.ENOSYS, FailureKind.NotSupported)]
    [InlineData(Errno.ETIMEDOUT, FailureKind.TimedOut)]
    [InlineData(Errno.EAGAIN, FailureKind.Failed)]
    [InlineData(9999, FailureKind.Failed)]
    public void Each_errno_has_one_failure_kind(int errno, FailureKind kind)
    {
        Assert.Equal(kind, LinuxErrors.KindOf(errno));
        Assert.Equal(kind, LinuxErrors.FromErrno(errno, "Writing to /dev/pts/3").Kind);
    }

    [Theory]
    [InlineData(Errno.EACCES, "Writing to /dev/pts/3 was not allowed (EACCES: Permission denied): run as root.")]
    [InlineData(Errno.EIO, "Writing to /dev/pts/3 found nothing there any more (EIO: Input/output error): the session has ended.")]
    [InlineData(Errno.ETIMEDOUT, "Writing to /dev/pts/3 did not finish in time (ETIMEDOUT: Connection timed out).")]
    [InlineData(Errno.EAGAIN, "Writing to /dev/pts/3 failed (EAGAIN: Resource temporarily unavailable).")]
    public void An_errno_is_named_in_the_sentence_and_never_shown_as_an_error_code(int errno, string sentence)
    {
        var failure = LinuxErrors.FromErrno(errno, "Writing to /dev/pts/3");

        Assert.Equal(0, failure.Code);
        Assert.Equal(sentence, failure.ToString());
    }

    [Fact]
    public void A_timeout_of_this_backend_has_no_windows_code()
    {
        var failure = LinuxErrors.TimedOut("systemd-logind did not answer", TimeSpan.FromSeconds(5));

        Assert.Equal((FailureKind.TimedOut, 0, "systemd-logind did not answer within 5 s."), (failure.Kind, failure.Code, failure.ToString()));
    }

    [Fact]
    public void File_and_bus_exceptions_become_failures_and_any_other_is_left_to_surface()
    {
        Assert.Equal(FailureKind.AccessDenied, LinuxErrors.FromException(new UnauthorizedAccessException("no"), "Reading")?.Kind);
        Assert.Equal(FailureKind.Failed, LinuxErrors.FromException(new IOException("disk"), "Reading")?.Kind);
        Assert.Equal(FailureKind.Failed, LinuxErrors.FromException(new InvalidDataException("torn"), "Reading")?.Kind);
        Assert.Equal(FailureKind.ServerUnavailable, LinuxErrors.FromException(new System.Net.Sockets.SocketException(111), "Reading")?.Kind);
        Assert.Null(LinuxErrors.FromException(new InvalidOperationException("a bug"), "Reading"));
    }

    [Theory]
    [InlineData("org.freedesktop.DBus.Error.Timeout", FailureKind.TimedOut)]
    [InlineData("org.freedesktop.DBus.Error.NameHasNoOwner", FailureKind.ServerUnavailable)]
    public void Bus_errors_map_with_code_zero(string errorName, FailureKind kind)
    {
        var failure = LinuxErrors.FromDBusError(errorName, "said so");

        Assert.Equal((kind, 0), (failure.Kind, failure.Code));
        Assert.Contains($"said so ({errorName})", failure.Text, StringComparison.Ordinal);
    }
}
