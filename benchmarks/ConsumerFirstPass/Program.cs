// A library user's first pass over a JSON Lines file ({"id": ..., "text": ...} a line): one fresh
// process, every article analysed once with the default pipeline, the totals on standard error.
using System.Text.Json;
using QuoteExtract;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: ConsumerFirstPass FILE.jsonl");
    return 2;
}

int articles = 0, quotes = 0, entities = 0;
foreach (string line in File.ReadLines(args[0]))
{
    if (string.IsNullOrWhiteSpace(line))
    {
        continue;
    }

    using JsonDocument document = JsonDocument.Parse(line);
    string text = document.RootElement.GetProperty("text").GetString() ?? "";
    Analysis analysis = ExtractorPipeline.Default.Analyze(text);
    articles++;
    quotes += analysis.Quotes.Count;
    entities += analysis.Entities.Count;
}

Console.Error.WriteLine($"articles {articles} quotes {quotes} entities {entities}");
return 0;
