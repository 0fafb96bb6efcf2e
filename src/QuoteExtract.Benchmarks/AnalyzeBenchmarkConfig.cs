using System;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace QuoteExtract.Benchmarks;

/// <summary>
/// The configuration of <see cref="AnalyzeBenchmarks"/>: like <see cref="TokenBenchmarkConfig"/> (bounded iterations,
/// throughput columns), with the benchmark process pinned to one logical processor (the first), so that "one core"
/// includes the garbage collector's background work, and fewer warm-up iterations (an operation takes about a second).
/// </summary>
public sealed class AnalyzeBenchmarkConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public AnalyzeBenchmarkConfig()
    {
        AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(15).WithAffinity((IntPtr)1).WithId("OneCore"));
        AddColumn(ThroughputColumn.MegabytesPerSecond, ThroughputColumn.MegatokensPerSecond, ThroughputColumn.BytesPerToken);
    }
}
