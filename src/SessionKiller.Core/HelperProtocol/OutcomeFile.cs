using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Files;

namespace SessionKiller.Core.HelperProtocol;

/// <summary>
/// The file through which the elevated helper hands its <see cref="HelperOutcome"/> to the plugin: one
/// JSON line. It lives where the plugin's user can write (their temp folder) while the helper runs as an
/// administrator, so the helper creates it new (never opening what is there), refuses links anywhere on
/// the path, and holds it open alone until the line is written; the plugin refuses links, reads a bounded
/// amount, checks every field and the writer's process id.
/// </summary>
public static partial class OutcomeFile
{
    /// <summary>A line is far shorter: a kind, a sentence of at most <see cref="CliValues.MaxMessageLength"/> characters, a path.</summary>
    public const int MaxBytes = 16 * 1024;

    private const string Prefix = "sessionkiller-outcome-";

    /// <summary>A fresh, unguessable name in <paramref name="folder"/>; nothing is created.</summary>
    public static string NewPath(string folder) =>
        Path.Combine(folder, Prefix + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture) + ".json");

    /// <summary>
    /// Why <paramref name="path"/> is not a name <see cref="NewPath"/> gives, or null. The helper takes no
    /// other name, so even a redirected folder never gets a file it could mistake for something else.
    /// </summary>
    public static string? ProblemWithPath(string name, string path)
    {
        if (CliValues.ProblemWithText(name, path, CliValues.MaxLength) is { } problem)
        {
            return problem;
        }

        return Path.IsPathFullyQualified(path) && NamePattern().IsMatch(Path.GetFileName(path))
            ? null
            : $"{name} must be a full path to a file named {Prefix}<32 hex digits>.json, not '{path}'.";
    }

    /// <summary>Creates the file for the helper to write into later; refuses a file or link already there and a linked folder.</summary>
    /// <exception cref="IOException">The file exists, a folder on its path is a link, or it cannot be created: say so and act on nothing.</exception>
    public static FileStream Create(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (NoLinks.FirstLinkOnPath(Path.GetDirectoryName(path)!) is { } link)
        {
            throw new IOException($"The outcome file's folder goes through a link ({link}): refused.");
        }

        try
        {
            // CreateNew (O_EXCL; CREATE_NEW) fails on any name already there, a link included: nothing is followed.
            return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1);
        }
        catch (IOException exception) when (File.Exists(path) || Directory.Exists(path) || NoLinks.IsLink(path))
        {
            throw new IOException($"The outcome file {path} already exists: refused.", exception);
        }
    }

    /// <summary>Writes the one line; the sentence is shortened to fit the size the plugin reads.</summary>
    public static void Write(Stream stream, HelperOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(outcome);
        var sentence = outcome.Sentence.Length > CliValues.MaxMessageLength ? outcome.Sentence[..CliValues.MaxMessageLength] : outcome.Sentence;
        var auditLog = string.IsNullOrEmpty(outcome.AuditLogPath) ? null : outcome.AuditLogPath;
        var line = new OutcomeLine(outcome.Kind.ToString(), sentence, outcome.ProcessId, outcome.Audited, auditLog);
        var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(line, OutcomeJsonContext.Default.OutcomeLine) + "\n");
        stream.Write(bytes);
        stream.Flush();
    }

    /// <summary>Reads what the helper with <paramref name="processId"/> wrote; null with the reason when there is nothing trustworthy.</summary>
    public static HelperOutcome? TryRead(string path, int processId, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(path);
        problem = null;
        byte[] bytes;
        try
        {
            if (NoLinks.IsLink(path))
            {
                problem = "the outcome file is a link";
                return null;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            if (stream.Length > MaxBytes)
            {
                problem = "the outcome file is too large";
                return null;
            }

            bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
        }
        catch (FileNotFoundException)
        {
            problem = "the helper wrote no outcome";
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            problem = $"the outcome file cannot be read ({exception.Message})";
            return null;
        }

        return Parse(bytes, processId, out problem);
    }

    private static HelperOutcome? Parse(byte[] bytes, int processId, out string? problem)
    {
        OutcomeLine? line;
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            line = text.EndsWith('\n') && text.IndexOf('\n', StringComparison.Ordinal) == text.Length - 1
                ? JsonSerializer.Deserialize(text, OutcomeJsonContext.Default.OutcomeLine)
                : null;
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException)
        {
            line = null;
        }

        problem = line switch
        {
            null => "the outcome file is not one JSON line",
            _ when line.ProcessId != processId => "the outcome file was written by another process",
            _ when !Enum.TryParse<OutcomeKind>(line.Kind, ignoreCase: false, out var kind) || !Enum.IsDefined(kind) || line.Kind != kind.ToString() => "the outcome file names no known outcome",
            _ => line.Sentence is null ? "the outcome file has no sentence" : CliValues.ProblemWithText("the outcome's sentence", line.Sentence, CliValues.MaxMessageLength)
                ?? (line.AuditLog is null ? null : CliValues.ProblemWithText("the outcome's audit log", line.AuditLog, CliValues.MaxLength)),
        };
        return problem is null
            ? new HelperOutcome(Enum.Parse<OutcomeKind>(line!.Kind!), line.Sentence!, line.ProcessId) { Audited = line.Audited, AuditLogPath = line.AuditLog }
            : null;
    }

    [GeneratedRegex("^" + Prefix + "[0-9a-f]{32}\\.json$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    internal sealed record OutcomeLine(
        [property: JsonPropertyName("kind")] string? Kind,
        [property: JsonPropertyName("sentence")] string? Sentence,
        [property: JsonPropertyName("pid")] int ProcessId,
        [property: JsonPropertyName("audited")] bool Audited,
        [property: JsonPropertyName("auditLog")] string? AuditLog);
}

[JsonSerializable(typeof(OutcomeFile.OutcomeLine))]
[JsonSourceGenerationOptions(WriteIndented = false)]
internal sealed partial class OutcomeJsonContext : JsonSerializerContext;
