using CsCheck;
using QuoteExtract.Entities;
using QuoteExtract.Text;

namespace QuoteExtract.Tests.Entities;

/// <summary>
/// The rules over the tagger's spans, given spans as a tagger gets them wrong (written for these tests), so that each
/// rule is checked apart from what the model of the day happens to tag.
/// </summary>
public class EntitySpanRulesTests
{
    /// <summary>Applies the rules to <paramref name="tagged"/> (mention text and type, in text order) and gives the result as text/type pairs.</summary>
    private static string[] Apply(string text, params (string Mention, EntityType Type)[] tagged)
    {
        SegmentedText s = NewsTokenizer.Default.Segment(text);
        var spans = new List<TokenSpan>();
        int from = 0;
        foreach ((string mention, EntityType type) in tagged)
        {
            int start = text.IndexOf(mention, from, StringComparison.Ordinal);
            Assert.True(start >= 0, mention);
            from = start + mention.Length;
            int first = s.Tokens.ToList().FindIndex(t => t.Start == start);
            int last = s.Tokens.ToList().FindIndex(t => t.End == from);
            Assert.True(first >= 0 && last >= first, $"'{mention}' is not on token boundaries");
            spans.Add(new TokenSpan(first, last + 1, type));
        }

        EntitySpanRules.Apply(text, s.Tokens.AsSpan(), s.Sentences.AsSpan(), spans);
        return [.. spans.Select(x => $"{text[s.Tokens[x.First].Start..s.Tokens[x.End - 1].End]}/{x.Type.ToLabel()}")];
    }

    [Fact]
    public void A_name_across_of_is_one_organisation_but_a_tagged_name_after_and_stays_apart()
    {
        // The tagger cut "University of Manitoba" into two places; "Barclays" after "and" is a name of its own.
        Assert.Equal(
            ["Allan Whitcombe/PER", "University of Manitoba/ORG"],
            Apply(
                "Dr. Allan Whitcombe, a professor at the University of Manitoba, led the study.",
                ("Allan Whitcombe", EntityType.Person), ("University of", EntityType.Location), ("Manitoba", EntityType.Location)));
        Assert.Equal(
            ["Bank of England/ORG", "Barclays/ORG"],
            Apply("Both the Bank of England and Barclays cut rates.", ("Bank", EntityType.Organization), ("England", EntityType.Location), ("Barclays", EntityType.Organization)));
    }

    [Theory]
    [InlineData("Rates were held by the Bank of England on Thursday.", "England", "Bank of England/ORG")]
    [InlineData("A spokesman for the Department for Transport said the line would reopen.", "Transport", "Department for Transport/ORG")]
    [InlineData("Officials at the Royal Bank of Scotland declined to comment.", "Scotland", "Royal Bank of Scotland/ORG")]
    [InlineData("Storms over the Gulf of Mexico closed the oil rigs.", "Mexico", "Gulf of Mexico/LOC")]
    [InlineData("He wrote to the Department of Health and Social Care last week.", "Health", "Department of Health and Social Care/ORG")]
    public void The_head_word_takes_the_name_after_of_or_for_with_its_type(string text, string tagged, string expected)
    {
        Assert.Equal([expected], Apply(text, (tagged, EntityType.Location)));
    }

    [Fact]
    public void A_place_after_a_second_of_still_names_the_organisation()
    {
        // Association of Municipalities of Ontario: one name; a person after "of" does not join.
        Assert.Equal(
            ["Federation of Agriculture of Manitoba/ORG"],
            Apply("The Federation of Agriculture of Manitoba said yields fell.", ("Federation of Agriculture", EntityType.Organization), ("Manitoba", EntityType.Location)));
        Assert.Equal(
            ["Bank of Canada/ORG", "Tiff Macklem/PER"],
            Apply("The governor of the Bank of Canada of Tiff Macklem fame spoke.", ("Bank of Canada", EntityType.Organization), ("Tiff Macklem", EntityType.Person)));
    }

    [Fact]
    public void A_head_word_that_opens_a_sentence_makes_no_name_on_its_own()
    {
        // Nothing tagged and the head is the sentence's first word: title-case capitals, not evidence of a name.
        Assert.Empty(Apply("Council of War Meets Again"));
        Assert.Equal(["Council of Europe/ORG"], Apply("Members of the Council of Europe met.", ("Europe", EntityType.Location)));
    }

