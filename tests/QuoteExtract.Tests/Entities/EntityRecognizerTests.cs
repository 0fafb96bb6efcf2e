using System.Threading.Tasks;
using QuoteExtract.Entities;
using QuoteExtract.Models;

namespace QuoteExtract.Tests.Entities;

public class EntityRecognizerTests : IClassFixture<RecognizerFixture>
{
    private readonly RecognizerFixture _fixture;

    public EntityRecognizerTests(RecognizerFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public void Model_loads_from_the_assembly()
    {
        Assert.NotNull(typeof(ModelResources).Assembly.GetManifestResourceInfo(ModelResources.EntityModel));
        Assert.Equal("O", _fixture.Recognizer.Model.Labels.Names[0]);
        Assert.InRange(_fixture.Recognizer.Model.Stages.Length, 1, 2);
        Assert.True(_fixture.Recognizer.Model.Gazetteer.Count > 10_000);
    }

    [Theory]
    [InlineData("Harriet Walcott, the chief executive of Northwind Bank, flew to Chicago on Monday.", "Harriet Walcott", EntityType.Person)]
    [InlineData("Harriet Walcott, the chief executive of Northwind Bank, flew to Chicago on Monday.", "Northwind Bank", EntityType.Organization)]
    [InlineData("Harriet Walcott, the chief executive of Northwind Bank, flew to Chicago on Monday.", "Chicago", EntityType.Location)]
    [InlineData("The European Union warned Russia on Tuesday that talks in Geneva would fail.", "European Union", EntityType.Organization)]
    [InlineData("The European Union warned Russia on Tuesday that talks in Geneva would fail.", "Russia", EntityType.Location)]
    [InlineData("The European Union warned Russia on Tuesday that talks in Geneva would fail.", "Geneva", EntityType.Location)]
    [InlineData("Police in Manchester arrested a man after Mr Okafor’s car was found in a canal.", "Okafor", EntityType.Person)]
    [InlineData("Police in Manchester arrested a man after Mr Okafor’s car was found in a canal.", "Manchester", EntityType.Location)]
    [InlineData("“We will not give in,” said Maria Fernandes, a spokeswoman for Amnesty International.", "Maria Fernandes", EntityType.Person)]
    [InlineData("“We will not give in,” said Maria Fernandes, a spokeswoman for Amnesty International.", "Amnesty International", EntityType.Organization)]
    [InlineData("Shares in Microsoft rose 3 per cent in New York after the company’s results.", "Microsoft", EntityType.Organization)]
    [InlineData("Shares in Microsoft rose 3 per cent in New York after the company’s results.", "New York", EntityType.Location)]
    [InlineData("Dr. Allan Whitcombe, a professor at the University of Manitoba, led the study.", "University of Manitoba", EntityType.Organization)]
    [InlineData("The Bank of England held interest rates at 5 per cent on Thursday.", "Bank of England", EntityType.Organization)]
    [InlineData("A spokeswoman for the Department for Transport said the line would reopen in May.", "Department for Transport", EntityType.Organization)]
    [InlineData("Shares in Procter & Gamble rose after the results were published in Cincinnati.", "Procter & Gamble", EntityType.Organization)]
    public void Finds_names_with_exact_spans(string text, string expected, EntityType type)
    {
        IReadOnlyList<Entity> entities = _fixture.Find(text);
        Entity? found = entities.FirstOrDefault(e => e.Text == expected);
        Assert.True(found is not null, $"'{expected}' not found; got: {string.Join(", ", entities.Select(e => $"{e.Text}/{e.Type}"))}");
        Assert.Equal(type, found.Type);
        Assert.Equal(expected, text[found.Span.Start..found.Span.End]);
        Assert.InRange(found.Confidence, 0.0, 1.0);
    }

    [Fact]
    public void A_courtesy_title_is_not_a_person_of_its_own()
    {
        IReadOnlyList<Entity> entities = _fixture.Find("Mr Trump reacted with fury to the threat.");
        Assert.Equal(["Trump"], entities.Where(e => e.Type == EntityType.Person).Select(e => e.Text));
    }

    [Fact]
    public void A_storm_is_not_a_person()
    {
        IReadOnlyList<Entity> entities = _fixture.Find("Storm Edith brought gales of 80mph to the west coast on Sunday, forecasters said.");
        Assert.DoesNotContain(entities, e => e.Type == EntityType.Person && e.Text.Contains("Edith", StringComparison.Ordinal));
    }

    [Fact]
    public void Entities_are_in_text_order_and_do_not_overlap()
    {
        const string text = "Harriet Walcott met officials of the World Bank in Nairobi. Later Walcott flew to Paris with Tom Becker.";
        IReadOnlyList<Entity> entities = _fixture.Find(text);
        Assert.NotEmpty(entities);
        for (int i = 1; i < entities.Count; i++)
        {
            Assert.True(entities[i - 1].Span.End <= entities[i].Span.Start);
        }
    }

    [Fact]
    public void Possessive_clitic_is_outside_the_name()
    {
        IReadOnlyList<Entity> entities = _fixture.Find("Germany’s economy shrank, Berlin said.");
        Assert.Contains(entities, e => e.Text == "Germany" && e.Type == EntityType.Location);
    }

    [Fact]
    public void Empty_and_name_free_texts_give_nothing()
    {
        Assert.Empty(_fixture.Find(string.Empty));
        Assert.Empty(_fixture.Find("it was raining and the bus was late again."));
    }

    [Fact]
    public void Recognition_is_thread_safe()
    {
        const string text = "Harriet Walcott, the chief executive of Northwind Bank, flew to Chicago on Monday.";
        string expected = string.Join("|", _fixture.Find(text).Select(e => $"{e.Span}{e.Type}"));
        string[] results = new string[8];
        Parallel.For(0, results.Length, i =>
        {
            for (int r = 0; r < 20; r++)
            {
                results[i] = string.Join("|", _fixture.Find(text).Select(e => $"{e.Span}{e.Type}"));
            }
        });
        Assert.All(results, r => Assert.Equal(expected, r));
    }
}
