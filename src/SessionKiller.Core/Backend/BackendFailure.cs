using System.Globalization;

namespace SessionKiller.Core.Backend;

/// <summary>A failed backend call: what kind of failure, the native code (0 when none) and its text.</summary>
public sealed record BackendFailure(FailureKind Kind, int Code, string Text)
{
    public static BackendFailure AccessDenied(int code = 5, string text = "Access is denied.") =>
        new(FailureKind.AccessDenied, code, text);

    public static BackendFailure ServerUnavailable(int code, string text) =>
        new(FailureKind.ServerUnavailable, code, text);

    public static BackendFailure SessionGone(int code = 7022, string text = "The session does not exist.") =>
        new(FailureKind.SessionGone, code, text);

    public static BackendFailure NotSupported(string text, int code = 50) =>
        new(FailureKind.NotSupported, code, text);

    /// <summary>Our own per-call bound ran out: no system said anything, so no system's error code (Linux has no 1460).</summary>
    public static BackendFailure TimedOut(TimeSpan after) =>
        new(FailureKind.TimedOut, 0, string.Create(CultureInfo.InvariantCulture, $"No answer within {after.TotalSeconds:0.#} s."));

    public static BackendFailure Failed(int code, string text) => new(FailureKind.Failed, code, text);

    public override string ToString() =>
        Code == 0 ? Text : string.Create(CultureInfo.InvariantCulture, $"{Text} (error {Code})");
}
