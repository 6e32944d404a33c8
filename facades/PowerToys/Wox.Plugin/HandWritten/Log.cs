using System.Diagnostics;

namespace Wox.Plugin.Logger;

// PowerToys writes these to its log files; here they go to Trace, where a test can listen.
public static partial class Log
{
    public static partial void Info(string message, Type fullClassName, string methodName, string sourceFilePath, int sourceLineNumber) =>
        Write("INFO", message, fullClassName, methodName);

    public static partial void Debug(string message, Type fullClassName, string methodName, string sourceFilePath, int sourceLineNumber) =>
        Write("DEBUG", message, fullClassName, methodName);

    public static partial void Warn(string message, Type fullClassName, string methodName, string sourceFilePath, int sourceLineNumber) =>
        Write("WARN", message, fullClassName, methodName);

    public static partial void Error(string message, Type fullClassName, string methodName, string sourceFilePath, int sourceLineNumber) =>
        Write("ERROR", message, fullClassName, methodName);

    public static partial void Exception(string message, System.Exception ex, Type fullClassName, string methodName, string sourceFilePath, int sourceLineNumber) =>
        Write("ERROR", $"{message}: {ex?.GetType().FullName}: {ex?.Message}", fullClassName, methodName);

    private static void Write(string level, string message, Type fullClassName, string methodName)
    {
        ArgumentNullException.ThrowIfNull(fullClassName);
        Trace.WriteLine($"[{level}] {fullClassName.FullName}.{methodName}: {message}", "Wox.Plugin.Logger");
    }
}
