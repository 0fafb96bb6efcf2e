using System.Collections;
using System.Threading;
using QuoteExtract.Testing;

namespace QuoteExtract.Tests.Hardening;

/// <summary><see cref="ExtractorPipeline.AnalyzeMany"/>: input order, the sequential results, streaming, cancellation, nulls.</summary>
public class AnalyzeManyTests
{
    private static readonly ExtractorPipeline Pipeline = ExtractorPipeline.Create(new ExtractorOptions { MinimumConfidence = 0.3 });

    /// <summary>Documents of very different lengths, so that on several threads they finish out of order.</summary>
    private static string[] Documents(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i => i % 7 == 3
            ? HostileText.News(random.Next(2_000, 40_000), seed: i)
            : HostileText.RandomDocument(random, random.Next(0, 7)))];
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(-1)]
    public void Results_come_in_input_order_and_equal_the_sequential_ones(int degree)
    {
        string[] documents = Documents(120, 7);
        string[] expected = [.. documents.Select(d => AnalysisInvariants.Canonical(Pipeline.Analyze(d)))];

        Analysis[] actual = [.. Pipeline.AnalyzeMany(documents, degree)];

        Assert.Equal(documents.Length, actual.Length);
        for (int i = 0; i < documents.Length; i++)
        {
            Assert.Same(documents[i], actual[i].Text);
            Assert.Equal(expected[i], AnalysisInvariants.Canonical(actual[i]));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Texts_are_read_lazily_at_most_twice_the_degree_ahead(int degree)
    {
        var source = new CountingTexts(Documents(40, 8), endless: true);
        int yielded = 0;
        foreach (Analysis _ in Pipeline.AnalyzeMany(source, degree))
        {
            yielded++;
            Assert.InRange(source.Read, yielded, yielded - 1 + (2 * degree));
            if (yielded == 25)
            {
                break;
            }
        }

        Assert.Equal(25, yielded);
        Assert.True(source.Disposed);
    }

    [Fact]
    public void Texts_are_not_read_before_the_enumeration_starts()
    {
        var source = new CountingTexts(Documents(5, 9), endless: false);
        IEnumerable<Analysis> many = Pipeline.AnalyzeMany(source, 2);
        Assert.Equal(0, source.Read);
        Assert.Equal(5, many.Count());
        Assert.Equal(5, source.Read);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Cancelling_stops_the_enumeration_with_an_operation_cancelled_exception(int degree)
    {
        using var cancellation = new CancellationTokenSource();
        var source = new CountingTexts(Documents(30, 10), endless: true);
        int yielded = 0;
        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (Analysis _ in Pipeline.AnalyzeMany(source, degree, cancellation.Token))
            {
                if (++yielded == 3)
                {
                    cancellation.Cancel();
                }
            }
        });

        // Analyses done before the cancellation may still be handed on; the endless source is not read on and on.
        Assert.InRange(yielded, 3, 3 + (2 * degree));
        Assert.True(source.Disposed);
    }

    [Fact]
    public void An_already_cancelled_token_stops_the_first_step()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Pipeline.AnalyzeMany(Documents(3, 11), 2, cancellation.Token).First());
        Assert.ThrowsAny<OperationCanceledException>(() => Pipeline.AnalyzeMany(Documents(3, 11), 1, cancellation.Token).First());
    }

    [Fact]
    public void Bad_arguments_are_refused_at_once()
    {
        Assert.Throws<ArgumentNullException>("texts", () => Pipeline.AnalyzeMany(null!));
        Assert.Throws<ArgumentOutOfRangeException>("maxDegreeOfParallelism", () => Pipeline.AnalyzeMany([], 0));
        Assert.Throws<ArgumentOutOfRangeException>("maxDegreeOfParallelism", () => Pipeline.AnalyzeMany([], -2));
        Assert.Empty(Pipeline.AnalyzeMany([]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void A_null_text_throws_when_the_enumeration_reaches_it_after_the_texts_before_it(int degree)
    {
        string[] documents = Documents(6, 12);
        string?[] texts = [documents[0], documents[1], documents[2], null, documents[4]];
        var results = new List<Analysis>();
        ArgumentNullException error = Assert.Throws<ArgumentNullException>(() =>
        {
            foreach (Analysis a in Pipeline.AnalyzeMany(texts!, degree))
            {
                results.Add(a);
            }
        });

        Assert.Equal("texts", error.ParamName);
        Assert.Equal(documents[..3], results.Select(r => r.Text));
    }

    [Fact]
    public void A_text_over_the_length_limit_throws_in_its_place()
    {
        ExtractorPipeline small = ExtractorPipeline.Create(new ExtractorOptions { MaxTextLength = 100 });
        string[] texts = ["Jane Smith said so.", new string('a', 101), "Tom Reeve agreed."];
        using IEnumerator<Analysis> results = small.AnalyzeMany(texts, 2).GetEnumerator();
        Assert.True(results.MoveNext());
        Assert.Equal(texts[0], results.Current.Text);
        Assert.Throws<ArgumentException>("text", () => results.MoveNext());
    }

    /// <summary>Texts from a list, counted as they are read; endless repeats the list.</summary>
    private sealed class CountingTexts(string[] texts, bool endless) : IEnumerable<string>
    {
        private int _read;

        public int Read => Volatile.Read(ref _read);

        public bool Disposed { get; private set; }

        public IEnumerator<string> GetEnumerator()
        {
            try
            {
                for (int i = 0; endless || i < texts.Length; i++)
                {
                    Interlocked.Increment(ref _read);
                    yield return texts[i % texts.Length];
                }
            }
            finally
            {
                Disposed = true;
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
