using System.Globalization;
using System.Runtime.InteropServices;
using SessionKiller.Core.Backend;

namespace SessionKiller.Wts;

/// <summary>Turns the Win32 error codes the WTS functions report into the product's failure kinds.</summary>
internal static class WtsErrors
{
    internal const int ERROR_FILE_NOT_FOUND = 2;
    internal const int ERROR_ACCESS_DENIED = 5;
    internal const int ERROR_NOT_SUPPORTED = 50;
    internal const int ERROR_BAD_NETPATH = 53;
    internal const int ERROR_CALL_NOT_IMPLEMENTED = 120;
    internal const int ERROR_TIMEOUT = 1460;
    internal const int RPC_S_SERVER_UNAVAILABLE = 1722;
    internal const int RPC_S_CALL_FAILED = 1726;
    internal const int RPC_S_PROCNUM_OUT_OF_RANGE = 1745;
    internal const int ERROR_CTX_WINSTATION_NOT_FOUND = 7022;

    /// <summary>The failure for the error the last WTS call left behind.</summary>
    public static BackendFailure LastError() => ToFailure(Marshal.GetLastPInvokeError());

    public static BackendFailure ToFailure(int code)
    {
        var text = Describe(code);
        return code switch
        {
            ERROR_ACCESS_DENIED => BackendFailure.AccessDenied(code, text),
            RPC_S_SERVER_UNAVAILABLE or RPC_S_CALL_FAILED or ERROR_BAD_NETPATH => BackendFailure.ServerUnavailable(code, text),
            ERROR_CTX_WINSTATION_NOT_FOUND or ERROR_FILE_NOT_FOUND => BackendFailure.SessionGone(code, text),
            ERROR_NOT_SUPPORTED or ERROR_CALL_NOT_IMPLEMENTED => BackendFailure.NotSupported(text, code),
            ERROR_TIMEOUT => new BackendFailure(FailureKind.TimedOut, code, text),
            _ => BackendFailure.Failed(code, text),
        };
    }

    /// <summary>
    /// Whether a failed call means "this system has no such function" rather than a real failure: a server
    /// too old for the call (RPC procedure out of range), a stub (Wine's report 120, or FALSE with no error).
    /// </summary>
    public static bool MeansNotImplemented(int code) =>
        code is 0 or ERROR_NOT_SUPPORTED or ERROR_CALL_NOT_IMPLEMENTED or RPC_S_PROCNUM_OUT_OF_RANGE;

    private static string Describe(int code)
    {
        var text = Marshal.GetPInvokeErrorMessage(code)?.Trim();
        return string.IsNullOrEmpty(text)
            ? string.Create(CultureInfo.InvariantCulture, $"Windows error {code}.")
            : text;
    }
}
