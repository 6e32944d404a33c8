namespace SessionKiller.Core.Sessions;

/// <summary>How servers are named: one spelling for this computer, case-insensitive names for the rest.</summary>
public static class ServerNames
{
    /// <summary>The name under which this computer's sessions are listed.</summary>
    public const string Local = "localhost";

    public static StringComparer Comparer => StringComparer.OrdinalIgnoreCase;

    public static bool IsLocal(string? serverName) =>
        string.IsNullOrWhiteSpace(serverName)
        || serverName is "." || serverName.Equals(Local, StringComparison.OrdinalIgnoreCase);

    /// <summary>Trims a configured name and maps the spellings of this computer to <see cref="Local"/>.</summary>
    public static string Normalize(string? serverName) =>
        IsLocal(serverName) ? Local : serverName!.Trim().TrimStart('\\');

    public static bool AreSame(string? left, string? right) =>
        Comparer.Equals(Normalize(left), Normalize(right));
}
