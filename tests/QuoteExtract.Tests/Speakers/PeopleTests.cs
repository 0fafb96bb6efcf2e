using System.Linq;

namespace QuoteExtract.Tests.Speakers;

/// <summary>Analysis.People on short articles written for these tests: who is a person of the article, their gender, whether they are quoted.</summary>
public class PeopleTests
{
    private static Person PersonNamed(Analysis a, string name) => Assert.Single(a.People, p => p.Name == name);

    [Theory]
    // The pronoun that resolves to them tells it, for a first name no list knows.
    [InlineData("Dr Sam Okoro runs the clinic. \u201CWe are full every day,\u201D she said.", "Sam Okoro", PersonGender.Female)]
    // A title does.
    [InlineData("Mr Tallis chairs the board. \u201CThe vote is on Friday,\u201D Mr Tallis said.", "Tallis", PersonGender.Male)]
    // A gendered role word in a mention does.
    [InlineData("The spokeswoman, Priya Nandakumar, said the line would reopen.", "Priya Nandakumar", PersonGender.Female)]
    // A first name the list knows does.
    [InlineData("David Marsh said the line would reopen.", "David Marsh", PersonGender.Male)]
    // A given name of the library's wider list does, before the census table (which has Karan as a woman's name).
    [InlineData("Fire officer Karan Sidhu said the crews had been pulled back.", "Karan Sidhu", PersonGender.Male)]
    [InlineData("Geneviève Thibodeau said the team would regroup on Monday.", "Geneviève Thibodeau", PersonGender.Female)]
    // A hyphenated given name of two names does, by its parts; not a romanized name's syllables.
    [InlineData("Paul-Émile Arsenault said the line would reopen.", "Paul-Émile Arsenault", PersonGender.Male)]
    [InlineData("Kerri-Ann Doucette said the line would reopen.", "Kerri-Ann Doucette", PersonGender.Female)]
    [InlineData("Ji-woo Kang said the line would reopen.", "Ji-woo Kang", PersonGender.Unknown)]
    // A pronoun in a sentence that names only them does, after the name, or opening the next sentence.
    [InlineData("Goaltender Obi Lund stopped all 19 shots he faced. \u201CIt was a good night,\u201D Lund said.", "Obi Lund", PersonGender.Male)]
    [InlineData("Coach Ade Lund did not hide her frustration. \u201CWe stopped skating,\u201D Lund said.", "Ade Lund", PersonGender.Female)]
    [InlineData("Obi Lund joined the club in May. He scored twice on Sunday.\n\n\u201CIt was a good night,\u201D Lund said.", "Obi Lund", PersonGender.Male)]
    // Not when the sentence names someone else too: the pronoun may be theirs.
    [InlineData("Ade Lund thanked Tom Reed for his help. \u201CWe won,\u201D Lund said.", "Ade Lund", PersonGender.Unknown)]
    // Nothing tells it.
    [InlineData("Councillor Kim Okonkwo said the line would reopen.", "Kim Okonkwo", PersonGender.Unknown)]
    public void A_persons_gender_is_what_the_text_tells(string text, string name, PersonGender gender)
    {
        Analysis a = Extractor.Analyze(text);
        Person p = PersonNamed(a, name);
        Assert.Equal(gender, p.Gender);
        Assert.True(p.IsQuoted);
        Assert.All(p.Quotes, q => Assert.Equal(gender, a.Quotes[q].Speaker?.Gender));
    }

    [Theory]
    // Titles of Canadian councils, police and First Nations stay outside the person's name.
    [InlineData("Coun. Ada Okonkwo said the budget would not pass.", "Ada Okonkwo")]
    [InlineData("Const. Ada Okonkwo said the road would stay closed.", "Ada Okonkwo")]
    [InlineData("Chief Ada Okonkwo said the water was safe to drink again.", "Ada Okonkwo")]
    [InlineData("Elder Ada Okonkwo said the ceremony would go ahead.", "Ada Okonkwo")]
    [InlineData("Warden Ada Okonkwo said the county would appeal.", "Ada Okonkwo")]
    // A department's name inside the title is no name of the person (the speaker had been the organisation).
    [InlineData("Saskatchewan Energy Minister Ada Okonkwo said the province would set up a response team.", "Ada Okonkwo")]
    public void A_title_before_a_name_is_no_part_of_it(string text, string name)
    {
        Analysis a = Extractor.Analyze(text);
        Speaker? speaker = Assert.Single(a.Quotes).Speaker;
        // The mention keeps the title; the name and the one person of the article do not.
        Assert.Equal((text[..text.IndexOf(" said", System.StringComparison.Ordinal)], name, name), (speaker?.Text, speaker?.Name, Assert.Single(a.People).Name));
    }

    [Fact]
    public void A_person_who_is_only_mentioned_is_not_quoted()
    {
        Analysis a = Extractor.Analyze("Helen Marsh said the plan had been agreed with David Hale on Friday.");
        Assert.True(PersonNamed(a, "Helen Marsh").IsQuoted);
        Assert.False(PersonNamed(a, "David Hale").IsQuoted);
    }

    [Theory]
    [InlineData("By Kate Ellis\n\nThe council met on Monday. Helen Marsh said the plan had been agreed.")]
    [InlineData("The council met on Monday. Helen Marsh said the plan had been agreed.\n\nAP Photo/Kate Ellis")]
    public void A_byline_or_photo_credit_names_no_person_of_the_article(string text)
    {
        Analysis a = Extractor.Analyze(text);
        Assert.DoesNotContain(a.People, p => p.Name.Contains("Ellis", System.StringComparison.Ordinal));
        Assert.Contains(a.People, p => p.Name == "Helen Marsh");
    }

    [Fact]
    public void An_unresolved_pronoun_has_no_name_and_says_so()
    {
        Quote q = Assert.Single(Extractor.Analyze("\u201CWe are ready,\u201D she said.").Quotes);
        Assert.Equal(SpeakerNameKind.Unresolved, q.Speaker!.NameKind);
        Assert.Equal("", q.Speaker.Name);
        Assert.Empty(q.Speaker.Names);
        Assert.Equal("she", q.Speaker.Text);
    }

    [Fact]
    public void An_unnamed_speaker_is_named_by_the_role_and_says_so()
    {
        Quote q = Assert.Single(Extractor.Analyze("A senior official said the talks had stalled.").Quotes);
        Assert.Equal(SpeakerNameKind.Role, q.Speaker!.NameKind);
        Assert.Equal("senior official", q.Speaker.Name);
    }

    [Fact]
    public void Someone_the_article_never_names_is_a_quote_speaker_but_no_person_of_the_article()
    {
        // The speaker keeps the role phrase and the gender the text tells; the people are those the article names.
        const string text = "Helen Marsh said the road had flooded twice this year.\n\n\u201CWe heard the water before we saw it,\u201D said a neighbour, who asked that her name not be used.";
        Analysis a = Extractor.Analyze(text);
        Quote q = Assert.Single(a.Quotes, q => q.Kind == QuoteKind.Direct);
        Assert.Equal(SpeakerNameKind.Role, q.Speaker!.NameKind);
        Assert.Equal("Helen Marsh", Assert.Single(a.People).Name);
    }

    [Fact]
    public void A_named_speaker_says_so()
    {
        Quote q = Assert.Single(Extractor.Analyze("Helen Marsh said the plan had been agreed.").Quotes);
        Assert.Equal(SpeakerNameKind.Name, q.Speaker!.NameKind);
        Assert.Equal(PersonGender.Female, q.Speaker.Gender);
    }
}
