using System.Security.Cryptography;
using SessionKiller.Core.Actions;

namespace SessionKiller.Core.Bulk;

/// <summary>
/// One action on many sessions, confirmed once as a whole: each request is still bound to the identity
/// that was listed and is re-verified on its own just before it runs.
/// </summary>
public sealed record BulkRequest(SessionAction Action, IReadOnlyList<ActionRequest> Requests)
{
    /// <summary>Ties the audit lines of one run together.</summary>
    public string BulkId { get; init; } = NewId();

    /// <summary>Twelve hex digits: short enough to read in a log, random enough never to repeat on one machine.</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
}
