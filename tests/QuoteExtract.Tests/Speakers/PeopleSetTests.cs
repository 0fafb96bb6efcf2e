using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using QuoteExtract.Tests.Cli;
using Xunit.Abstractions;

namespace QuoteExtract.Tests.Speakers;

/// <summary>
/// samples/people/articles.jsonl: 22 short articles written for the people issue, each quote's speaker name and
/// gender as a reader would give them. Scores speaker name and gender over every listed quote and prints them
/// (the README quotes the figures); the floors stop a regression, they are not the figures.
/// </summary>
public class PeopleSetTests(ITestOutputHelper output)
{
    private sealed record Expected(string Quote, string Name, string Gender);

    private sealed record Article(string Id, string Text, Expected[] Speakers);

    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    private static IEnumerable<Article> Articles() =>
        File.ReadLines(Path.Combine(CliHost.RepoRoot, "samples", "people", "articles.jsonl"))
            .Where(l => l.Length > 0)
            .Select(l => JsonSerializer.Deserialize<Article>(l, Options)!);

    [Fact]
    public void Speakers_names_and_genders_on_the_people_set()
    {
        int total = 0, found = 0, named = 0, gendered = 0, people = 0, peopleRight = 0;
        foreach (Article article in Articles())
        {
            Analysis a = Extractor.Analyze(article.Text);
            foreach (Expected e in article.Speakers)
            {
                total++;
                Quote? q = a.Quotes.FirstOrDefault(q => q.Text.Contains(e.Quote, System.StringComparison.Ordinal));
                if (q?.Speaker is not Speaker s)
                {
                    output.WriteLine($"{article.Id}: no quote or speaker for '{e.Quote}'");
                    continue;
                }

                found++;
                named += s.Name == e.Name ? 1 : 0;
                gendered += GenderName(s.Gender) == e.Gender ? 1 : 0;
                if (s.Name != e.Name || GenderName(s.Gender) != e.Gender)
                {
                    output.WriteLine($"{article.Id}: '{e.Quote}' → {s.Name} ({s.Gender}), expected {e.Name} ({e.Gender})");
                }
            }

            foreach (var person in article.Speakers.GroupBy(e => e.Name))
            {
                people++;
                peopleRight += a.People.Any(p => p.Name == person.Key && p.IsQuoted && GenderName(p.Gender) == person.First().Gender) ? 1 : 0;
            }
        }

        output.WriteLine($"quotes {total}, found {found}, speaker name {named / (double)total:0.000}, speaker gender {gendered / (double)total:0.000}; quoted people {people}, with name and gender right {peopleRight / (double)people:0.000}");
        Assert.True(total >= 40);
        Assert.True(named >= 0.9 * total, $"speaker names {named} of {total}");
        Assert.True(gendered >= 0.85 * total, $"speaker genders {gendered} of {total}");
        Assert.True(peopleRight >= 0.85 * people, $"people {peopleRight} of {people}");
    }

    private static string GenderName(PersonGender g) => g switch
    {
        PersonGender.Female => "female",
        PersonGender.Male => "male",
        _ => "unknown",
    };
}
