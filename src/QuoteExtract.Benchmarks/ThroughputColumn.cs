using System;
using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace QuoteExtract.Benchmarks;

/// <summary>
/// Columns derived from the mean time of an <see cref="ICorpusBenchmark"/>: MB/s of UTF-16 text (chars × 2 bytes,
/// MB = 10^6 bytes), million tokens per second, and bytes allocated per token. The token count is found in the
/// host process by running the global setup and the benchmark method once.
/// </summary>
public sealed class ThroughputColumn : IColumn
{
    private static readonly ConcurrentDictionary<Descriptor, (int Chars, int Tokens)> Counts = new();

    private readonly Func<Summary, BenchmarkCase, (int Chars, int Tokens), double?> _value;
    private readonly string _format;

    private ThroughputColumn(string name, string legend, string format, Func<Summary, BenchmarkCase, (int Chars, int Tokens), double?> value)
    {
        ColumnName = name;
        Legend = legend;
        _format = format;
        _value = value;
    }

    /// <summary>UTF-16 megabytes per second.</summary>
    public static ThroughputColumn MegabytesPerSecond { get; } = new(
        "MB/s", "Throughput: UTF-16 bytes of text (chars x 2, 10^6 bytes per MB) per second of mean time", "N1",
        (summary, benchmark, counts) => MeanSeconds(summary, benchmark) is double s ? counts.Chars * 2 / s / 1e6 : null);

    /// <summary>Million tokens per second.</summary>
    public static ThroughputColumn MegatokensPerSecond { get; } = new(
        "Mtokens/s", "Tokens found by the benchmark (its return value), in millions per second of mean time", "N2",
        (summary, benchmark, counts) => MeanSeconds(summary, benchmark) is double s ? counts.Tokens / s / 1e6 : null);

    /// <summary>Allocated bytes per token.</summary>
    public static ThroughputColumn BytesPerToken { get; } = new(
        "B/token", "Managed memory allocated per operation divided by the tokens found", "G3",
        (summary, benchmark, counts) => summary[benchmark]?.GcStats.GetBytesAllocatedPerOperation(benchmark) is long bytes && counts.Tokens > 0
            ? (double)bytes / counts.Tokens
            : null);

    /// <inheritdoc/>
    public string Id => nameof(ThroughputColumn) + "." + ColumnName;

    /// <inheritdoc/>
    public string ColumnName { get; }

    /// <inheritdoc/>
    public bool AlwaysShow => true;

    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc/>
    public int PriorityInCategory => 0;

    /// <inheritdoc/>
    public bool IsNumeric => true;

    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc/>
    public string Legend { get; }

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (!typeof(ICorpusBenchmark).IsAssignableFrom(benchmarkCase.Descriptor.Type))
        {
            return "-";
        }

        double? value = _value(summary, benchmarkCase, Counts.GetOrAdd(benchmarkCase.Descriptor, Count));
        return value is double v ? v.ToString(_format, CultureInfo.InvariantCulture) : "NA";
    }

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc/>
    public override string ToString() => ColumnName;

    private static double? MeanSeconds(Summary summary, BenchmarkCase benchmark) =>
        summary[benchmark]?.ResultStatistics?.Mean is double ns && ns > 0 ? ns / 1e9 : null;

    private static (int Chars, int Tokens) Count(Descriptor descriptor)
    {
        var instance = (ICorpusBenchmark)Activator.CreateInstance(descriptor.Type)!;
        descriptor.GlobalSetupMethod?.Invoke(instance, null);
        int tokens = (int)descriptor.WorkloadMethod.Invoke(instance, null)!;
        return (instance.CorpusLength, tokens);
    }
}
