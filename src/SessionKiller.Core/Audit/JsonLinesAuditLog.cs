using System.Text;
using System.Text.Json;

namespace SessionKiller.Core.Audit;

/// <summary>
/// Appends one JSON object per line. Each line is written with a single append to a file opened for
/// shared writing, so the plugin and elevated helpers can log at the same time without tearing lines.
/// </summary>
public sealed class JsonLinesAuditLog : IAuditLog
{
    private const int Attempts = 20;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(15);

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
                using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
                stream.Write(line, 0, line.Length);
                return true;
            }
            catch (IOException) when (attempt < Attempts - 1)
            {
                // Another process may hold the file for a moment (antivirus, a rotation); try again shortly.
                Thread.Sleep(RetryDelay);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                return false;
            }
        }

        return false;
    }
}
