using System.Text;
using System.Text.Json;

namespace SessionKiller.Core.Audit;

/// <summary>
/// Appends one JSON object per line. Each line is written while this process holds the file alone
/// (FileShare.None: a sharing lock on Windows, flock on Linux), so the plugin and elevated helpers can
/// log at the same time without losing or tearing lines; .NET writes at its own position rather than
/// with an atomic append, so shared writers could otherwise overwrite each other.
/// </summary>
public sealed class JsonLinesAuditLog : IAuditLog
{
    // Waiting for other writers is bounded (about two seconds at most): a busy log never holds up an action.
    private const int Attempts = 200;

    public JsonLinesAuditLog(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
    }

    public string Path { get; }

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
                using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.None, 1, FileOptions.None);
                stream.Write(line, 0, line.Length);
                return true;
            }
            catch (IOException) when (attempt < Attempts - 1)
            {
                // Another writer holds the file for the moment it takes to write one line; try again shortly.
                Thread.Sleep(Random.Shared.Next(1, 20));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                return false;
            }
        }

        return false;
    }
}
