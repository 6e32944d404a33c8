using System.Globalization;
using SessionKiller.Linux.Processes;

namespace SessionKiller.Linux.Tests.Support;

/// <summary>Process table entries and stat lines for tests, in the kernel's own format.</summary>
internal static class ProcFixtures
{
    /// <summary>The tty_nr of pts/0: major 136, minor 0.</summary>
    public const int Pts0 = 34816;

    /// <summary>Short waits between the steps of a log off, so tests of it take a second, not five.</summary>
    public static readonly TerminationTimings QuickTimings = new(TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(10));

    public static ProcessStat Process(int pid, int parent = 1, int session = 0, int terminal = 0, char state = 'S', string name = "bash", ulong start = 1000, uint flags = 0x400100) =>
        new(pid, name, state, parent, session == 0 ? pid : session, terminal, flags, start);

    public static Dictionary<int, ProcessStat> Table(params ProcessStat[] processes) =>
        processes.ToDictionary(process => process.ProcessId);

    /// <summary>A full 52-field stat line, as /proc/PID/stat has it.</summary>
    public static string StatLine(ProcessStat process)
    {
        var fields = new string[52];
        Array.Fill(fields, "0");
        fields[0] = process.ProcessId.ToString(CultureInfo.InvariantCulture);
        fields[1] = "(" + process.Name + ")";
        fields[2] = process.State.ToString();
        fields[3] = process.ParentProcessId.ToString(CultureInfo.InvariantCulture);
        fields[4] = process.ProcessId.ToString(CultureInfo.InvariantCulture);
        fields[5] = process.SessionId.ToString(CultureInfo.InvariantCulture);
        fields[6] = process.TerminalNumber.ToString(CultureInfo.InvariantCulture);
        fields[7] = "-1";
        fields[8] = process.Flags.ToString(CultureInfo.InvariantCulture);
        fields[21] = process.StartTime.ToString(CultureInfo.InvariantCulture);
        fields[22] = "4304896";
        return string.Join(' ', fields) + "\n";
    }
}

/// <summary>A stand-in /proc in a temporary directory: one PID/stat file per process.</summary>
internal sealed class FakeProc : IDisposable
{
    private readonly object _gate = new();

    /// <param name="bootTime">The btime /proc/stat reports; an hour ago unless given.</param>
    public FakeProc(DateTimeOffset? bootTime = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "sk-proc-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        var btime = (bootTime ?? DateTimeOffset.UtcNow.AddHours(-1)).ToUnixTimeSeconds();
        File.WriteAllText(Path.Combine(Root, "stat"), string.Create(CultureInfo.InvariantCulture, $"cpu  1 2 3 4\nbtime {btime}\nprocesses 42\n"));
        Directory.CreateDirectory(Path.Combine(Root, "self"));
        Directory.CreateDirectory(Path.Combine(Root, "sys"));
    }

    public string Root { get; }

    /// <param name="uid">The real uid its status reports.</param>
    public void Add(ProcessStat process, uint uid = 0)
    {
        lock (_gate)
        {
            var directory = Path.Combine(Root, process.ProcessId.ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, "stat"), ProcFixtures.StatLine(process));
            File.WriteAllText(Path.Combine(directory, "status"), string.Create(CultureInfo.InvariantCulture, $"Name:\t{process.Name}\nUid:\t{uid}\t{uid}\t{uid}\t{uid}\n"));
        }
    }

    public void Remove(int pid)
    {
        lock (_gate)
        {
            var directory = Path.Combine(Root, pid.ToString(CultureInfo.InvariantCulture));
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
