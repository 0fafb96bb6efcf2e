using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using QuoteExtract.Entities;
using QuoteExtract.Quotes;
using QuoteExtract.Syntax;

namespace QuoteExtract;

/// <summary>
/// A configured, immutable and reusable extraction pipeline: tokenizer → part-of-speech tagger and dependency
/// parser → entity tagger → quote attributor, joined by speaker resolution. Build it once and share it between threads.
/// </summary>
public sealed class ExtractorPipeline
{
    private static readonly Lazy<ExtractorPipeline> DefaultPipeline = new(() => new ExtractorPipeline(new ExtractorOptions()));

    private readonly ExtractorOptions _options;
    private readonly NewsTokenizer _tokenizer;

    /// <summary>The tagger of <see cref="ExtractorOptions.EntityModel"/>; null for the embedded model's, loaded on first use.</summary>
    private readonly EntityRecognizer? _recognizer;

    /// <summary>The syntax stage of <see cref="ExtractorOptions.SyntaxModel"/>; null for the embedded model's, loaded on first use.</summary>
    private readonly SyntaxAnalyzer? _syntax;

    private ExtractorPipeline(ExtractorOptions options)
    {
        _options = options;
        _tokenizer = NewsTokenizer.Create(options.Tokenizer);
        _recognizer = options.EntityModel?.Recognizer;
        _syntax = options.SyntaxModel?.Analyzer;
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
        if (options.Syntax is not (SyntaxScope.None or SyntaxScope.Attribution or SyntaxScope.All))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Syntax, "Syntax must be None, Attribution or All.");
        }

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
        // The entity tagger reads the parts of speech and the parse, and its first stage's names correct the tags the parser reads.
        SyntaxAnalyzer analyzer = _syntax ?? SyntaxModel.Default.Analyzer;
        ImmutableArray<Entity> entities;
        TokenSyntax[] syntax;
        if (_options.RecognizeEntities)
        {
            (entities, syntax) = (_recognizer ?? EntityRecognizer.Default).Recognize(segments.Text, segments.Tokens, segments.Sentences, analyzer, _options.Syntax, cancellationToken);
        }
        else
        {
            entities = [];
            syntax = analyzer.Analyze(segments, _options.Syntax, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        QuoteAttribution attribution = QuoteAttributor.Attribute(segments, syntax, entities, _options, cancellationToken);
        return new Analysis(segments, attribution.Quotes, attribution.Entities, attribution.Groups, ImmutableCollectionsMarshal.AsImmutableArray(syntax), attribution.People, attribution.Boilerplate);
    }

    /// <summary>
    /// Analyses many texts on several threads and yields the analyses in the order of the texts, each as soon as it
    /// and those before it are done. Streaming: <paramref name="texts"/> is read lazily, on the enumerating thread,
    /// at most twice <paramref name="maxDegreeOfParallelism"/> texts ahead of the analysis last yielded, so memory
    /// stays flat however many texts there are. Each analysis equals what <see cref="Analyze"/> returns for its text.
    /// </summary>
    /// <param name="texts">The article texts.</param>
    /// <param name="maxDegreeOfParallelism">How many texts are analysed at once: 1 analyses them one by one on the
    /// enumerating thread; -1 (the default) uses <see cref="Environment.ProcessorCount"/>.</param>
    /// <param name="cancellationToken">Cancels the texts not yet analysed; the enumeration then throws.</param>
    /// <returns>One analysis per text, in order. Stopping the enumeration early cancels the analyses still running and waits for them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="texts"/> is null (thrown at once); or, thrown by the
    /// enumeration when it reaches it, a text is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or less than -1 (thrown at once).</exception>
    /// <exception cref="ArgumentException">Thrown by the enumeration when it reaches a text longer than <see cref="ExtractorOptions.MaxTextLength"/>.</exception>
    /// <exception cref="OperationCanceledException">Thrown by the enumeration once the token is cancelled.</exception>
    public IEnumerable<Analysis> AnalyzeMany(IEnumerable<string> texts, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (maxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "Use a positive degree, or -1 for one per processor.");
        }

        int degree = maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : maxDegreeOfParallelism;
        return degree == 1 ? AnalyzeOneByOne(texts, cancellationToken) : AnalyzeInParallel(texts, degree, cancellationToken);
    }

    private static ArgumentNullException NullText() => new("texts", "A text is null.");

    private IEnumerable<Analysis> AnalyzeOneByOne(IEnumerable<string> texts, CancellationToken cancellationToken)
    {
        foreach (string text in texts)
        {
            yield return text is null ? throw NullText() : Analyze(text, cancellationToken);
        }
    }

    private IEnumerable<Analysis> AnalyzeInParallel(IEnumerable<string> texts, int degree, CancellationToken cancellationToken)
    {
        // At most `degree` analyses run at once (on the thread pool); twice that are queued, so that a thread that
        // finishes finds the next text waiting. Results are handed on from the head of the queue: input order.
        TaskScheduler scheduler = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, degree).ConcurrentScheduler;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        CancellationToken token = stop.Token;
        long window = 2L * degree;
        var pending = new Queue<Task<Analysis>>((int)Math.Min(window, 64));
        try
        {
            foreach (string text in texts)
            {
                token.ThrowIfCancellationRequested();
                pending.Enqueue(text is null
                    ? Task.FromException<Analysis>(NullText())
                    : Task.Factory.StartNew(() => Analyze(text, token), token, TaskCreationOptions.None, scheduler));
                while (pending.Count >= window || (pending.Count > 0 && pending.Peek().IsCompleted))
                {
                    yield return pending.Dequeue().GetAwaiter().GetResult();
                }
            }

            while (pending.Count > 0)
            {
                yield return pending.Dequeue().GetAwaiter().GetResult();
            }
        }
        finally
        {
            // Stopped early (a break, an exception, a cancellation): cancel what is still running and wait for it,
            // so that no analysis outlives the enumeration.
            stop.Cancel();
            try
            {
                Task.WaitAll([.. pending], CancellationToken.None);
            }
            catch (AggregateException)
            {
                // Their failures are not this enumeration's: it stopped before it reached them.
            }
        }
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

    /// <summary>
    /// How much of each text is tagged and parsed (<see cref="Analysis.Syntax"/>): <see cref="SyntaxScope.Attribution"/>
    /// (the default) tags every token and parses the sentences with a quote mark, a reporting verb or phrase, or a colon;
    /// <see cref="SyntaxScope.All"/> parses every sentence; <see cref="SyntaxScope.None"/> returns no syntax. The entity
    /// tagger reads the parts of speech and the parse of the sentences that <see cref="SyntaxScope.Attribution"/> parses,
    /// so with <see cref="RecognizeEntities"/> those are tagged and parsed whatever the scope, and the entities are the
    /// same for every scope; <see cref="SyntaxScope.None"/> saves the syntax stage only with <see cref="RecognizeEntities"/> false.
    /// </summary>
    public SyntaxScope Syntax { get; init; } = SyntaxScope.Attribution;

    /// <summary>
    /// The syntax stage's model; null (the default) for the model embedded in the library. Load a custom one once
    /// with <see cref="QuoteExtract.SyntaxModel.Load(string)"/> and share it.
    /// </summary>
    public SyntaxModel? SyntaxModel { get; init; }
}
