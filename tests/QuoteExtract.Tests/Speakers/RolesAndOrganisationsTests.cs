using System.Linq;
using QuoteExtract.Entities;

namespace QuoteExtract.Tests.Speakers;

/// <summary>
/// A role noun that speaks (the PM said) is no organisation and no group of its own; an organisation's name with an
/// organisation word at its end (the Environment Agency) is never a person. Short articles written for these tests.
/// </summary>
public class RolesAndOrganisationsTests
{
    private static EntityGrouping Group(string text, params (string Surface, EntityType Type)[] mentions) =>
        Entities.EntityGrouperTests.Group(text, mentions);

    [Theory]
    [InlineData("PM", EntityType.Organization)]
    [InlineData("Prime Minister", EntityType.Organization)]
    [InlineData("Minister", EntityType.Person)]
    [InlineData("the spokesman", EntityType.Person)]
    public void A_lone_role_mention_forms_no_group(string role, EntityType taggedAs)
    {
        string text = $"The strike entered its third week. The {role.Replace("the ", "", System.StringComparison.Ordinal)} said talks would resume.";
        string surface = role.StartsWith("the ", System.StringComparison.Ordinal) ? role[4..] : role;
        EntityGrouping g = Group(text, (surface, taggedAs));
        Assert.Empty(g.Groups);
        Assert.Equal(-1, g.EntityGroups[0]);
        Assert.Equal(surface, g.Entities[0].Text); // still an entity, as the tagger said
    }

    [Fact]
    public void A_role_still_heads_the_name_after_it()
    {
        const string text = "Prime Minister Ann Lee met the mayor.";
        EntityGrouping g = Group(text, ("Prime Minister", EntityType.Person), ("Ann Lee", EntityType.Person));
        EntityGroup group = Assert.Single(g.Groups);
        Assert.Equal("Ann Lee", group.Name);
        Assert.Equal([0, 0], g.EntityGroups.ToArray()); // the title is in the name's group, not in one of its own
        Assert.Equal("Ann Lee", g.Entities[0].Name);
    }

    [Theory]
    [InlineData("The ferry strike entered its third week on Monday.\n\nThe Prime Minister said the strike must end.", "Prime Minister")]
    [InlineData("The ferry strike entered its third week on Monday.\n\nThe PM said the strike must end.", "PM")]
    [InlineData("Talks stalled on Monday. \u201CThe strike must end,\u201D the Minister said.", "Minister")]
    public void A_role_that_speaks_is_no_organisation(string text, string role)
    {
        Analysis a = Extractor.Analyze(text);
        Assert.DoesNotContain(a.Groups, g => g.Type == EntityType.Organization);
        Quote q = Assert.Single(a.Quotes, q => q.Text.Contains("strike must end", System.StringComparison.Ordinal));
        Assert.Equal(role, q.Speaker?.Name);
        Assert.Equal(SpeakerNameKind.Role, q.Speaker?.NameKind);
    }

    [Fact]
    public void A_role_written_with_and_without_a_capital_is_one_speaker()
    {
        const string text = "The minister said the strike must end. The Minister added that talks would resume on Friday.";
        Analysis a = Extractor.Analyze(text);
        Assert.Equal(2, a.Quotes.Count);
        EntityGroup group = Assert.Single(a.Groups);
        Assert.Equal(EntityType.Person, group.Type);
        Assert.Equal([0, 1], group.Quotes.ToArray());
    }

    [Fact]
    public void The_PM_goes_to_the_holder_and_forms_no_group_of_its_own()
    {
        const string text = "Prime Minister Ann Lee visited the harbour on Monday. The PM said the strike must end.";
        Analysis a = Extractor.Analyze(text);
        Assert.Equal("Ann Lee", Assert.Single(a.Quotes).Speaker?.Name);
        Assert.DoesNotContain(a.Groups, g => g.Name == "PM");
        Assert.Equal("Ann Lee", Assert.Single(a.People).Name);
    }

