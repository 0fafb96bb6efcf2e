using System.Threading;
using QuoteExtract.Testing;

namespace QuoteExtract.Tests.Hardening;

/// <summary>One pipeline shared by many threads gives exactly what it gives on one.</summary>
public class ConcurrencyTests
{
    private const int Threads = 16;
    private const int Documents = 1000;

    [Fact]
    public void Sixteen_threads_analysing_a_thousand_documents_on_one_pipeline_match_the_sequential_results()
    {
        var random = new Random(16);
        string[] documents = [.. Enumerable.Range(0, Documents).Select(_ => HostileText.RandomDocument(random, random.Next(0, 7)))];
        ExtractorPipeline pipeline = ExtractorPipeline.Create(new ExtractorOptions { MinimumConfidence = 0.3 });
        string[] expected = [.. documents.Select(d => AnalysisInvariants.Canonical(pipeline.Analyze(d)))];

        // Every thread analyses every document, each starting at another place in the list, all at once.
        string[][] actual = [.. Enumerable.Range(0, Threads).Select(_ => new string[Documents])];
        Exception?[] errors = new Exception?[Threads];
        using var start = new Barrier(Threads);
        Thread[] threads = [.. Enumerable.Range(0, Threads).Select(k => new Thread(() =>
        {
            try
            {
                start.SignalAndWait();
                for (int n = 0; n < Documents; n++)
                {
                    int i = (n + (k * Documents / Threads)) % Documents;
                    actual[k][i] = AnalysisInvariants.Canonical(k % 2 == 0 ? pipeline.Analyze(documents[i]) : Extractor.Analyze(documents[i], pipeline));
                }
            }
#pragma warning disable CA1031 // Any failure on a worker thread is reported by the test thread below.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                errors[k] = ex;
            }
        }))];
        foreach (Thread t in threads)
        {
            t.Start();
        }

        foreach (Thread t in threads)
        {
            t.Join();
        }

        Assert.All(errors, Assert.Null);
        for (int k = 0; k < Threads; k++)
        {
            for (int i = 0; i < Documents; i++)
            {
                if (!string.Equals(expected[i], actual[k][i], StringComparison.Ordinal))
                {
                    Assert.Fail($"thread {k}, document {i}: {System.Text.Json.JsonSerializer.Serialize(documents[i])}\nexpected:\n{expected[i]}\nactual:\n{actual[k][i]}");
                }
            }
        }
    }
}
