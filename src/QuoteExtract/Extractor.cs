using System;
using System.Threading;

namespace QuoteExtract;

/// <summary>
/// The entry point: <c>Extractor.Analyze(text)</c> finds the quotations, their speakers and the named
/// entities of an English news text. Thread-safe; the default pipeline is built once, lazily.
/// </summary>
public static class Extractor
{
    /// <summary>Analyses <paramref name="text"/> with <paramref name="pipeline"/>, or the default pipeline.</summary>
    /// <param name="text">The article text; paragraphs one per line or separated by blank lines.</param>
    /// <param name="pipeline">A configured pipeline; null for <see cref="ExtractorPipeline.Default"/>.</param>
    /// <param name="cancellationToken">Cancels a long analysis.</param>
    /// <returns>The analysis.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="text"/> is longer than the pipeline's <see cref="ExtractorOptions.MaxTextLength"/>.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static Analysis Analyze(string text, ExtractorPipeline? pipeline = null, CancellationToken cancellationToken = default) =>
        (pipeline ?? ExtractorPipeline.Default).Analyze(text, cancellationToken);
}