    [Fact]
    public void An_ampersand_between_capitalised_words_joins_an_organisation_unless_both_sides_are_places()
    {
        Assert.Equal(["Procter & Gamble/ORG"], Apply("Shares in Procter & Gamble rose.", ("Procter", EntityType.Person), ("Gamble", EntityType.Person)));
        Assert.Equal(["Marks & Spencer/ORG"], Apply("Sales at Marks & Spencer fell.", ("Marks", EntityType.Organization)));
        Assert.Equal(["Trinidad/LOC", "Tobago/LOC"], Apply("Rain fell on Trinidad & Tobago.", ("Trinidad", EntityType.Location), ("Tobago", EntityType.Location)));
        Assert.Equal(["Ernst & Young/ORG"], Apply("Auditors from Ernst & Young signed the accounts."));
        Assert.Empty(Apply("Spending on R & D rose."));
        Assert.Empty(Apply("Sun & Sand Holidays"));
    }

    [Fact]
    public void The_rules_end_on_tokens_no_sentence_holds()
    {
        // A caller's sentences need not cover every token: the rules read such tokens as ending nothing, and return.
        const string text = "They met the Special Investigations Unit staff.";
        SegmentedText s = NewsTokenizer.Default.Segment(text);
        var spans = new List<TokenSpan>();
        EntitySpanRules.Apply(text, s.Tokens.AsSpan(), ReadOnlySpan<Sentence>.Empty, spans);
        Assert.Empty(spans);
    }

    [Fact]
    public void Capitalised_words_the_tagger_left_alone_that_end_in_an_organisations_word_are_one_organisation()
    {
        Assert.Equal(["Special Investigations Unit/ORG"], Apply("Ontario's Special Investigations Unit is investigating the arrest."));
        Assert.Equal(["Tenants Advisory Committee/ORG"], Apply("She sits on the Tenants Advisory Committee as its chair."));
        // Not a law (MISC), a word alone, a headline in capitals, or a run the tagger named.
        Assert.Empty(Apply("Parliament passed the Clean Air Act on Friday."));
        Assert.Empty(Apply("He wrote to the Agency on Friday."));
        Assert.Empty(Apply("Residents fear SPECIAL UNIT raids."));
        Assert.Equal(["Ann Lee/PER"], Apply("They met Ann Lee Committee members.", ("Ann Lee", EntityType.Person)));
    }

    [Fact]
    public void And_joins_a_federal_department_named_as_canada_names_them_and_nothing_else()
    {
        Assert.Equal(["Fisheries and Oceans Canada/ORG"], Apply("In a statement, Fisheries and Oceans Canada said the closures would stay.", ("Fisheries", EntityType.Organization), ("Oceans Canada", EntityType.Organization)));
        Assert.Equal(["Crown-Indigenous Relations and Northern Affairs Canada/ORG"], Apply("The cheque came from Crown-Indigenous Relations and Northern Affairs Canada.", ("Northern Affairs Canada", EntityType.Organization)));
        Assert.Equal(["Manchester City/ORG", "Newcastle United/ORG"], Apply("Manchester City and Newcastle United drew.", ("Manchester City", EntityType.Organization), ("Newcastle United", EntityType.Organization)));
        Assert.Equal(["Ann Lee/PER", "Health Canada/ORG"], Apply("Ann Lee and Health Canada disagreed.", ("Ann Lee", EntityType.Person), ("Health Canada", EntityType.Organization)));
        // A list's words before it, each after a comma, not the sentence's opening word.
        Assert.Equal(["Immigration, Refugees and Citizenship Canada/ORG"], Apply("Funding through Immigration, Refugees and Citizenship Canada was frozen.", ("Citizenship Canada", EntityType.Organization)));
        Assert.Equal(["Fisheries and Oceans Canada/ORG"], Apply("Yesterday, Fisheries and Oceans Canada said the closures would stay.", ("Oceans Canada", EntityType.Organization)));
        // Opening the sentence, when an acronym in brackets after it starts with its letter.
        Assert.Equal(["Immigration, Refugees and Citizenship Canada/ORG", "IRCC/ORG"], Apply("Immigration, Refugees and Citizenship Canada (IRCC) said funding rose.", ("Citizenship Canada", EntityType.Organization), ("IRCC", EntityType.Organization)));
    }

