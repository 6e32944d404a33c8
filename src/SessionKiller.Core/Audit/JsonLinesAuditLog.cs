using System.Globalization;
using System.Text;
using System.Text.Json;
using SessionKiller.Core.Files;

namespace SessionKiller.Core.Audit;

/// <summary>
/// Appends one JSON object per line, rotating by size. The plugin and elevated helpers may write at the
/// same moment: each append (and any rotation) happens while the writer holds a lock file alone
/// (FileShare.None: a sharing lock on Windows, flock on Linux). .NET writes at its own file position
/// rather than with an atomic append, so without the lock two writers could overwrite each other.
/// The log, its lock and its rotated files are never links: a link is refused, not followed. A line
/// starts only at a line boundary: a fragment torn by a full disk or a crash is ended first, so it
/// stays a line of its own that a reader skips, and the next line is whole.
/// </summary>
public sealed class JsonLinesAuditLog : IAuditLog
{
    public const long DefaultMaxBytes = 4 * 1024 * 1024;
    public const int DefaultKeptFiles = 5;

    /// <summary>How long an action waits for other writers before it gives up, and then does nothing.</summary>
    public static readonly TimeSpan DefaultLockWait = TimeSpan.FromSeconds(5);

    // ERROR_SHARING_VIOLATION and ERROR_LOCK_VIOLATION on Windows; EWOULDBLOCK from flock on Linux.
    private static readonly int[] ContentionCodes = [unchecked((int)0x80070020), unchecked((int)0x80070021), 11];

    private readonly TimeSpan lockWait;

    /// <param name="maxBytes">A file that would grow past this is rotated first.</param>
    /// <param name="keptFiles">How many files exist at most: the current one and the rotated ones (<c>.1</c> newest).</param>
    /// <param name="lockWait">How long to wait for the lock; null for <see cref="DefaultLockWait"/>.</param>
    public JsonLinesAuditLog(string path, long maxBytes = DefaultMaxBytes, int keptFiles = DefaultKeptFiles, TimeSpan? lockWait = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(keptFiles, 1);
        Path = path;
        MaxBytes = maxBytes;
        KeptFiles = keptFiles;
        this.lockWait = lockWait ?? DefaultLockWait;
    }

    public string Path { get; }

    public string Location => Path;

    /// <summary>Creates the log's folder before each write; machine-wide logs set the folder's access rules here.</summary>
    public Action<string> PrepareFolder { get; init; } = folder => Directory.CreateDirectory(folder);

    public long MaxBytes { get; }

    public int KeptFiles { get; }

    private string LockPath => Path + ".lock";

    /// <summary>The name of the n-th rotated file (1 is the newest).</summary>
    public string RotatedPath(int generation) => $"{Path}.{generation}";

    public AuditWrite TryAppend(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        byte[] line;
        try
        {
            var json = JsonSerializer.Serialize(AuditLine.From(entry), AuditJsonContext.Default.AuditLine);
            line = Encoding.UTF8.GetBytes(json + "\n");
            var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
            if (!string.IsNullOrEmpty(folder))
            {
                PrepareFolder(folder);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return AuditWrite.Failed($"the audit log {Path} cannot be written ({exception.Message})");
        }

        var started = Environment.TickCount64;
        while (true)
        {
            try
            {
                RefuseLink(LockPath);
                using var writerLock = new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
                Append(line);
                return AuditWrite.Written;
            }
            catch (IOException exception) when (ContentionCodes.Contains(exception.HResult))
            {
                if (Environment.TickCount64 - started >= lockWait.TotalMilliseconds)
                {
                    return AuditWrite.Failed(string.Create(
                        CultureInfo.InvariantCulture,
                        $"another process held the audit log's lock ({LockPath}) for more than {lockWait.TotalSeconds:0.#} s"));
                }

                // Another writer holds the lock for the moment it takes to write one line.
                Thread.Sleep(Random.Shared.Next(1, 20));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentOutOfRangeException)
            {
                // ArgumentOutOfRangeException: a file size limit (EFBIG) is reported so by .NET, not as an IOException.
                return AuditWrite.Failed($"the audit log {Path} cannot be written ({exception.Message})");
            }
        }
    }

    private static void RefuseLink(string path)
    {
        if (NoLinks.IsLink(path))
        {
            throw new IOException($"{path} is a link; the audit log follows no links.");
        }
    }

    private void Append(byte[] line)
    {
        RefuseLink(Path);
        var stream = OpenLog();
        try
        {
            // Measured on the open file, not on whatever the name points to.
            if (stream.Length > 0 && stream.Length + line.Length > MaxBytes)
            {
                stream.Dispose();
                Rotate();
                stream = OpenLog();
            }

            var tornTail = stream.Length > 0 && LastByte(stream) != (byte)'\n';
            stream.Seek(0, SeekOrigin.End);
            if (tornTail)
            {
                stream.WriteByte((byte)'\n');
            }

            stream.Write(line, 0, line.Length);
        }
        finally
        {
            stream.Dispose();
        }
    }

    private FileStream OpenLog() =>
        new(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, 1);

    private static int LastByte(FileStream stream)
    {
        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte();
    }

    private void Rotate()
    {
        if (KeptFiles == 1)
        {
            File.Delete(Path);
            return;
        }

        for (var generation = 1; generation < KeptFiles; generation++)
        {
            RefuseLink(RotatedPath(generation));
        }

        File.Delete(RotatedPath(KeptFiles - 1));
        for (var generation = KeptFiles - 2; generation >= 1; generation--)
        {
            if (File.Exists(RotatedPath(generation)))
            {
                File.Move(RotatedPath(generation), RotatedPath(generation + 1));
            }
        }

        File.Move(Path, RotatedPath(1));
    }
}
