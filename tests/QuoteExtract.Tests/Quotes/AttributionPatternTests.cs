namespace QuoteExtract.Tests.Quotes;

/// <summary>One golden test per attribution pattern of the quotes issue, on sentences written for these tests.</summary>
public class AttributionPatternTests
{
    private static Quote Single(string text, QuoteKind kind = QuoteKind.Direct)
    {
        Analysis a = Extractor.Analyze(text);
        return Assert.Single(a.Quotes, q => q.Kind == kind);
    }

    private static void AssertQuote(string text, string quoted, string speakerText, string? cueLemma, QuoteKind kind = QuoteKind.Direct)
    {
        Quote q = Single(text, kind);
        Assert.Equal(quoted, q.Text);
        Assert.Equal(quoted, text.Substring(q.Span.Start, q.Span.Length));
        Assert.NotNull(q.Speaker);
        Assert.Equal(speakerText, q.Speaker!.Text);
        Assert.Equal(speakerText, text.Substring(q.Speaker.Span.Start, q.Speaker.Span.Length));
        if (cueLemma is null)
        {
            Assert.Null(q.Cue);
        }
        else
        {
            Assert.Equal(cueLemma, q.Cue!.Value.Lemma);
        }
    }

    [Fact]
    public void Quote_comma_name_said() =>
        AssertQuote("“We will rebuild the bridge by spring,” Maria Lopez said.", "We will rebuild the bridge by spring,", "Maria Lopez", "say");

    [Fact]
    public void Quote_comma_said_name() =>
        AssertQuote("“The figures are wrong,” said Daniel Okafor.", "The figures are wrong,", "Daniel Okafor", "say");

    [Fact]
    public void Name_said_colon_quote() =>
        AssertQuote("Council leader Anna Berg said: ‘The library will stay open.’", "The library will stay open.", "Council leader Anna Berg", "say");

    [Fact]
    public void Name_said_quote_without_colon() =>
        AssertQuote("The mayor said “Nothing has been decided yet.”", "Nothing has been decided yet.", "The mayor", "say");

    [Fact]
    public void Name_told_someone_colon_quote() =>
        AssertQuote("Mr Patel told the BBC: ‘I have no regrets.’", "I have no regrets.", "Mr Patel", "tell");

    [Fact]
    public void Name_added_colon_quote() =>
        AssertQuote("Ms Novak added: “We expect more rain tonight.”", "We expect more rain tonight.", "Ms Novak", "add");

    [Fact]
    public void Quote_name_told_someone() =>
        AssertQuote("‘It was a fair result,’ Tom Reeve told reporters.", "It was a fair result,", "Tom Reeve", "tell");

    [Fact]
    public void Name_apposition_said_colon_quote() =>
        AssertQuote("Lena Fischer, a former head of the port authority, said: ‘The dredging must continue.’",
            "The dredging must continue.", "Lena Fischer", "say");

    [Fact]
    public void Quote_dash_name()
    {
        Quote q = Single("“Never give up on a good idea” – Grace Hopper");
        Assert.Equal("Grace Hopper", q.Speaker!.Text);
        Assert.Null(q.Cue);
    }

    [Fact]
    public void Name_tweeted_colon_quote() =>
        AssertQuote("Senator Ray Dunn tweeted: “Vote early, vote often.”", "Vote early, vote often.", "Senator Ray Dunn", "tweet");

    [Fact]
    public void Name_said_in_a_statement_colon_quote() =>
        AssertQuote("The Ministry of Transport said in a statement: ‘Services will resume on Monday.’",
            "Services will resume on Monday.", "The Ministry of Transport", "say");

