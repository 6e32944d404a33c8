using System.Text;
using System.Text.Json;

namespace SessionKiller.Core.Audit;

/// <summary>
/// Appends one JSON object per line, rotating by size. The plugin and elevated helpers may write at the
/// same moment: each append (and any rotation) happens while the writer holds a lock file alone
/// (FileShare.None: a sharing lock on Windows, flock on Linux). .NET writes at its own file position
/// rather than with an atomic append, so without the lock two writers could overwrite each other.
/// </summary>
public sealed class JsonLinesAuditLog : IAuditLog
{
    public const long DefaultMaxBytes = 4 * 1024 * 1024;
    public const int DefaultKeptFiles = 5;

    // Waiting for other writers is bounded (about two seconds at most): a busy log never holds up an action.
    private const int Attempts = 200;

    // ERROR_SHARING_VIOLATION and ERROR_LOCK_VIOLATION on Windows; EWOULDBLOCK from flock on Linux.
    private static readonly int[] ContentionCodes = [unchecked((int)0x80070020), unchecked((int)0x80070021), 11];

    /// <param name="maxBytes">A file that would grow past this is rotated first.</param>
    /// <param name="keptFiles">How many files exist at most: the current one and the rotated ones (<c>.1</c> newest).</param>
    public JsonLinesAuditLog(string path, long maxBytes = DefaultMaxBytes, int keptFiles = DefaultKeptFiles)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(keptFiles, 1);
        Path = path;
        MaxBytes = maxBytes;
        KeptFiles = keptFiles;
    }

    public string Path { get; }

    public long MaxBytes { get; }

    public int KeptFiles { get; }

    /// <summary>The name of the n-th rotated file (1 is the newest).</summary>
    public string RotatedPath(int generation) => $"{Path}.{generation}";

    public bool TryAppend(AuditEntry entry)
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
                Directory.CreateDirectory(folder);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return false;
        }

        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            try
            {
                using var writerLock = new FileStream(Path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
                RotateIfFull(line.Length);
                using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, 1);
                stream.Write(line, 0, line.Length);
                return true;
            }
            catch (IOException exception) when (attempt < Attempts - 1 && ContentionCodes.Contains(exception.HResult))
            {
                // Another writer holds the lock for the moment it takes to write one line.
                Thread.Sleep(Random.Shared.Next(1, 20));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                return false;
            }
        }

        return false;
    }

    private void RotateIfFull(int incoming)
    {
        var current = new FileInfo(Path);
        if (!current.Exists || current.Length + incoming <= MaxBytes)
        {
            return;
        }

        if (KeptFiles == 1)
        {
            File.Delete(Path);
            return;
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
