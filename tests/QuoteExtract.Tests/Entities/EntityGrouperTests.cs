using System.Collections.Immutable;
using QuoteExtract.Entities;

namespace QuoteExtract.Tests.Entities;

/// <summary>Grouping rules on hand-made mentions: no model involved.</summary>
public class EntityGrouperTests
{
    /// <summary>Groups the given mentions, found in order in the text.</summary>
    internal static EntityGrouping Group(string text, params (string Surface, EntityType Type)[] mentions)
    {
        var entities = ImmutableArray.CreateBuilder<Entity>();
        int from = 0;
        foreach ((string surface, EntityType type) in mentions)
        {
            int at = text.IndexOf(surface, from, StringComparison.Ordinal);
            Assert.True(at >= 0, $"'{surface}' not in the text after {from}");
            entities.Add(new Entity { Span = new TextSpan(at, surface.Length), Text = surface, Type = type, Name = surface, Confidence = 1 });
            from = at + surface.Length;
        }

        return EntityGrouper.Group(NewsTokenizer.Default.Segment(text), entities.ToImmutable());
    }

    private static string NameOf(EntityGrouping g, string surface) =>
        g.Entities.First(e => e.Text == surface).Name;

    [Fact]
    public void Mr_X_and_X_and_given_name_join_the_full_name()
    {
        const string text = "Harriet Walcott spoke first. Ms Walcott said more. Walcott left. Harriet waved.";
        EntityGrouping g = Group(text, ("Harriet Walcott", EntityType.Person), ("Walcott", EntityType.Person), ("Walcott", EntityType.Person), ("Harriet", EntityType.Person));
        Assert.Single(g.Groups);
        Assert.Equal("Harriet Walcott", g.Groups[0].Name);
        Assert.Equal(4, g.Groups[0].Mentions.Length);
        Assert.All(g.Entities, e => Assert.Equal("Harriet Walcott", e.Name));
    }

    [Fact]
    public void Title_in_the_mention_is_stripped()
    {
        const string text = "General Idris Kamara arrived. General Kamara said the army was ready. Idris Kamara smiled.";
        EntityGrouping g = Group(text, ("General Idris Kamara", EntityType.Person), ("General Kamara", EntityType.Person), ("Idris Kamara", EntityType.Person));
        Assert.Single(g.Groups);
        Assert.Equal("Idris Kamara", g.Groups[0].Name);
    }

    [Fact]
    public void Multi_word_titles_are_stripped()
    {
        const string text = "Prime Minister Lena Hofstad met reporters. Hofstad said little.";
        EntityGrouping g = Group(text, ("Prime Minister Lena Hofstad", EntityType.Person), ("Hofstad", EntityType.Person));
        Assert.Single(g.Groups);
        Assert.Equal("Lena Hofstad", g.Groups[0].Name);
    }

    [Fact]
    public void Spelling_variants_of_names_join()
    {
        const string text = "Muammar Gaddafi ruled for decades. Moammar Gadhafi was killed in 2011. Gaddafi's son fled.";
        EntityGrouping g = Group(text, ("Muammar Gaddafi", EntityType.Person), ("Moammar Gadhafi", EntityType.Person), ("Gaddafi", EntityType.Person));
        Assert.Single(g.Groups);
    }

    [Fact]
    public void Hyphen_and_space_are_the_same()
    {
        const string text = "Karim Abdel Rahman won. Karim Abdel-Rahman thanked voters. Abdel-Rahman left.";
        EntityGrouping g = Group(text, ("Karim Abdel Rahman", EntityType.Person), ("Karim Abdel-Rahman", EntityType.Person), ("Abdel-Rahman", EntityType.Person));
        Assert.Single(g.Groups);
        Assert.Equal("Karim Abdel Rahman", g.Groups[0].Name);
    }

