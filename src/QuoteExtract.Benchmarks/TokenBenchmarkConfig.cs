using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace QuoteExtract.Benchmarks;

/// <summary>
/// The tokenization benchmarks' configuration: the default job with a bounded number of iterations (each operation
/// reads megabytes, so a run of the whole class stays within a few minutes) and the throughput columns. The GitHub
/// markdown export comes with BenchmarkDotNet's default configuration, which this one is merged with.
/// </summary>
public sealed class TokenBenchmarkConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public TokenBenchmarkConfig()
    {
        AddJob(Job.Default.WithWarmupCount(5).WithIterationCount(15).WithId("Bounded"));
        AddColumn(ThroughputColumn.MegabytesPerSecond, ThroughputColumn.MegatokensPerSecond, ThroughputColumn.BytesPerToken);
    }
}
