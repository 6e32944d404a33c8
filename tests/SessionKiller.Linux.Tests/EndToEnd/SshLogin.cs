using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace SessionKiller.Linux.Tests.EndToEnd;

/// <summary>A real ssh client with a terminal on the server (<c>ssh -tt</c>), fed from a pipe that stays open.</summary>
public sealed partial class SshLogin : IDisposable
{
    private readonly StringBuilder _output = new();
    private readonly Process _client;
    private readonly Task _reader;

    private readonly SshLab _lab;
    private bool _disposed;

    internal SshLogin(SshLab lab)
    {
        _lab = lab;
        var start = new ProcessStartInfo("/usr/bin/ssh")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "-tt", "-i", lab.KeyPath, "-p", lab.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes",
            "-o", "LogLevel=ERROR", "-o", "ConnectTimeout=10", $"{lab.UserName}@127.0.0.1",
        })
        {
            start.ArgumentList.Add(argument);
        }

        _client = Process.Start(start)!;
        _reader = Task.WhenAll(Pump(_client.StandardOutput.BaseStream), Pump(_client.StandardError.BaseStream));
    }

    public int ClientProcessId => _client.Id;

    public bool HasExited => _client.HasExited;

    /// <summary>Everything the client printed so far: the remote terminal's output, and ssh's own messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Types a line into the remote shell.</summary>
    public void Type(string line)
    {
        _client.StandardInput.Write(line + "\n");
        _client.StandardInput.Flush();
    }

    /// <summary>Asks the remote shell for its terminal and waits for the answer: <c>pts/N</c>.</summary>
    public string AskTerminal(TimeSpan timeout)
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        Type($"echo TTY-{marker}=$(tty)");
        var match = Eventually.Match(() => Output, new Regex($"TTY-{marker}=/dev/(pts/[0-9]+)"), timeout, "the remote shell to name its terminal", () => "sshd said: " + _lab.ServerLog);
        return match.Groups[1].Value;
    }

    /// <summary>Starts a job in the remote shell and returns its pid.</summary>
    public int StartJob(string command, TimeSpan timeout)
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        Type($"{command} & echo JOB-{marker}=$!");
        var match = Eventually.Match(() => Output, new Regex($"JOB-{marker}=([0-9]+)"), timeout, "the remote shell to start a job");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool WaitForExit(TimeSpan timeout) => _client.WaitForExit(timeout);

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_client.HasExited)
        {
            _client.Kill(entireProcessTree: true);
        }

        _client.WaitForExit(5000);
        try
        {
            _reader.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The pipes broke as the client died: nothing more to read.
        }

        _client.Dispose();
    }

    private async Task Pump(Stream stream)
    {
        var buffer = new byte[4096];
        var decoder = Encoding.UTF8.GetDecoder();
        var chars = new char[Encoding.UTF8.GetMaxCharCount(buffer.Length)];
        int read;
        while ((read = await stream.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            var count = decoder.GetChars(buffer, 0, read, chars, 0);
            lock (_output)
            {
                _output.Append(chars, 0, count);
            }
        }
    }
}
