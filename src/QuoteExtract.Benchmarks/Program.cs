using BenchmarkDotNet.Running;

namespace QuoteExtract.Benchmarks;

/// <summary>Runs the benchmarks: <c>dotnet run -c Release --project src/QuoteExtract.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    /// <param name="args">BenchmarkDotNet's arguments.</param>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
