namespace SessionKiller.Wts.Tests.Wine;

/// <summary>
/// One run of a Windows program under Wine, with the calls the stand-in wtsapi32 logged and the lines
/// the program appended to its audit log (SESSIONKILLER_AUDIT_LOG, one file per run).
/// </summary>
public sealed record WineRun(ProcessResult Process, IReadOnlyList<string> Calls, IReadOnlyList<string> Audit)
{
    public int ExitCode => Process.ExitCode;

    public string Output => Process.StandardOutput;

    public string Error => Process.StandardError;

    public IReadOnlyList<string> OutputLines =>
        Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The logged calls to one function, e.g. "WTSLogoffSession".</summary>
    public IReadOnlyList<string> CallsTo(string function) =>
        Calls.Where(line => line.StartsWith(function + " ", StringComparison.Ordinal)).ToList();

    /// <summary>Everything about the run, for assertion messages.</summary>
    public override string ToString() =>
        $"{Process.Describe()}\n--- wtsapi32 calls\n{string.Join('\n', Calls)}\n--- audit\n{string.Join('\n', Audit)}";
}