    [Fact]
    public void No_break_space_inside_a_name_is_a_space()
    {
        const string text = "Harriet\u00A0Walcott spoke. Harriet Walcott left.";
        EntityGrouping g = Group(text, ("Harriet\u00A0Walcott", EntityType.Person), ("Harriet Walcott", EntityType.Person));
        Assert.Single(g.Groups);
        Assert.Equal("Harriet Walcott", g.Groups[0].Name);
    }

    [Fact]
    public void Different_given_names_with_one_surname_are_different_people()
    {
        const string text = "Tom Becker met Anna Becker. Later Becker said no.";
        EntityGrouping g = Group(text, ("Tom Becker", EntityType.Person), ("Anna Becker", EntityType.Person), ("Becker", EntityType.Person));
        Assert.Equal(2, g.Groups.Length);
        Assert.Equal("Anna Becker", NameOf(g, "Becker")); // the nearest full name before it
    }

    [Fact]
    public void Peer_without_given_name_keeps_the_honorific()
    {
        const string text = "Admiral Lord Fenwick said the navy was stretched. Lord Fenwick added that it was.";
        EntityGrouping g = Group(text, ("Admiral Lord Fenwick", EntityType.Person), ("Lord Fenwick", EntityType.Person));
        Assert.Single(g.Groups);
        Assert.Equal("Lord Fenwick", g.Groups[0].Name);
    }

    [Fact]
    public void Sir_before_a_full_name_is_dropped_from_the_name()
    {
        const string text = "Sir Alan Peter Moss retired. Alan Peter Moss was 70.";
        EntityGrouping g = Group(text, ("Sir Alan Peter Moss", EntityType.Person), ("Alan Peter Moss", EntityType.Person));
        Assert.Single(g.Groups);
        Assert.Equal("Alan Peter Moss", g.Groups[0].Name);
    }

    [Fact]
    public void Organisations_group_by_name_acronym_and_legal_form()
    {
        const string text = "The United Nations met. The UN said so. Northwind Ltd fell. Northwind rose.";
        EntityGrouping g = Group(text,
            ("United Nations", EntityType.Organization), ("UN", EntityType.Organization),
            ("Northwind Ltd", EntityType.Organization), ("Northwind", EntityType.Organization));
        Assert.Equal(2, g.Groups.Length);
        Assert.Equal("United Nations", NameOf(g, "UN"));
        Assert.Equal("Northwind Ltd", NameOf(g, "Northwind")); // the name as written, with its legal form
        EntityGrouping headline = Group("Norvale Nickel to close mine. Norvale Nickel Corp. said so.",
            ("Norvale Nickel", EntityType.Organization), ("Norvale Nickel Corp.", EntityType.Organization));
        Assert.Equal("Norvale Nickel Corp.", Assert.Single(headline.Groups).Name); // the legal form, though the shorter came first
        Assert.Equal(EntityType.Organization, g.Groups[0].Type);
    }

    [Fact]
    public void An_organisations_first_word_alone_is_its_short_form()
    {
        const string text = "Tenants of Crestline Residential went on strike. Crestline said it had invested $14 million.";
        EntityGrouping g = Group(text, ("Crestline Residential", EntityType.Organization), ("Crestline", EntityType.Organization));
        Assert.Equal("Crestline Residential", Assert.Single(g.Groups).Name);

        // Not when two names start with it, nor when it names a person or a place of the article.
        EntityGrouping two = Group("Patriot Coal and Patriot Mining merged. Patriot said so.",
            ("Patriot Coal", EntityType.Organization), ("Patriot Mining", EntityType.Organization), ("Patriot", EntityType.Organization));
        Assert.Equal(3, two.Groups.Length);
        EntityGrouping person = Group("Donald Trump spoke. The Trump Train rolled on. Trump said so.",
            ("Donald Trump", EntityType.Person), ("Trump Train", EntityType.Organization), ("Trump", EntityType.Organization));
        Assert.Equal("Trump", NameOf(person, "Trump"));
    }