    [Fact]
    public void According_to_name()
    {
        const string text = "The factory will close in March, according to the Trade Union Congress.";
        Quote q = Single(text, QuoteKind.Indirect);
        Assert.Equal("The factory will close in March", q.Text);
        Assert.Equal("according to", q.Cue!.Value.Lemma);
        Assert.Contains("Trade Union Congress", q.Speaker!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_quote_shares_its_attribution()
    {
        const string text = "“We tried everything,” Ms Adeyemi said, “but the money ran out.”";
        Analysis a = Extractor.Analyze(text);
        Assert.Equal(2, a.Quotes.Count(q => q.Kind == QuoteKind.Direct));
        Assert.All(a.Quotes.Where(q => q.Kind == QuoteKind.Direct), q => Assert.Equal("Ms Adeyemi", q.Speaker!.Text));
    }

    [Fact]
    public void Name_warned_that_clause_is_reported_speech()
    {
        const string text = "Professor Hale warned that the reservoir could run dry by August.";
        Quote q = Single(text, QuoteKind.Indirect);
        Assert.Equal("the reservoir could run dry by August", q.Text);
        Assert.Equal("Professor Hale", q.Speaker!.Text);
        Assert.Equal("warn", q.Cue!.Value.Lemma);
    }

    [Fact]
    public void Name_said_clause_without_that_is_reported_speech()
    {
        Quote q = Single("The coach said the team had trained hard all week.", QuoteKind.Indirect);
        Assert.Equal("the team had trained hard all week", q.Text);
        Assert.Equal("The coach", q.Speaker!.Text);
    }

    [Fact]
    public void Mixed_quote_fragment_inside_reported_speech()
    {
        const string text = "Mr Kovacs insisted the plan would ‘stand the test of time’ despite the cost.";
        Quote q = Single(text, QuoteKind.Mixed);
        Assert.Equal("stand the test of time", q.Text);
        Assert.Equal("Mr Kovacs", q.Speaker!.Text);
        Assert.Equal("insist", q.Cue!.Value.Lemma);
    }

    [Fact]
    public void Title_in_quote_marks_without_cue_is_left_out()
    {
        Analysis a = Extractor.Analyze("Last night the channel showed “Morning Harbour Lights” again.");
        Assert.DoesNotContain(a.Quotes, q => q.Kind != QuoteKind.Indirect);
        Analysis all = Extractor.Analyze("Last night the channel showed “Morning Harbour Lights” again.", ExtractorPipeline.Create(new ExtractorOptions { MinimumConfidence = 0 }));
        Quote low = Assert.Single(all.Quotes);
        Assert.True(low.Confidence < 0.5);
    }

    [Fact]
    public void Role_apposition_name_said() =>
        AssertQuote("The club’s chairman, Peter Lund, said: ‘We are staying.’", "We are staying.", "Peter Lund", "say");

    [Fact]
    public void Subject_then_colon_without_a_cue_verb()
    {
        Quote q = Single("Asked about the deadline, Ms Ito was blunt: ‘There will be no extension.’");
        Assert.Equal("Ms Ito", q.Speaker!.Text);
        Assert.Null(q.Cue);
    }

    [Theory]
    [InlineData("In an interview with a local radio station, Dana Whitlock questioned the budget, saying it would “hurt every family in town.”", "Dana Whitlock", "say")] // participle: the main clause's subject
    [InlineData("The council will vote next week, Ivo Brandt said on Monday in Leeds, noting the scheme was “long overdue.”", "Ivo Brandt", "note")] // participle after "X said"
    [InlineData("Ms Adeyemi used the hearing to demand that ministers “stop hiding the figures.”", "Ms Adeyemi", "demand")] // infinitive: the clause's subject
    public void Dependent_cue_takes_the_subject_of_the_clause_it_hangs_on(string text, string speaker, string lemma)
    {
        Quote q = Single(text, QuoteKind.Mixed);
        Assert.Equal(speaker, q.Speaker!.Text);
        Assert.Equal(lemma, q.Cue!.Value.Lemma);
    }

    [Fact]
    public void Coordinated_cue_takes_the_subject_of_the_first_verb()
    {
        Analysis a = Extractor.Analyze("Councillor Rhys Morgan, speaking on the radio, called the plan a “disgrace” and said the vote was “rigged.”");
        Quote[] marked = [.. a.Quotes.Where(q => q.Kind != QuoteKind.Indirect)];
        Assert.Equal(["disgrace", "rigged."], marked.Select(q => q.Text));
        Assert.All(a.Quotes, q => Assert.Equal("Rhys Morgan", q.Speaker!.Name));
        Assert.Equal("say", marked[1].Cue!.Value.Lemma);

        // The reported clause around the fragment keeps the fragment whole, closing mark included.
        Quote reported = Assert.Single(a.Quotes, q => q.Kind == QuoteKind.Indirect);
        Assert.Equal("the vote was “rigged.”", reported.Text);
    }

    [Fact]
    public void Relative_who_is_the_mention_and_resolves_to_its_antecedent()
    {
        const string text = "The plan was backed by Senator Ada Quinlan, who said it was “the best deal on offer.”";
        Quote q = Single(text, QuoteKind.Mixed);
        Assert.Equal("who", q.Speaker!.Text);
        Assert.Equal("Ada Quinlan", q.Speaker.Name);
    }

    [Fact]
    public void Role_noun_with_a_name_modifier_is_the_speaker() =>
        AssertQuote("“Nobody reads the small print,” the NHS staffer said.", "Nobody reads the small print,", "the NHS staffer", "say");

    [Theory]
    [InlineData("Marta Lindqvist posted a Facebook comment of her own, saying, “We are thrilled.”", "Marta Lindqvist", "say")] // a cue noun after an article ("a comment") is not the cue
    [InlineData("“Both plans scare me,” Harold Penn, 30, of Leeds, West Yorkshire, who was among those polled, said on Monday.", "Harold Penn", "say")] // a long apposition after the name still reaches the cue
    public void Speaker_and_cue_of_a_direct_quote(string text, string speaker, string lemma)
    {
        Quote q = Single(text);
        Assert.Equal(speaker, q.Speaker!.Text);
        Assert.Equal(lemma, q.Cue!.Value.Lemma);
    }

    [Fact]
    public void Attribute_values_in_scraped_markup_are_not_quotes()
    {
        Analysis a = Extractor.Analyze("<tweet author=\"jsmith\" timestamp=\"1450000000\"> The mayor said the road would reopen.");
        Assert.DoesNotContain(a.Quotes, q => q.Kind != QuoteKind.Indirect);
    }

    [Theory]
    [InlineData("“The bridge will close in May.” Rep. Ann Whitfield (D-Ore.) said on Friday.", "Rep. Ann Whitfield")] // a party tag in parentheses
    [InlineData("“The veto will stand,” Senate Majority Leader Paul Okoro, R-Ky., said on Tuesday.", "Senate Majority Leader Paul Okoro")] // a party tag between commas
    [InlineData("“We live on borrowed time,” my grandmother often said.", "my grandmother")] // an adverb between speaker and cue
    [InlineData("“They’re only here for the free food,” Kessler shot back with a laugh.", "Kessler")] // a noun that is also a cue (a laugh) after the verb
    public void Speaker_after_the_quote_past_tags_and_adverbs(string text, string speaker)
    {
        Quote q = Single(text);
        Assert.Equal(speaker, q.Speaker!.Text);
    }

    [Theory]
    // “Q” about the decision, said X: the closing mark, more of the sentence, then the comma and the inverted cue.
    [InlineData("The board met on Monday. “We are delighted” with the outcome, said Priya Ramaswamy, who chairs the tenants' group.", "Priya Ramaswamy")]
    [InlineData("The board met on Monday. \"It seems very unlikely\" that the vote will be reversed, said Tomas Berg, a lawyer.", "Tomas Berg")]
    [InlineData("Critics were unmoved. The merger is “a disaster in slow motion” for small growers, says Ama Owusu of the farmers' union.", "Ama Owusu of the farmers' union")]
    // s’ and s' after a name are a plural possessive, not a quote mark: the attribution reads past them.
    [InlineData("Morales announced on Sunday that the campaign had raised $3 million. “Our volunteers did this,” Dana Pryce, Morales’ campaign chair, said.", "Dana Pryce")]
    [InlineData("Morales announced on Sunday that the campaign had raised $3 million. “Our volunteers did this,” Dana Pryce, Morales' campaign chair, said.", "Dana Pryce")]
    [InlineData("Weber spoke first. “We will appeal,” Tom Reyes, the brothers’ lawyer, told reporters.", "Tom Reyes")]
    public void Speaker_of_the_one_quote_in_marks_beside_reported_speech(string text, string speaker)
    {
        Quote q = Assert.Single(Extractor.Analyze(text).Quotes, q => q.Kind != QuoteKind.Indirect);
        Assert.Equal(speaker, q.Speaker!.Text);
    }

    [Fact]
    public void A_document_noun_after_a_person_speaks_for_itself()
    {
        Analysis a = Extractor.Analyze("“We will win,” said Mara Quist.\n\n“The plant will close by June,” the memo read.");
        Assert.Equal("Mara Quist", a.Quotes[0].Speaker!.Name);
        Assert.Equal("the memo", a.Quotes[1].Speaker!.Text);
        Assert.Equal("memo", a.Quotes[1].Speaker!.Name);
    }

    [Fact]
    public void Uncued_quote_paragraph_continues_a_reported_clause()
    {
        Analysis a = Extractor.Analyze("Senator Lia Brenner, clearly angry, said the report was wrong.\n\n“I am sick of these lies.”");
        Quote q = Assert.Single(a.Quotes, q => q.Kind == QuoteKind.Direct);
        Assert.Equal("Lia Brenner", q.Speaker!.Name);
    }

    [Fact]
    public void Pronoun_prefers_the_subject_of_its_sentence_over_a_nearer_possessive()
    {
        Analysis a = Extractor.Analyze("Helen Ortiz says she admired Maria Mendes’s courage through what she calls a “war of ugly words.”");
        Quote q = Assert.Single(a.Quotes, q => q.Kind == QuoteKind.Mixed);
        Assert.Equal("Helen Ortiz", q.Speaker!.Name);
    }

    [Theory]
    [InlineData("Ms Farrell said on Channel 9’s “Face the Nation” that the budget was fair.")] // a possessive before a programme
    [InlineData("He talked about prisons in the documentary “13th” last year.")] // a word that introduces a work
    [InlineData("The senator told viewers on “Meet the Press” that he would run.")]
    // … with "of", "for" or a comma between the word that introduces the work and its title.
    [InlineData("On this week’s broadcast of “Weekend Agenda,” the minister said the plan was fair.")]
    [InlineData("In her 2019 memoir, “Second Shift,” Dhillon wrote that nurses were leaving.")]
    [InlineData("The network released a preview clip of ‘The Long Haul’ on Friday, the producer said.")]
    public void Title_of_a_work_is_left_out_even_with_a_cue_nearby(string text)
    {
        Assert.DoesNotContain(Extractor.Analyze(text).Quotes, q => q.Kind != QuoteKind.Indirect);
    }

    [Fact]
    public void Mixed_styles_pair_when_the_closing_mark_follows_the_quote_s_punctuation()
    {
        Analysis a = Extractor.Analyze("‘We will rebuild the school,\" Mr Okafor said. \"Nobody will be left behind,’ he added.");
        Assert.Equal(["We will rebuild the school,", "Nobody will be left behind,"], a.Quotes.Where(q => q.Kind == QuoteKind.Direct).Select(q => q.Text));
    }

    [Theory]
    [InlineData("Said Nora Lindqvist, who grew up on the estate, “We were all so proud of her.”", "Nora Lindqvist")] // inverted cue, apposition, quote
    [InlineData("Because the schedule is short, explained Tomas Reyes, “the race will be over by March.”", "Tomas Reyes")] // inverted cue after a clause
    [InlineData("TURNOUT IS UP IN THE NORTH - Ingrid Holm: “The first figures look strong.”", "Ingrid Holm")] // headline, dash, name, colon
    [InlineData("Pia Novak, who sits on the board, told the Gazette, “I like the third plan best.”", "Pia Novak")] // a relative clause as apposition
    public void Speaker_before_the_quote_in_inverted_and_headline_forms(string text, string speaker)
    {
        Quote q = Assert.Single(Extractor.Analyze(text).Quotes, q => q.Kind != QuoteKind.Indirect);
        Assert.Equal(speaker, q.Speaker!.Text);
    }

    [Fact]
    public void A_straight_double_mark_after_a_word_closes_an_open_single_quote()
    {
        Analysis a = Extractor.Analyze("Police said there was ‘no evidence\" yet of a wider plot.");
        Quote q = Assert.Single(a.Quotes, q => q.Kind == QuoteKind.Mixed);
        Assert.Equal("no evidence", q.Text);
    }

    [Fact]
    public void A_surname_the_tagger_knows_is_a_speaker_at_a_sentence_start()
    {
        const string text = "Residents met on Monday.\n\nVandersloot said he would fight the plan, calling it “a disgrace to the town.”";
        Quote q = Assert.Single(Extractor.Analyze(text).Quotes, q => q.Kind == QuoteKind.Mixed);
        Assert.Equal("Vandersloot", q.Speaker!.Text);

        // Without the tagger the parse still makes the unknown capitalised word the subject of "said".
        var noTagger = ExtractorPipeline.Create(new ExtractorOptions { RecognizeEntities = false });
        Quote reported = Assert.Single(Extractor.Analyze(text, noTagger).Quotes, q => q.Kind == QuoteKind.Indirect);
        Assert.Equal("Vandersloot", reported.Speaker!.Text);
        Assert.StartsWith("he would fight the plan", reported.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expletive_it_is_no_speaker_of_a_scare_quote()
    {
        const string text = "It is strange that voters find the plan “reckless” now.";
        Assert.DoesNotContain(Extractor.Analyze(text).Quotes, q => q.Kind == QuoteKind.Mixed);
        Quote low = Assert.Single(Extractor.Analyze(text, ExtractorPipeline.Create(new ExtractorOptions { MinimumConfidence = 0 })).Quotes, q => q.Kind == QuoteKind.Mixed);
        Assert.Null(low.Speaker);
    }

    [Fact]
    public void A_dash_line_under_a_quote_signs_it()
    {
        Analysis a = Extractor.Analyze("Readers wrote in.\n\n“The ferry must keep running. It is our only link.”\n\n– Moira Galbraith, Oban.\n\nThe council meets today.");
        Quote q = Assert.Single(a.Quotes, q => q.Kind == QuoteKind.Direct);
        Assert.Equal("Moira Galbraith", q.Speaker!.Text);
        Assert.Null(q.Cue);
    }

    [Fact]
    public void Reported_clause_after_a_participle_cue_takes_the_main_clause_subject()
    {
        Quote q = Single("In an interview with a local radio station, Dana Whitlock questioned the budget, saying it would hurt every family in town.", QuoteKind.Indirect);
        Assert.Equal("it would hurt every family in town", q.Text);
        Assert.Equal("Dana Whitlock", q.Speaker!.Text);
    }
}
