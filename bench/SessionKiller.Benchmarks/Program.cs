using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(SessionKiller.Benchmarks.KeystrokeBenchmarks).Assembly).Run(args);