    [Fact]
    public void Attributor_can_resolve_names_and_spans_it_found_itself()
    {
        const string text = "Harriet Walcott spoke. Later Mrs Walcott and General Idris Kamara left; the UN was silent. United Nations officials agreed.";
        EntityGrouping g = Group(text,
            ("Harriet Walcott", EntityType.Person), ("Walcott", EntityType.Person), ("Idris Kamara", EntityType.Person),
            ("UN", EntityType.Organization), ("United Nations", EntityType.Organization));
        int walcott = g.FindGroup("Mrs Walcott");
        Assert.True(walcott >= 0);
        Assert.Equal("Harriet Walcott", g.Groups[walcott].Name);
        Assert.Equal(walcott, g.FindGroup("Harriet"));
        Assert.Equal("Idris Kamara", g.Groups[g.FindGroup("General Kamara")].Name);
        Assert.Equal("United Nations", g.Groups[g.FindGroup("UN", EntityType.Organization)].Name);
        Assert.Equal(-1, g.FindGroup("Mr Nobody"));

        int at = text.IndexOf("Mrs Walcott", StringComparison.Ordinal);
        Assert.Equal(walcott, g.FindGroup(new TextSpan(at, "Mrs Walcott".Length)));
    }

    [Fact]
    public void Misc_entities_are_not_grouped()
    {
        const string text = "French officials met. Paris agreed.";
        EntityGrouping g = Group(text, ("French", EntityType.Miscellaneous), ("Paris", EntityType.Location));
        Assert.Single(g.Groups);
        Assert.Equal(-1, g.EntityGroups[0]);
        Assert.Equal("French", g.Entities[0].Name);
    }

    [Fact]
    public void Honorific_makes_a_person_of_a_mention_tagged_otherwise()
    {
        const string text = "Lord Fenwick spoke. Later Lord Fenwick left.";
        EntityGrouping g = Group(text, ("Lord Fenwick", EntityType.Location), ("Lord Fenwick", EntityType.Person));
        Assert.Single(g.Groups);
        Assert.Equal(EntityType.Person, g.Groups[0].Type);
        Assert.All(g.Entities, e => Assert.Equal(EntityType.Person, e.Type));
    }

    [Fact]
    public void Title_tagged_alone_joins_the_name_after_it()
    {
        const string text = "Admiral Lord Fenwick said no. Lord Fenwick is retired.";
        EntityGrouping g = Group(text, ("Admiral", EntityType.Person), ("Lord Fenwick", EntityType.Location), ("Lord Fenwick", EntityType.Person));
        Assert.Single(g.Groups);
        Assert.Equal("Lord Fenwick", g.Groups[0].Name);
        Assert.Equal(3, g.EntityGroups.Count(x => x == 0));
    }

    [Fact]
    public void Mentions_longer_than_the_stack_buffers_group_as_short_ones_do()
    {
        // Over 256 characters: the grouper splits such mentions into rented buffers, not on the stack.
        string words = string.Join(' ', Enumerable.Range(0, 60).Select(i => "Ward" + (char)('a' + (i % 26)) + "x"));
        string org = "Council of " + words;
        string orgAgain = "the " + org.Replace(' ', '\u00A0') + "\u2019s";
        string person = "Anna " + words + " Okafor";
        string misc = "Grand  " + words.Replace(" ", "  ", StringComparison.Ordinal);
        string text = $"{org} met. Later {orgAgain} staff said {person} left. Okafor waved at the {misc}.";
        EntityGrouping g = Group(
            text,
            (org, EntityType.Organization),
            (orgAgain, EntityType.Organization),
            (person, EntityType.Person),
            ("Okafor", EntityType.Person),
            (misc, EntityType.Miscellaneous));
        Assert.Equal(2, g.Groups.Length);
        Assert.Equal(org, g.Groups[0].Name);
        Assert.Equal([0, 0, 1, 1, -1], g.EntityGroups.ToArray());
        Assert.Equal(person, g.Entities[3].Name);
        Assert.Equal("Grand " + words, g.Entities[4].Name);
    }
}
