using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using SessionKiller.Linux.Interop;
using SessionKiller.Linux.Tests.Support;

namespace SessionKiller.Linux.Tests.EndToEnd;

/// <summary>
/// A real OpenSSH server on 127.0.0.1 with a generated host key, and a throwaway user who logs in with a
/// key. Needs root (to add the user and run sshd) and Debian's openssh-server and openssh-client; without
/// them the tests fail and say so. Everything is removed again in <see cref="Dispose"/>, even after a failure.
/// </summary>
public sealed class SshLab : IDisposable
{
    private const string UtmpPath = "/run/utmp";
    private readonly List<SshLogin> _logins = [];
    private readonly StringBuilder _serverLog = new();
    private Process? _server;
    private bool _userCreated;

    public SshLab()
    {
        try
        {
            Start();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public string UserName { get; } = "skt" + Guid.NewGuid().ToString("N")[..8];

    public int UserId { get; private set; }

    public int Port { get; private set; }

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("sk-sshlab-").FullName;

    public string KeyPath => Path.Combine(Directory, "user_key");

    public string ServerLog
    {
        get
        {
            lock (_serverLog)
            {
                return _serverLog.ToString();
            }
        }
    }

    public int ServerProcessId => _server?.Id ?? 0;

    private void Start()
    {
        Assert.True(Libc.geteuid() == 0, "The end-to-end tests need root: they add a user and run sshd (CI runs as root).");
        var sshd = Tools.Require("/usr/sbin/sshd", "openssh-server");
        var keygen = Tools.Require("/usr/bin/ssh-keygen", "openssh-client");
        Tools.Require("/usr/bin/ssh", "openssh-client");

        EnsureUtmp();

        // sshd reads the authorized keys as the user: the lab directory must be open to them (not the key).
        File.SetUnixFileMode(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        System.IO.Directory.CreateDirectory("/run/sshd");

        Tools.RunOrFail(keygen, "-q", "-t", "ed25519", "-N", "", "-C", "sessionkiller-host", "-f", Path.Combine(Directory, "host_key"));
        Tools.RunOrFail(keygen, "-q", "-t", "ed25519", "-N", "", "-C", "sessionkiller-user", "-f", KeyPath);
        File.Copy(KeyPath + ".pub", Path.Combine(Directory, "authorized_keys"));
        File.SetUnixFileMode(Path.Combine(Directory, "authorized_keys"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        Tools.RunOrFail(Tools.Find("useradd", "passwd"), "--create-home", "--shell", "/bin/bash", UserName);
        _userCreated = true;

        // sshd without PAM refuses a locked account ("!"); "*" has no password and is not locked.
        Tools.RunOrFail(Tools.Find("usermod", "passwd"), "--password", "*", UserName);
        UserId = int.Parse(Tools.RunOrFail(Tools.Find("id", "coreutils"), "-u", UserName).Trim(), CultureInfo.InvariantCulture);

        Port = FreePort();
        var config = Path.Combine(Directory, "sshd_config");
        File.WriteAllText(config, $"""
            ListenAddress 127.0.0.1
            Port {Port}
            HostKey {Path.Combine(Directory, "host_key")}
            PidFile {Path.Combine(Directory, "sshd.pid")}
            AuthorizedKeysFile {Path.Combine(Directory, "authorized_keys")}
            AllowUsers {UserName}
            StrictModes no
            UsePAM no
            PubkeyAuthentication yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PermitRootLogin no
            UseDNS no
            PrintMotd no
            PrintLastLog no
            LogLevel VERBOSE

            """);

        var start = new ProcessStartInfo(sshd)
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in new[] { "-D", "-e", "-f", config })
        {
            start.ArgumentList.Add(argument);
        }

        _server = Process.Start(start)!;
        _server.ErrorDataReceived += (_, e) => Log(e.Data);
        _server.OutputDataReceived += (_, e) => Log(e.Data);
        _server.BeginErrorReadLine();
        _server.BeginOutputReadLine();

        Eventually.True(() => _server.HasExited || Accepts(Port), TimeSpan.FromSeconds(15), "sshd to listen");
        if (_server.HasExited)
        {
            _server.WaitForExit();
            Assert.Fail($"sshd exited at start ({_server.ExitCode}): {ServerLog}");
        }
    }

    /// <summary>Opens a login with a terminal (<c>ssh -tt</c>) whose input stays open.</summary>
    public SshLogin Login()
    {
        var login = new SshLogin(this);
        lock (_logins)
        {
            _logins.Add(login);
        }

        return login;
    }

    /// <summary>Processes of the lab user that still run (zombies have ended; only their entries wait to be reaped).</summary>
    public IReadOnlyList<int> RunningProcessesOfUser()
    {
        var running = new List<int>();
        foreach (var directory in System.IO.Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var status = File.ReadAllLines(Path.Combine(directory, "status"));
                var state = status.FirstOrDefault(line => line.StartsWith("State:", StringComparison.Ordinal)) ?? "";
                var uid = status.FirstOrDefault(line => line.StartsWith("Uid:", StringComparison.Ordinal)) ?? "";
                var realUid = uid.Split('\t', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1);
                if (realUid == UserId.ToString(CultureInfo.InvariantCulture) && !state.Contains('Z', StringComparison.Ordinal) && !state.Contains('X', StringComparison.Ordinal))
                {
                    running.Add(pid);
                }
            }
            catch (IOException)
            {
                // Ended while being read.
            }
        }

        return running;
    }

    /// <summary>Each step runs even when one before it failed: a leftover user or sshd must not outlive the tests.</summary>
    public void Dispose()
    {
        SshLogin[] logins;
        lock (_logins)
        {
            logins = [.. _logins];
        }

        foreach (var login in logins)
        {
            Try(login.Dispose);
        }

        Try(() =>
        {
            if (_server is { HasExited: false })
            {
                _server.Kill(entireProcessTree: true);
                _server.WaitForExit(5000);
            }

            _server?.Dispose();
        });
        if (_userCreated)
        {
            Try(KillRemainingProcessesOfUser);
            Try(() => Tools.Run(Tools.Find("userdel", "passwd"), ["--force", "--remove", UserName], TimeSpan.FromSeconds(30)));
        }

        Try(() => System.IO.Directory.Delete(Directory, recursive: true));
    }

    private static void Try(Action cleanup)
    {
        try
        {
            cleanup();
        }
        catch (Exception exception)
        {
            Console.Error.WriteLine($"SshLab cleanup: {exception.Message}");
        }
    }

    private void KillRemainingProcessesOfUser()
    {
        foreach (var pid in RunningProcessesOfUser())
        {
            Libc.kill(pid, Libc.SIGKILL);
        }
    }

    /// <summary>sshd records logins in utmp only when the file exists; a fresh container may have none.</summary>
    private static void EnsureUtmp()
    {
        if (File.Exists(UtmpPath))
        {
            return;
        }

        File.WriteAllBytes(UtmpPath, []);
        Tools.RunOrFail(Tools.Find("chown", "coreutils"), "root:utmp", UtmpPath);
        File.SetUnixFileMode(UtmpPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead);
    }

    private void Log(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_serverLog)
        {
            _serverLog.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