    [Theory]
    [InlineData("In a statement, the Environment Agency said the seafront was safe.", "Environment Agency", EntityType.Organization)]
    [InlineData("In a statement, the Home Office said the seafront was safe.", "Home Office", EntityType.Organization)]
    [InlineData("In a statement, the Foreign Ministry said the seafront was safe.", "Foreign Ministry", EntityType.Organization)]
    [InlineData("In a statement, the Harbour Council said the seafront was safe.", "Harbour Council", EntityType.Organization)]
    // A surname that is also an organisation word stays a person.
    [InlineData("Margaret Court said the plan had been agreed.", "Margaret Court", EntityType.Person)]
    [InlineData("Emily Post said the plan had been agreed.", "Emily Post", EntityType.Person)]
    [InlineData("Robert Service said the plan had been agreed.", "Robert Service", EntityType.Person)]
    public void A_name_tagged_as_a_person_is_an_organisation_only_when_it_ends_in_an_organisation_word(string text, string name, EntityType expected)
    {
        EntityGrouping g = Group(text, (name, EntityType.Person));
        Assert.Equal(expected, Assert.Single(g.Groups).Type);
        Assert.Equal(expected, g.Entities[0].Type);
    }

    [Fact]
    public void The_Environment_Agency_speaking_is_no_person_without_the_entity_tagger()
    {
        // Without the tagger the speaker's own group decides: a run of capitals ending in Agency is an organisation.
        const string text = "The pier will be rebuilt.\n\nIn a statement, the Environment Agency said: \u2018We will keep working with the council.\u2019";
        var pipeline = ExtractorPipeline.Create(new ExtractorOptions { RecognizeEntities = false });
        foreach (Analysis a in new[] { pipeline.Analyze(text), Extractor.Analyze(text) })
        {
            Quote q = Assert.Single(a.Quotes);
            Assert.Equal("Environment Agency", q.Speaker?.Name);
            Assert.Equal(EntityType.Organization, Assert.Single(a.Groups, g => g.Name == "Environment Agency").Type);
            Assert.Empty(a.People);
        }
    }

    [Fact]
    public void A_person_introduced_with_a_role_is_a_person_without_the_entity_tagger()
    {
        // samples/article.txt: "Opposition councillor Priya Nandi warned that …" made an organisation of her without the tagger.
        const string text = "Not everyone is convinced. Opposition councillor Priya Nandi warned that the bill could push up council tax.";
        Analysis a = ExtractorPipeline.Create(new ExtractorOptions { RecognizeEntities = false }).Analyze(text);
        Assert.Equal("Priya Nandi", Assert.Single(a.Quotes).Speaker?.Name);
        Assert.Equal(EntityType.Person, Assert.Single(a.Groups, g => g.Name == "Priya Nandi").Type);
        Assert.Contains(a.People, p => p.Name == "Priya Nandi" && p.IsQuoted);
    }

    [Theory]
    // The company: the only organisation the article named before.
    [InlineData("Prairie Basin Potash to cut 240 jobs\n\nAbout 240 workers will lose their jobs after Prairie Basin Potash said it is idling a shaft.\n\nIn a statement Monday, the company said \u201Ca sustained drop in prices\u201D had made the shaft uneconomical.",
        "a sustained drop", "the company", "Prairie Basin Potash")]
    // The network: the organisation whose name ends in the noun.
    [InlineData("Food bank visits hit a record\n\nA report released Tuesday by the Toronto Food Access Network found visits rose 20 per cent.\n\nThe network said the province should raise the minimum wage.",
        "raise the minimum wage", "The network", "Toronto Food Access Network")]
    // The statement: the one the last speaker gave.
    [InlineData("Pilots walk off the job\n\nIn a statement, Northwind chief executive Gareth Lyle said the union\u2019s demands were too high.\n\n\u201CWe deeply regret the disruption to our guests,\u201D the statement said.",
        "deeply regret", "the statement", "Gareth Lyle")]
    // … the noun a centre too (Centre ends no person's name).
    [InlineData("School closure approved\n\nThe Cape Breton Regional Centre voted to close the school in June.\n\nThe regional centre said the final recommendation would go to the minister.",
        "final recommendation", "The regional centre", "Cape Breton Regional Centre")]
    // Not an organisation whose name lacks the words that describe the noun.
    [InlineData("Militants claim attack\n\nThe SITE Intelligence Group, which monitors militant websites, said the claim appeared genuine.\n\nThe terrorist group said it would strike again.",
        "strike again", "The terrorist group", "terrorist group")]
    public void An_institution_or_statement_goes_to_the_organisation_or_speaker_the_article_named(string text, string fragment, string mention, string name)
    {
        Quote q = Assert.Single(Extractor.Analyze(text).Quotes, q => q.Text.Contains(fragment, System.StringComparison.Ordinal));
        Assert.Equal((mention, name), (q.Speaker?.Text, q.Speaker?.Name));
    }
}
