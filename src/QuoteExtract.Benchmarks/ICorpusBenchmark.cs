namespace QuoteExtract.Benchmarks;

/// <summary>A benchmark class whose benchmarks all read one text and return the number of tokens they found.</summary>
public interface ICorpusBenchmark
{
    /// <summary>The length of the text in UTF-16 code units, once the global setup has run.</summary>
    int CorpusLength { get; }
}
