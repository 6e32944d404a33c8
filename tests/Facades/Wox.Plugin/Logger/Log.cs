using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Wox.Plugin.Logger;

/// <summary>PowerToys writes these to its log files; the facade writes them to <see cref="Trace"/>, where a test can listen.</summary>
public static class Log
{
    public static void Info(string message, Type fullClassName, [CallerMemberName] string methodName = "", [CallerFilePath] string sourceFilePath = "", [CallerLineNumber] int sourceLineNumber = 0) =>
        Write("INFO", message, fullClassName, methodName);

    public static void Debug(string message, Type fullClassName, [CallerMemberName] string methodName = "", [CallerFilePath] string sourceFilePath = "", [CallerLineNumber] int sourceLineNumber = 0) =>
        Write("DEBUG", message, fullClassName, methodName);

    public static void Warn(string message, Type fullClassName, [CallerMemberName] string methodName = "", [CallerFilePath] string sourceFilePath = "", [CallerLineNumber] int sourceLineNumber = 0) =>
        Write("WARN", message, fullClassName, methodName);

    public static void Error(string message, Type fullClassName, [CallerMemberName] string methodName = "", [CallerFilePath] string sourceFilePath = "", [CallerLineNumber] int sourceLineNumber = 0) =>
        Write("ERROR", message, fullClassName, methodName);

    public static void Exception(string message, System.Exception ex, Type fullClassName, [CallerMemberName] string methodName = "", [CallerFilePath] string sourceFilePath = "", [CallerLineNumber] int sourceLineNumber = 0) =>
        Write("ERROR", $"{message}: {ex?.GetType().FullName}: {ex?.Message}", fullClassName, methodName);

    private static void Write(string level, string message, Type fullClassName, string methodName)
    {
        ArgumentNullException.ThrowIfNull(fullClassName);
        Trace.WriteLine($"[{level}] {fullClassName.FullName}.{methodName}: {message}", "Wox.Plugin.Logger");
    }
}
