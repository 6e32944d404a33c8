using System.Diagnostics;

namespace SessionKiller.Linux.Tests.Support;

/// <summary>A dbus-daemon of the tests' own on a socket in a temporary directory: a system bus in miniature.</summary>
internal sealed class PrivateBus : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sk-bus-").FullName;
    private readonly Process _daemon;
    private readonly System.Text.StringBuilder _log = new();

    public PrivateBus()
    {
        var daemon = Tools.Find("dbus-daemon", "dbus-daemon");
        var socket = Path.Combine(_directory, "bus");
        var config = Path.Combine(_directory, "bus.conf");
        File.WriteAllText(config, $"""
            <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
             "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
            <busconfig>
              <type>session</type>
              <listen>unix:path={socket}</listen>
              <auth>EXTERNAL</auth>
              <policy context="default">
                <allow send_destination="*"/>
                <allow receive_sender="*"/>
                <allow own="*"/>
              </policy>
            </busconfig>
            """);
        var start = new ProcessStartInfo(daemon) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--nofork", "--nopidfile", "--config-file", config })
        {
            start.ArgumentList.Add(argument);
        }

        _daemon = Process.Start(start)!;
        _daemon.ErrorDataReceived += (_, e) => Log(e.Data);
        _daemon.OutputDataReceived += (_, e) => Log(e.Data);
        _daemon.BeginErrorReadLine();
        _daemon.BeginOutputReadLine();
        Address = "unix:path=" + socket;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        // The socket file appears at bind(), a moment before the daemon listens: wait until a connection is taken.
        while (!Accepts(socket))
        {
            Assert.False(_daemon.HasExited, "dbus-daemon exited at start: " + DaemonLog);
            Assert.True(DateTime.UtcNow < deadline, "dbus-daemon did not open its socket: " + DaemonLog);
            Thread.Sleep(20);
        }
    }

    private static bool Accepts(string socket)
    {
        if (!File.Exists(socket))
        {
            return false;
        }

        using var probe = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        try
        {
            probe.Connect(new System.Net.Sockets.UnixDomainSocketEndPoint(socket));
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    public string Address { get; }

    private string DaemonLog
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    private void Log(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    public void Dispose()
    {
        if (!_daemon.HasExited)
        {
            _daemon.Kill();
        }

        _daemon.WaitForExit(5000);
        _daemon.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
