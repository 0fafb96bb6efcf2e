using System.IO;
using System.Text.Json;
using QuoteExtract.Entities;

namespace QuoteExtract.Tests.Entities;

/// <summary>
/// The seed article (../shared/seed, not in the repository): each of the people of its gold is found,
/// and every listed mention of a person resolves to that person's one group.
/// </summary>
public class SeedArticleTests : IClassFixture<RecognizerFixture>
{
    private readonly RecognizerFixture _fixture;

    public SeedArticleTests(RecognizerFixture fixture)
    {
        _fixture = fixture;
    }

    [SharedDataFact]
    public void Every_gold_person_is_found_and_all_their_mentions_are_in_one_group()
    {
        string seed = Path.Combine(SharedData.Root!, "seed");
        string text = File.ReadAllText(Path.Combine(seed, "soleimani-article.txt"));
        using JsonDocument gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(seed, "soleimani-gold.json")));
        SegmentedText segments = NewsTokenizer.Default.Segment(text);
        var mentions = EntityRecognizer.Default.Recognize(segments, default);
        EntityGrouping grouping = EntityGrouper.Group(segments, mentions);

        var failures = new List<string>();
        var groupOfPerson = new Dictionary<string, int>();
        int people = 0;
        foreach (JsonElement person in gold.RootElement.GetProperty("people").EnumerateArray())
        {
            people++;
            string name = person.GetProperty("name").GetString()!;
            var groups = new HashSet<int>();
            bool tagged = false;
            foreach (JsonElement m in person.GetProperty("mentions").EnumerateArray())
            {
                string mention = m.GetString()!;
                List<int> occurrences = Occurrences(text, mention);
                if (occurrences.Count == 0)
                {
                    failures.Add($"{name}: mention '{mention}' is not in the article");
                    continue;
                }

                foreach (int at in occurrences)
                {
                    var span = new TextSpan(at, mention.Length);
                    int g = grouping.FindGroup(span, EntityType.Person);
                    groups.Add(g);
                    tagged |= grouping.Entities.Any(e => e.Type == EntityType.Person && e.Span.Overlaps(span));
                }
            }

            if (!tagged)
            {
                failures.Add($"{name}: no mention was tagged as a person");
            }

            if (groups.Count != 1 || groups.Contains(-1))
            {
                failures.Add($"{name}: mentions fall into groups [{string.Join(", ", groups.Select(g => g < 0 ? "none" : grouping.Groups[g].Name))}]");
            }
            else
            {
                groupOfPerson[name] = groups.Single();
            }
        }

        Assert.Equal(16, people);
        foreach (IGrouping<int, KeyValuePair<string, int>> shared in groupOfPerson.GroupBy(kv => kv.Value).Where(g => g.Count() > 1))
        {
            failures.Add($"one group for several people: {string.Join(", ", shared.Select(kv => kv.Key))}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Whole-word occurrences.</summary>
    private static List<int> Occurrences(string text, string mention)
    {
        var result = new List<int>();
        for (int at = text.IndexOf(mention, StringComparison.Ordinal); at >= 0; at = text.IndexOf(mention, at + 1, StringComparison.Ordinal))
        {
            bool before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            int end = at + mention.Length;
            bool after = end == text.Length || !char.IsLetterOrDigit(text[end]);
            if (before && after)
            {
                result.Add(at);
            }
        }

        return result;
    }
}
