using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace SessionKiller.Wts.Tests.Wine;

/// <summary>
/// Runs a table of independent cases under Wine a few at a time. The tests of one xunit collection run
/// one after another, while a few Wine programs at once finish in about 0.6 of the time they take in
/// turn (measured on two cores). So the first row that asks starts every case of the table, and each
/// row then waits only for its own. Each row still asserts on its own run; a case that throws fails only its row.
/// </summary>
internal sealed class WineBatch<TCase, TResult>
    where TCase : notnull
{
    private readonly IReadOnlyList<TCase> _cases;
    private readonly Func<TCase, Task<TResult>> _run;
    private readonly int _parallel;
    private readonly Lock _lock = new();
    private Dictionary<TCase, TaskCompletionSource<TResult>>? _started;

    public WineBatch(IEnumerable<TCase> cases, Func<TCase, Task<TResult>> run, int parallel)
    {
        _cases = cases.Distinct().ToList();
        _run = run;
        _parallel = parallel;
    }

    /// <summary>Starts every case (in the order given) on the first call; returns the run of <paramref name="testCase"/>.</summary>
    public Task<TResult> RunAsync(TCase testCase)
    {
        lock (_lock)
        {
            if (_started is null)
            {
                _started = _cases.ToDictionary(item => item, _ => new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
                var queue = new ConcurrentQueue<TCase>(_cases);
                for (var worker = 0; worker < _parallel; worker++)
                {
                    _ = Task.Run(() => WorkAsync(queue, _started));
                }
            }
        }

        return _started.TryGetValue(testCase, out var run)
            ? run.Task
            : throw new ArgumentException($"{testCase} is not one of the batch's cases.", nameof(testCase));
    }

    private async Task WorkAsync(ConcurrentQueue<TCase> queue, Dictionary<TCase, TaskCompletionSource<TResult>> results)
    {
        while (queue.TryDequeue(out var testCase))
        {
            try
            {
                results[testCase].SetResult(await _run(testCase));
            }
            catch (Exception exception)
            {
                results[testCase].SetException(exception);
            }
        }
    }
}

/// <summary>One batch per fixture: the table of a test class is run once per test run, whichever row asks first.</summary>
internal static class WineBatches
{
    /// <summary>How many Wine programs run at once: on two cores, three to six at once all ran about 1.7 times faster than one.</summary>
    public const int Parallel = 4;

    private static readonly ConditionalWeakTable<WineFixture, Dictionary<string, object>> Batches = [];

    public static WineBatch<TCase, TResult> For<TCase, TResult>(WineFixture wine, string name, Func<IEnumerable<TCase>> cases, Func<TCase, Task<TResult>> run)
        where TCase : notnull
    {
        var batches = Batches.GetOrCreateValue(wine);
        lock (batches)
        {
            if (!batches.TryGetValue(name, out var batch))
            {
                batch = new WineBatch<TCase, TResult>(cases(), run, Parallel);
                batches[name] = batch;
            }

            return (WineBatch<TCase, TResult>)batch;
        }
    }
}
