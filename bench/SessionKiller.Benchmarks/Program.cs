using BenchmarkDotNet.Running;

var summaries = BenchmarkSwitcher.FromAssembly(typeof(SessionKiller.Benchmarks.KeystrokeBenchmarks).Assembly).Run(args).ToList();

// Listing the benchmarks runs none, and that is what was asked for.
if (args.Contains("--list"))
{
    return 0;
}

// CI runs the dry job to keep the benchmarks alive: a benchmark that failed, or none run at all, is an error.
var ran = summaries.Sum(summary => summary.Reports.Length);
var broken = summaries.Count(summary => summary.HasCriticalValidationErrors) + summaries.Sum(summary => summary.Reports.Count(report => !report.Success));
Console.WriteLine($"{ran} benchmarks ran, {broken} failed");
return ran > 0 && broken == 0 ? 0 : 1;