    [Fact]
    public void A_person_by_the_tagger_whom_an_apposition_calls_an_organisation_is_one()
    {
        Assert.Equal(["Ledgerleaf/ORG", "Waterloo/LOC"], Apply("Ledgerleaf, a Waterloo startup that makes accounting software, raised $12 million.", ("Ledgerleaf", EntityType.Person), ("Waterloo", EntityType.Location)));
        Assert.Equal(["Brightwater/ORG"], Apply("Brightwater, the Halifax-based seafood company, will close the plant.", ("Brightwater", EntityType.Person)));
        Assert.Equal(["Kestrel/ORG"], Apply("Kestrel, the Calgary firm behind the app, declined to comment.", ("Kestrel", EntityType.Person)));
        // Not a person's role (an adviser to the group), a possessive (the company's founder), a name's word (a former
        // Bank of Canada economist), a noun coordinated with a person's, nor an apposition in capitals.
        Assert.Equal(["Dana Pike/PER"], Apply("Dana Pike, a senior adviser to the group, said it would appeal.", ("Dana Pike", EntityType.Person)));
        Assert.Equal(["Dana Pike/PER"], Apply("Dana Pike, the company's founder, said it would appeal.", ("Dana Pike", EntityType.Person)));
        Assert.Equal(["Dana Pike/PER", "Bank of Canada/ORG"], Apply("Dana Pike, a former Bank of Canada economist, said rates would fall.", ("Dana Pike", EntityType.Person), ("Bank of Canada", EntityType.Organization)));
        Assert.Equal(["Dana Pike/PER"], Apply("Dana Pike, a shipping firm and conservative activist, gave $1 million.", ("Dana Pike", EntityType.Person)));
    }

    [Fact]
    public void A_storm_name_is_misc_without_the_storm_word()
    {
        Assert.Equal(["Edith/MISC"], Apply("Storm Edith brought gales to Wales.", ("Storm Edith", EntityType.Person)));
        Assert.Equal(["Edouard/MISC"], Apply("Hurricane Edouard grew stronger.", ("Edouard", EntityType.Person)));
    }

    [Fact]
    public void A_courtesy_title_or_a_role_alone_is_no_person()
    {
        Assert.Equal(["Trump/PER"], Apply("Mr Trump reacted with fury to the threat.", ("Mr", EntityType.Person), ("Trump", EntityType.Person)));
        Assert.Equal(["Lord Penrose/PER"], Apply("Lord Penrose spoke.", ("Lord Penrose", EntityType.Person)));
    }

    [Fact]
    public void Spans_stay_in_order_inside_the_text_and_disjoint_whatever_the_tagger_gave()
    {
        // Property: random runs of capitalised words, connectors and ampersands, with random tagged spans.
        string[] words = ["University", "of", "for", "and", "&", "Bank", "Manitoba", "Storm", "Edith", "Mr", "the", "said", "Gulf", "Canada", ",", "."];
        Gen.Select(Gen.Int[0, words.Length - 1].Array[1, 40], Gen.Int[0, 4].Array[40], (w, t) => (w, t)).Sample(x =>
        {
            string text = string.Join(' ', x.w.Select(i => words[i]));
            SegmentedText s = NewsTokenizer.Default.Segment(text);
            var spans = new List<TokenSpan>();
            int k = 0;
            while (k < s.Tokens.Length)
            {
                int length = Math.Min(x.t[k % x.t.Length] % 3 + 1, s.Tokens.Length - k);
                if (x.t[(k + 1) % x.t.Length] < 4)
                {
                    spans.Add(new TokenSpan(k, k + length, (EntityType)(x.t[k % x.t.Length] % 4)));
                }

                k += length;
            }

            EntitySpanRules.Apply(text, s.Tokens.AsSpan(), s.Sentences.AsSpan(), spans);
            for (int i = 0; i < spans.Count; i++)
            {
                Assert.InRange(spans[i].First, 0, spans[i].End - 1);
                Assert.True(spans[i].End <= s.Tokens.Length);
                Assert.True(i == 0 || spans[i - 1].End <= spans[i].First);
            }
        });
    }
}
