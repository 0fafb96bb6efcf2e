using System;
using System.Collections.Immutable;
using System.Threading;
using QuoteExtract.Entities;
using QuoteExtract.Quotes;

namespace QuoteExtract;

/// <summary>
/// A configured, immutable and reusable extraction pipeline: tokenizer → quote attributor → entity
/// tagger, joined by speaker resolution. Build it once and share it between threads.
/// </summary>
public sealed class ExtractorPipeline
{
    private static readonly Lazy<ExtractorPipeline> DefaultPipeline = new(() => new ExtractorPipeline(new ExtractorOptions()));

    private readonly ExtractorOptions _options;
    private readonly NewsTokenizer _tokenizer;

    /// <summary>The tagger of <see cref="ExtractorOptions.EntityModel"/>; null for the embedded model's, loaded on first use.</summary>
    private readonly EntityRecognizer? _recognizer;

    private ExtractorPipeline(ExtractorOptions options)
    {
        _options = options;
        _tokenizer = NewsTokenizer.Create(options.Tokenizer);
        _recognizer = options.EntityModel?.Recognizer;
    }

    /// <summary>The pipeline with default options.</summary>
    public static ExtractorPipeline Default => DefaultPipeline.Value;

    /// <summary>The options the pipeline was built with.</summary>
    public ExtractorOptions Options => _options;

    /// <summary>Builds a pipeline.</summary>
    /// <param name="options">The options; null for the defaults.</param>
    /// <returns>The pipeline.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static ExtractorPipeline Create(ExtractorOptions? options = null)
    {
        if (options is null)
        {
            return Default;
        }

        if (options.MinimumConfidence is not (>= 0 and <= 1)) // refuses every NaN, whatever its sign bit
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MinimumConfidence, "MinimumConfidence must be from 0 to 1.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxTextLength, nameof(options));
        return new ExtractorPipeline(options);
    }

    /// <summary>Analyses one text.</summary>
    /// <param name="text">The article text.</param>
    /// <param name="cancellationToken">Cancels a long analysis.</param>
    /// <returns>The analysis.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="text"/> is longer than <see cref="ExtractorOptions.MaxTextLength"/>.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public Analysis Analyze(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > _options.MaxTextLength)
        {
            throw new ArgumentException(
                $"The text has {text.Length:N0} characters, more than the pipeline's MaxTextLength of {_options.MaxTextLength:N0}.",
                nameof(text));
        }

        cancellationToken.ThrowIfCancellationRequested();
        SegmentedText segments = _tokenizer.Segment(text);
        cancellationToken.ThrowIfCancellationRequested();
        ImmutableArray<Entity> entities = _options.RecognizeEntities
            ? (_recognizer ?? EntityRecognizer.Default).Recognize(segments, cancellationToken)
            : [];
        cancellationToken.ThrowIfCancellationRequested();
        QuoteAttribution attribution = QuoteAttributor.Attribute(segments, entities, _options, cancellationToken);
        return new Analysis(segments, attribution.Quotes, attribution.Entities, attribution.Groups);
    }
}

/// <summary>Options for <see cref="ExtractorPipeline.Create(ExtractorOptions?)"/>.</summary>
public sealed class ExtractorOptions
{
    /// <summary>Quotes below this confidence are left out (scare quotes, titles). Default 0.5.</summary>
    public double MinimumConfidence { get; init; } = 0.5;

    /// <summary>Find reported speech without quote marks. Default true.</summary>
    public bool IncludeIndirect { get; init; } = true;

    /// <summary>Run the entity tagger. Default true; without it speakers are still found, from the quote patterns.</summary>
    public bool RecognizeEntities { get; init; } = true;

    /// <summary>Texts longer than this many UTF-16 code units are refused with an <see cref="ArgumentException"/>. Default 64 million.</summary>
    public int MaxTextLength { get; init; } = 64 * 1024 * 1024;

    /// <summary>Tokenizer options; null for the defaults.</summary>
    public NewsTokenizerOptions? Tokenizer { get; init; }

    /// <summary>
    /// The entity tagger's model; null (the default) for the model embedded in the library. Load a custom one
    /// once with <see cref="QuoteExtract.EntityModel.Load(string)"/> and share it: pipelines never read it again.
    /// </summary>
    public EntityModel? EntityModel { get; init; }
}
