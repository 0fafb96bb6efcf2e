namespace QuoteExtract.Tests.Quotes;

/// <summary>Speaker mentions resolved to names: pronouns, roles, short names, plural speakers.</summary>
public class SpeakerResolutionTests
{
    private static Quote QuoteWith(Analysis a, string fragment) => a.Quotes.First(q => q.Text.Contains(fragment, StringComparison.Ordinal));

    [Fact]
    public void Pronoun_resolves_to_the_speaker_before()
    {
        const string text = "Former transport minister Helen Marsh said the rail plan was ‘a bold gamble’.\n\n" +
            "‘I think it will pay off in the end,’ she told the Guardian.";
        Analysis a = Extractor.Analyze(text);
        Quote q = QuoteWith(a, "pay off");
        Assert.Equal("she", q.Speaker!.Text);
        Assert.Equal("Helen Marsh", q.Speaker.Name);
    }

    [Fact]
    public void Short_name_resolves_to_the_full_name()
    {
        const string text = "Oliver Grant won the vote on Tuesday.\n\n‘This is a new start,’ Mr Grant said.";
        Quote q = Assert.Single(Extractor.Analyze(text).Quotes);
        Assert.Equal("Mr Grant", q.Speaker!.Text);
        Assert.Equal("Oliver Grant", q.Speaker.Name);
    }

    [Theory]
    // A role noun resolves to the person introduced with that role.
    [InlineData("The plan was announced by health secretary Priya Nair on Monday.\n\nThe health secretary said: ‘Waiting lists will fall this year.’",
        "The health secretary", "Priya Nair")]
    // A possessive role is its own name, and later the role resolves to it.
    [InlineData("Mr Hale’s official spokesman refused to comment on Friday.\n\nLater the spokesman said: ‘The minister has full confidence in the police.’",
        "the spokesman", "Mr Hale’s official spokesman")]
    public void Role_noun_resolves_to_the_role_introduced_earlier(string text, string mention, string name)
    {
        Quote q = Assert.Single(Extractor.Analyze(text).Quotes, x => x.Kind == QuoteKind.Direct);
        Assert.Equal(mention, q.Speaker!.Text);
        Assert.Equal(name, q.Speaker.Name);
    }

    [Fact]
    public void They_resolves_to_a_list_of_people()
    {
        const string text = "Mr Dubois, Ms Jansen and Mr Rossi signed a joint letter overnight.\n\n" +
            "‘We ask for an immediate ceasefire,’ they said.";
        Quote q = Assert.Single(Extractor.Analyze(text).Quotes, x => x.Kind == QuoteKind.Direct);
        Assert.Equal("they", q.Speaker!.Text);
        Assert.Equal(3, q.Speaker.Names.Length);
        Assert.Contains("Dubois", q.Speaker.Names[0], StringComparison.Ordinal);
        Assert.Contains("Jansen", q.Speaker.Names[1], StringComparison.Ordinal);
        Assert.Contains("Rossi", q.Speaker.Names[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Organisations_and_places_speak()
    {
        const string text = "Downing Street said: ‘The Prime Minister is monitoring the situation.’";
        Quote q = Assert.Single(Extractor.Analyze(text).Quotes, x => x.Kind == QuoteKind.Direct);
        Assert.Equal("Downing Street", q.Speaker!.Name);
    }

    [Fact]
    public void Pronoun_takes_a_compatible_gender()
    {
        const string text = "Mr Cole and Ms Ward met on Monday. Ms Ward said the talks had gone well.\n\n" +
            "‘We made real progress,’ he said.";
        Quote q = QuoteWith(Extractor.Analyze(text), "real progress");
        Assert.Contains("Cole", q.Speaker!.Name, StringComparison.Ordinal); // named as its entity group names him
    }
}
