using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using QuoteExtract.Entities;
using QuoteExtract.Quotes;

namespace QuoteExtract.Benchmarks;

/// <summary>
/// <c>-- --quick [rounds]</c>: a rough steady-state time per stage in processor time (best of the rounds after one
/// warm-up round), for a developer comparing two builds in a minute. Not the README's figures: those are
/// BenchmarkDotNet's.
/// </summary>
public static class QuickStageTimer
{
    /// <summary>Times the stages and prints one line each.</summary>
    /// <param name="rounds">How many timed rounds.</param>
    /// <param name="only">A stage's name to time only it; empty for all.</param>
    public static void Run(int rounds, string only)
    {
        var b = new AnalyzeBenchmarks();
        b.Setup();
        (string Name, Func<int> Run)[] stages =
        [
            ("analyze", b.Analyze), ("entities+syntax", b.RecognizeEntities), ("syntax alone", b.AnalyzeSyntax), ("attribution", b.AttributeQuotes),
        ];
        foreach ((string name, Func<int> run) in stages)
        {
            if (only.Length == 0 || only == name)
            {
                Time(name, rounds, run);
            }
        }
    }

    private static void Time(string name, int rounds, Func<int> run)
    {
        int tokens = run();
        double best = double.MaxValue;
        for (int r = 0; r < rounds; r++)
        {
            // Processor time, not wall time: a busy machine's other work does not count.
            TimeSpan t0 = Process.GetCurrentProcess().TotalProcessorTime;
            run();
            best = Math.Min(best, (Process.GetCurrentProcess().TotalProcessorTime - t0).TotalSeconds);
        }

        Console.WriteLine($"{name,-12} {best * 1000,8:F0} ms  {tokens / best / 1e6,6:F2} M tokens/s");
    }
}
