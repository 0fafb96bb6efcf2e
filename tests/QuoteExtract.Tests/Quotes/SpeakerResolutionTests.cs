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
    public void A_relative_who_after_its_noun_resolves_to_it_where_the_parse_hangs_the_clause_elsewhere()
    {
        const string text = "Forty percent of tenants backed the plan, compared with 23 percent who said the rents were already too high.";
        Quote q = Assert.Single(Extractor.Analyze(text).Quotes);
        Assert.Equal(("the rents were already too high", "who", "23 percent"), (q.Text, q.Speaker?.Text, q.Speaker?.Name));
    }

    [Theory]
    // A time phrase after its preposition between the speaker and the cue is when, not who.
    [InlineData("Helen Marsh, who has in the past described the levy as \u201Ca tax on the poor,\u201D voted for it on Monday.", "a tax on the poor,", "Helen Marsh")]
    [InlineData("Tom Reed in recent weeks has called the plan \u201Ca betrayal of the tenants.\u201D", "a betrayal of the tenants.", "Tom Reed")]
    // A place and its province or state between the commas of an apposition are one phrase, not the speaker.
    [InlineData("Maria Lopez, of Tampa, Fla., said the water rose within minutes.", "the water rose within minutes", "Maria Lopez")]
    [InlineData("Dana Pike, 45, a nurse from Mississauga, Ont., called it \u201Cthe longest night of my life.\u201D", "the longest night of my life.", "Dana Pike")]
    public void A_phrase_of_time_or_place_before_the_cue_is_no_speaker(string text, string quote, string name)
    {
        Quote q = Assert.Single(Extractor.Analyze(text).Quotes);
        Assert.Equal((quote, name), (q.Text, q.Speaker?.Name));
    }

    [Fact]
    public void A_name_the_article_writes_with_its_province_is_a_place_wherever_the_tagger_reads_a_person()
    {
        const string text = "Evacuation order issued near Salmon Arm\n\nSALMON ARM, B.C. \u2014 Crews were pulled back on Saturday, fire officer Tom Reed said.\n\n\u201CWe let the aircraft work,\u201D Reed said. He said the fire was human-caused.";
        Analysis a = Extractor.Analyze(text);
        Assert.DoesNotContain(a.People, p => p.Name.Contains("Salmon", System.StringComparison.OrdinalIgnoreCase));
        Assert.All(a.Entities.Where(e => e.Text.Equals("Salmon Arm", System.StringComparison.OrdinalIgnoreCase)), e => Assert.Equal(EntityType.Location, e.Type));
        Assert.All(a.Quotes, q => Assert.Equal("Tom Reed", q.Speaker?.Name));
        Assert.StartsWith("Crews were pulled back", a.Quotes[0].Text, System.StringComparison.Ordinal); // after the dateline
    }

    [Theory]
    // "Who" stands for a person: not the place or organisation that ends the apposition before it.
    [InlineData("The panel also heard from Lena Sorensen, a soil scientist with the Northern Crops Institute in Brandon, who said the trials had been too short.", "trials had been too short", "Lena Sorensen")]
    [InlineData("The board heard from Omar Haddad, a planner at the Halton Region office in Oakville, who said the forecast was out of date.", "forecast was out of date", "Omar Haddad")]
    // … but not for a thing the organisation is the source of: the organisation speaks.
    [InlineData("The decision follows a complaint from the Canadian Civil Liberties Association, who said the policy was unconstitutional.", "policy was unconstitutional", "Canadian Civil Liberties Association")]
    public void A_relative_who_after_a_place_stands_for_the_person_the_phrase_describes(string text, string fragment, string name) =>
        Assert.Equal(name, QuoteWith(Extractor.Analyze(text), fragment).Speaker?.Name);

    [Fact]
    public void A_relative_who_after_an_age_between_commas_resolves_to_the_name_before_it()
    {
        const string text = "Ames, 56, who has served on the committee for a decade, told the paper's weekly video series it is clear that the money came from abroad.";
        Quote q = Assert.Single(Extractor.Analyze(text).Quotes);
        Assert.Equal(("it is clear that the money came from abroad", "Ames"), (q.Text, q.Speaker?.Name));
    }

    [Fact]
    public void Names_coordinated_as_the_subject_speak_together_and_each_is_quoted()
    {
        const string text = "Ann Pike and Tom Reed said the plan would fail.\n\nOfficials disagreed.";
        Analysis a = Extractor.Analyze(text);
        Quote q = Assert.Single(a.Quotes);
        Assert.Equal(("Ann Pike and Tom Reed", "Ann Pike and Tom Reed"), (q.Speaker?.Text, q.Speaker?.Name));
        Assert.Equal(["Ann Pike", "Tom Reed"], a.People.Where(p => p.Quotes.Length > 0).Select(p => p.Name).Order());
    }

    [Fact]
    public void Names_inside_a_clause_are_no_coordinated_subject()
    {
        const string text = "The club thanked Ann Pike and Tom Reed said the vote was fair.";
        Quote q = Assert.Single(Extractor.Analyze(text).Quotes);
        Assert.Equal("Tom Reed", q.Speaker?.Name);
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
    // A capitalised role after "the" is a role, not a name (The Liberal MP), and goes on with its holder.
    [InlineData("Gordon Yee, the Liberal MP for Kingsway, raised the issue with the minister.\n\nThe Liberal MP said: \u201CWe need some flexibility.\u201D",
        "The Liberal MP", "Gordon Yee")]
    // An age as a noun is the person the article gave that age, not the last speaker.
    [InlineData("Robert Hale, 61, and his son Liam Hale, 34, were sentenced on Tuesday. Their lawyer, Ann Pike, said they accepted the ruling.\n\n\u201CI knew it was wrong,\u201D the 34-year-old said.",
        "the 34-year-old", "Liam Hale")]
    // A noun of occupation the speaker lexicon's own list lacks (person-nouns.txt) goes on with the last speaker.
    [InlineData("The director, Ann Pike, said the cast had rehearsed for a year.\n\nBohdan Lund, who plays the neighbour, said the role was the hardest of his career.\n\n\u201CEvery night I feel it,\u201D the actor said.",
        "the actor", "Bohdan Lund")]
    // A role given after "is" or "was" (Tom Baker is the reeve of …), not the speaker before.
    [InlineData("\u201CWe stayed patient,\u201D said Jenna Moss after the final.\n\nTom Baker is the reeve of Hollow Creek.\n\n\u201CThe roads are our first priority,\u201D the reeve said.",
        "the reeve", "Tom Baker")]
    public void Role_noun_resolves_to_the_role_introduced_earlier(string text, string mention, string name)
    {
        Quote q = Assert.Single(Extractor.Analyze(text).Quotes, x => x.Kind == QuoteKind.Direct && x.Speaker?.Text == mention);
        Assert.Equal(name, q.Speaker!.Name);
    }

    [Theory]
    // Of two people of one surname, an honorific chooses by gender (Mr. Brar is not his daughter Jasmine), even outside the tagged name …
    [InlineData("Jasmine Brar, 34, and her father, Harjit Brar, lost their home in the flood.\n\nMs. Brar testified that the family never heard a siren.\n\nMr. Brar told reporters he still does not feel safe in the house.",
        "he still does not feel", "Harjit Brar", PersonGender.Male)]
    [InlineData("Jasmine Brar, 34, and her father, Harjit Brar, lost their home in the flood.\n\nMs. Brar testified that the family never heard a siren.\n\nMr. Brar told reporters he still does not feel safe in the house.",
        "never heard a siren", "Jasmine Brar", PersonGender.Female)]
    // … and so does the pronoun that follows the surname in its clause (Arsenault said he …: not his wife, named last) …
    [InlineData("Speed skater Mathieu Arsenault retired on Tuesday after 12 seasons on the national team.\n\nArsenault said the decision had been hard.\n\n\u201CHe's going to be home for dinner every night,\u201D said Claudine Arsenault, a physiotherapist who met her husband in 2016.\n\nArsenault said he planned to move back to Quebec with his wife.",
        "move back to Quebec", "Mathieu Arsenault", PersonGender.Male)]
    // … and a surname of two words passes over the relative who shares it (Van Dusen's father, Pieter Van Dusen).
    [InlineData("Melissa Van Dusen, a former school principal, won the seat on Monday.\n\nVan Dusen's father, Pieter Van Dusen, a retired dairy farmer, said he had never expected his daughter to go into politics.\n\nVan Dusen said she would push for a new MRI machine at the hospital.",
        "new MRI machine", "Melissa Van Dusen", PersonGender.Female)]
    // Review: a title that fits no one by the name lists (Lindsey, a woman's name to them) still means the one person of the name …
    [InlineData("Senator Lindsey Graham criticized the bill on Tuesday. Graham, a Republican from South Carolina, has opposed it for months.\n\nMr. Graham said he would vote against the measure.",
        "vote against", "Lindsey Graham", PersonGender.Male)]
    // … a pronoun after another's possessive is no evidence (her husband hoped he …) …
    [InlineData("Councillor Mary Tremblay spoke at the meeting on Tuesday. Her husband, Robert Tremblay, is recovering in hospital after a fall last week.\n\nTremblay said her husband hoped he would be home by Friday.",
        "hoped he would", "Mary Tremblay", PersonGender.Female)]
    // … and a sentence's last word before its full stop is no title of the next sentence's first name (… Stephen King. Smith said she …).
    [InlineData("Librarian Mary Smith and her husband, John Smith, opened a bookstore in Guelph this spring. Her favourite author is Stephen King. Smith said she has read all of his novels twice.",
        "read all of his novels", "Mary Smith", PersonGender.Female)]
    public void A_surname_two_people_share_goes_to_the_one_its_title_or_pronoun_fits(string text, string clause, string name, PersonGender gender)
    {
        Quote q = Assert.Single(Extractor.Analyze(text).Quotes, x => x.Text.Contains(clause, StringComparison.Ordinal));
        Assert.Equal(name, q.Speaker!.Name);
        Assert.Equal(gender, q.Speaker.Gender);
    }

    [Theory]
    // Review: a former holder is not the role's holder; a past "was" gives no role now; a possessive age is someone else's
    // relative; an age two people have, or one "a 19-year-old driver" took in between, names no one.
    [InlineData("Elmvale council voted Tuesday to close the public library. Mayor Linda Chu cast the deciding vote.\n\nTom Baker is a former mayor of the town. He called the decision short-sighted.\n\n\u201CThe library costs too much to run,\u201D the mayor said after the meeting.",
        "costs too much", "Linda Chu")]
    [InlineData("Jim Lowe, the coach of the Brandon Wheat Kings, spoke to reporters on Friday about the late Tom Baker.\n\n\u201CHe taught me everything,\u201D Lowe said. Tom Baker was the coach of the team for 20 years.\n\n\u201CWe play for him on Saturday,\u201D the coach said.",
        "We play for him", "Jim Lowe")]
    [InlineData("Liam Ortiz, 17, was injured in a crash on Highway 2 on Saturday night. His mother, Rosa Ortiz, drove from Red Deer to be with him.\n\n\u201CHe is a fighter,\u201D the 17-year-old\u2019s mother said.",
        "He is a fighter", "Rosa Ortiz")]
    [InlineData("Brandon curler Jenna Moss, 19, won the provincial junior title on Sunday.\n\nPolice said a 19-year-old driver was arrested after a crash on Highway 10 on Monday night.\n\n\u201CI was texting,\u201D the 19-year-old driver told officers.",
        "I was texting", null)]
    public void A_role_or_age_names_no_one_it_does_not_fit(string text, string quote, string? name)
    {
        Quote q = Assert.Single(Extractor.Analyze(text).Quotes, x => x.Kind == QuoteKind.Direct && x.Text.Contains(quote, StringComparison.Ordinal));
        if (name is null)
        {
            Assert.NotEqual(SpeakerNameKind.Name, q.Speaker!.NameKind);
        }
        else
        {
            Assert.Equal(name, q.Speaker!.Name);
        }
    }

    [Fact]
    public void An_age_before_a_role_is_the_person_given_that_age()
    {
        const string text = "Jenna Moss, 19, and Carla Dunn, 27, led their rinks into the final in Brandon on Sunday.\n\n" +
            "\u201CWe stayed patient and made our shots,\u201D the 19-year-old skip said.";
        Quote q = Assert.Single(Extractor.Analyze(text).Quotes);
        Assert.Equal("Jenna Moss", q.Speaker!.Name);
        Assert.Equal(SpeakerNameKind.Name, q.Speaker.NameKind);
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

    [Fact]
    public void A_laugh_after_an_adjective_is_a_noun_and_no_cue()
    {
        // said with a small laugh: the quote after it goes on with the speaker, not with "a small" laughing.
        const string text = "Ruth Pellerin, 70, has shovelled her own driveway for 40 years.\n\n\u201CI\u2019ve got the time now,\u201D she said with a small laugh. \u201CThe doctor says I\u2019m not allowed to shovel.\u201D";
        Quote q = QuoteWith(Extractor.Analyze(text), "not allowed to shovel");
        Assert.Equal("Ruth Pellerin", q.Speaker?.Name);

        // Right after the quote, inverted, it is the cue.
        Assert.Equal("Mary Jones", QuoteWith(Extractor.Analyze("\u201CI never expected this,\u201D laughs Mary Jones, a teacher in Halifax."), "never expected").Speaker?.Name);
        Assert.Equal("Tom Brown", QuoteWith(Extractor.Analyze("\u201CWe will keep going,\u201D sighs coach Tom Brown."), "keep going").Speaker?.Name);
    }

    [Fact]
    public void A_name_between_an_article_and_its_noun_is_no_person_a_pronoun_means()
    {
        // The Harbourview emergency department: a name that modifies a noun; "he" is the man introduced before it.
        const string text = "The emergency department at Harbourview Memorial Hospital closed 30 times last year.\n\n"
            + "For Walter Comeau, 74, the numbers are personal. On the night of Jan. 9, his wife, Marie Comeau, woke with chest pain. The Harbourview emergency department, five minutes from their house, was closed.\n\n"
            + "He said he called 911 and waited 50 minutes for an ambulance.\n\nHarbourview Memorial serves about 9,000 people along the coast.";
        Assert.Equal("Walter Comeau", QuoteWith(Extractor.Analyze(text), "called 911").Speaker?.Name);
    }

    [Fact]
    public void A_pronoun_before_a_name_in_its_sentence_gives_that_name_no_gender()
    {
        // She credited her predecessor, Robert Giguère: "she" and "her" mean the mayor, so the "she" after is hers too.
        const string text = "Gatineau Mayor Chantal Roy, who spoke before the minister, said the city has roughly 4,000 units approved. She credited her predecessor, Robert Giguère, with pushing the province to streamline approvals years ago.\n\n"
            + "\u201CIf this money helps even a third of those projects, that is a real difference for us,\u201D she said.";
        Analysis a = Extractor.Analyze(text);
        Assert.Equal(("Chantal Roy", PersonGender.Female), (QuoteWith(a, "real difference").Speaker?.Name, QuoteWith(a, "real difference").Speaker!.Gender));
        Assert.Equal(PersonGender.Male, Assert.Single(a.People, p => p.Name == "Robert Giguère").Gender);

        // A pronoun in a phrase set off by a comma right before the name may be theirs.
        Analysis b = Extractor.Analyze("Mark Patel, 41, was charged in 2023 after a crash in Hamilton.\n\nDespite her injury, Jordan Ellis finished the race on Sunday. She was later treated in hospital.\n\n\u201CIt was a hard day,\u201D Ellis said.");
        Assert.Equal(PersonGender.Female, QuoteWith(b, "hard day").Speaker!.Gender);
    }

    [Fact]
    public void A_pronoun_does_not_take_a_speaker_whose_role_word_tells_the_other_gender()
    {
        // His daughter promised: a speaker whose noun says she is a woman (the one introduced with "her father"); "he"
        // goes on with the father.
        const string text = "Tala, directed by Amina Warsame, 29, follows her father, Yusuf Warsame, on his night shifts.\n\n"
            + "Yusuf Warsame, 61, sat in the front row. He said he had agreed to the project only after his daughter promised that the faces of his passengers would be blurred.\n\n"
            + "\u201CI told her, these people trust me,\u201D he said, laughing.";
        Quote q = QuoteWith(Extractor.Analyze(text), "people trust me");
        Assert.Equal(("Yusuf Warsame", PersonGender.Male), (q.Speaker?.Name, q.Speaker!.Gender));
        Quote promised = Assert.Single(Extractor.Analyze(text).Quotes, x => x.Text.StartsWith("the faces", StringComparison.Ordinal));
        Assert.Equal(("Amina Warsame", PersonGender.Female), (promised.Speaker?.Name, promised.Speaker!.Gender)); // (follows her father, Yusuf Warsame)
    }

    [Fact]
    public void A_title_after_a_place_in_a_long_name_run_is_the_role_the_article_calls_them_by()
    {
        const string text = "Birch Hollow Fire Chief Dwayne Morin said crews had set up sprinklers on homes.\n\n\u201CIf the fire gets here, we want every roof wet,\u201D the fire chief said.";
        Assert.Equal("Dwayne Morin", QuoteWith(Extractor.Analyze(text), "every roof wet").Speaker?.Name);

        // Not a title-case headline that joins two people: the premier stays the premier, not the minister.
        Assert.NotEqual("Adrian Dix", QuoteWith(Extractor.Analyze("Premier Eby Praises Minister Adrian Dix\n\n\u201CHe has done the work,\u201D the premier said."), "done the work").Speaker?.Name);
    }

    [Theory]
    // A role noun goes to the person introduced with that title, past the modifiers before it.
    [InlineData("Professor Hans Keller of the technical university showed the figures to the committee on Tuesday.\n\n\u201CI don\u2019t know any carmaker that makes money in this category,\u201D the lanky, bespectacled professor said.", "carmaker", "professor", "Hans Keller")]
    // A pronoun goes to the person the sentence before introduced, past one of the other gender.
    [InlineData("The clinic\u2019s manager, Helen Walsh, arranged a week-long trial for local accountant David Bakare, 50.\n\n\u201CI had a gym membership, but this programme really helped me build a habit,\u201D he says.", "gym membership", "he", "David Bakare")]
    // A surname no list knows, opening the sentence before as its subject.
    [InlineData("Whitcombe, a cardiologist, reviewed the files. \u201CThe numbers speak for themselves,\u201D she said.", "numbers speak", "she", "Whitcombe")]
    [InlineData("Mayor Linda Osei opened the new library on Saturday. \u201CEvery child in this town deserves a place like this,\u201D she said.", "Every child", "she", "Linda Osei")]
    // A short form of a role goes to the holder introduced with the role just before.
    [InlineData("Prime Minister Boris Johnson spoke to reporters on Monday. The PM said the talks had been constructive.", "talks had been constructive", "The PM", "Boris Johnson")]
    // A pronoun after a quote of two sentences: the person introduced before the quote, not the last speaker.
    [InlineData("Lynx force Game 7\n\n\u201CWe never stopped believing,\u201D said Helen Marsh, the home captain.\n\nVisiting coach Ann Pike did not hide her frustration after the game.\n\n\u201CWe stopped skating. Simple as that,\u201D she said.",
        "stopped skating", "she", "Ann Pike")]
    // What the text says of a gender outweighs the name list (Tobi is a woman's name on the census list; his frustration says otherwise).
    [InlineData("Lynx force Game 7\n\n\u201CWe never stopped believing,\u201D said Mark Hale, the home captain.\n\nVisiting coach Tobi Lund did not hide his frustration after the game.\n\n\u201CWe stopped skating,\u201D Lund said. He said the team would regroup on Monday.",
        "regroup", "He", "Tobi Lund")]
    // An age: the person the sentence before introduced, in both parts of a split quote, before one given that age …
    [InlineData("Fire officer Ann Pike, 34, said the crews had pulled back.\n\nJarrod Lund loaded his mother and two dogs into his truck.\n\n\u201CYou grab what you can't replace,\u201D the 34-year-old said. \u201CEverything else is just stuff.\u201D",
        "grab what", "the 34-year-old", "Jarrod Lund")]
    [InlineData("Fire officer Ann Pike, 34, said the crews had pulled back.\n\nJarrod Lund loaded his mother and two dogs into his truck.\n\n\u201CYou grab what you can't replace,\u201D the 34-year-old said. \u201CEverything else is just stuff.\u201D",
        "just stuff", "the 34-year-old", "Jarrod Lund")]
    // A surname that is also a given name (Paul) tells no gender of its own: the full name's first word does, or the pronouns.
    [InlineData("\u201CWe were nearly done,\u201D said festival director Maria Lopes.\n\nThe mural is the work of Kesalk Paul, a Mi\u2019kmaw artist from the valley. Paul said the piece took eight months.\n\n\u201CEvery one of these nets was killing something,\u201D she said.",
        "Every one", "she", "Kesalk Paul")]
    // A role word that is a possessor in an apposition (who is the chief's niece) gives the name no role.
    [InlineData("Chief Ada Moose said the plant had failed in April.\n\n\u201CEvery family here has a routine now,\u201D the chief said.\n\nRita Moose, who is the chief\u2019s niece, said her daughter had been treated twice for rashes. Rita Moose said the water still smelled of chlorine.",
        "Every family", "the chief", "Ada Moose")]
    // An institution's role (the agency's director) is the person introduced with that role, even after.
    [InlineData("The food bank\u2019s shelves were empty by noon on Friday, a sight the agency\u2019s director says has become common since spring.\n\n\u201CWe were built for 300 families a week,\u201D said executive director Nadia Okoro.",
        "has become common", "the agency\u2019s director", "Nadia Okoro")]
    // An organisation's own document speaks for it (according to the council's report).
    [InlineData("The Halton District School Board and the Halton Regional Council met on Monday.\n\nThe bridge will need $40 million in repairs, according to the council\u2019s report.",
        "need $40 million", "the council\u2019s report", "Halton Regional Council")]
    // A notice the article says an organisation spoke in speaks for it.
    [InlineData("In a notice posted on Monday, Transport Canada said the bridge inspections were overdue.\n\n\u201COwners must complete the work within 30 days,\u201D the notice said.",
        "Owners must", "the notice", "Transport Canada")]
    [InlineData("In a notice posted on Monday, Transport Canada said the bridge inspections were overdue.\n\nThe department said no bridge had been closed.\n\n\u201COwners must complete the work within 30 days,\u201D the notice said.",
        "Owners must", "the notice", "Transport Canada")]
    // … with no age given, the person the sentence before spoke of as he or she (the story is on them) …
    [InlineData("Tenant organiser Rita Moss called the notices unfair. Moss said the group had filed 12 disputes.\n\nOwen Dyck lives on the second floor with his two sons. He said the family had found nothing they could afford.\n\n\u201CWhere do we go?\u201D the 41-year-old said.",
        "Where do we go", "the 41-year-old", "Owen Dyck")]
    // … or by name …
    [InlineData("Tenant organiser Rita Moss called the notices unfair. Moss said the group had filed 12 disputes.\n\nOwen Dyck, a retired welder, told council he now takes two buses and a taxi home.\n\n\u201CSome nights the taxi costs more than I made,\u201D the 66-year-old said.",
        "Some nights", "the 66-year-old", "Owen Dyck")]
    // … and with no age given and a speaker named with a role in the sentence before, the person the article names most.
    [InlineData("Ottawa poet Ada Lund has won the prize.\n\n\u201CI wrote it on the bus,\u201D Lund said.\n\nJury chair Tom Reed said: \u201CWe were unanimous.\u201D\n\nThe 29-year-old said: \u201CNow I can pay my rent.\u201D",
        "pay my rent", "The 29-year-old", "Ada Lund")]
    // A law in the sentence before is nobody (the Youth Criminal Justice Act, a person through the title Justice).
    [InlineData("Kozak said two boys were arrested a few blocks away.\n\n\u201CHe was able to call 911 himself,\u201D Sgt. Dana Kozak told reporters. They cannot be named under the Youth Criminal Justice Act. She said the charges include robbery.",
        "include robbery", "She", "Dana Kozak")]
    // A possessor is not who the sentence before introduced (Minh's mother, Linh Tran, …).
    [InlineData("Driver sentenced\n\nMinh Tran, 16, was killed on his bike in 2024.\n\nMinh's mother, Linh Tran, held a framed photo of her son as she spoke outside the courthouse.\n\n\u201CMy son got sixteen,\u201D she said.",
        "got sixteen", "she", "Linh Tran")]
    // A gendered noun whose apposition is the name outweighs pronouns near it that are another's.
    [InlineData("Kendra Loewen, a grower near Kensington, has lobbied the province for years.\n\nHer father, Ronald Loewen, ran the farm for 40 years before handing it to her in 2019. She said he has never seen a summer this dry.",
        "never seen a summer", "She", "Kendra Loewen")]
    // A title on a later mention tells the gender of the first (Sami, a woman's name on a list; Mr. Haddad).
    [InlineData("Mireille Ouimet founded the firm in 2021 with Sami Haddad, its chief technology officer. Mr. Haddad said the models are now accurate.\n\nShe said the company plans to expand into pulse crops next year.",
        "pulse crops", "She", "Mireille Ouimet")]
    // The pronoun after the quote that follows a person's only sentence tells their gender (Sasha, a woman's name on a list).
    [InlineData("Dock workers said they would strike.\n\nPort spokesperson Gary Lind said the offer was final.\n\nCouncil spokesperson Sasha Dimitrov insisted that the proposal protects every job.\n\n\u201CEvery day of uncertainty pushes cargo south,\u201D he said.",
        "cargo south", "he", "Sasha Dimitrov")]
    // … and past a sentence wholly in quote marks, when the pronoun opens a sentence that names someone after it.
    [InlineData("Dr. Kenji Hall said the staff were exhausted.\n\nMayor Lindsay Drummond said the closure puts lives at risk.\n\n\u201CIf you have a heart attack at 2 a.m., that half-hour matters,\u201D Drummond said. \u201CIt could be the difference.\u201D\n\nHe said council will write to Health Minister Patricia Osei.",
        "council will write", "He", "Lindsay Drummond")]
    // A title the role nouns have no word for: Justice X is the judge (role-short-forms.txt: judge → justice), also after a court's name.
    [InlineData("Justice Miriam Okafor denied bail on Tuesday to a man charged with a string of break-ins.\n\n\u201CThe risk to the public is too high,\u201D the judge said.",
        "risk to the public", "the judge", "Miriam Okafor")]
    [InlineData("Provincial Court Justice Tomas Reyes ordered the files sealed.\n\nThe judge said the children\u2019s names must never be published.",
        "names must never be published", "The judge", "Tomas Reyes")]
    // A curling skip introduced by her title.
    [InlineData("Skip Dana Whitlock and her rink won the provincial final in an extra end.\n\n\u201CWe just kept throwing,\u201D the skip said.",
        "kept throwing", "the skip", "Dana Whitlock")]
    // The agency: a federal agency named as Canada names them, not a body "of Canada" named nearer.
    [InlineData("Statistics Canada released its survey on Friday. The Bank of Canada meets next week.\n\nThe agency said unemployment rose to 6.9 per cent in October.",
        "unemployment rose", "The agency", "Statistics Canada")]
    // A noun that stands for a company (company-nouns.txt) is the company named before, wherever it is based.
    [InlineData("Brightline Foods Inc. reported higher sales on Monday.\n\nThe Winnipeg-based retailer said it would close 12 stores.",
        "close 12 stores", "The Winnipeg-based retailer", "Brightline Foods Inc.")]
    // Two holders of a role: the one introduced in the paragraph before is meant, though the article names the other more.
    [InlineData("Hawks coach Dana Pike said her team was lucky to be in the game.\n\n\u201CWe were second on every puck,\u201D the coach said.\n\nVisiting coach Tomas Reyes told reporters his team stopped skating.\n\n\u201CWe got what we deserved,\u201D Reyes said.\n\nReyes said the goalie had been his best player all month.",
        "second on every puck", "the coach", "Dana Pike")]
    // A possessive that speaks (her claim that S) stands for the person its pronoun would.
    [InlineData("Mara Quill has fished mackerel off Cape Breton for 30 years.\n\nHer claim that seals are driving the decline is widely shared on the wharves.",
        "seals are driving", "Her", "Mara Quill")]
    // An institution's noun inside an organisation's name is no title: the union is the Saskatchewan Union of Nurses.
    [InlineData("The Saskatchewan Union of Nurses served strike notice on Tuesday.\n\nThe union said the offer would still leave nurses earning less than in Alberta.",
        "earning less", "The union", "Saskatchewan Union of Nurses")]
    // A spokesperson for an organisation speaks for it, and so does "the spokesperson" after; not a named person's apposition.
    [InlineData("Clinics are full.\n\nA spokeswoman for the provincial Ministry of Health said 300,000 people had been connected to care teams.\n\n\u201CWe know there is more work to do,\u201D the spokeswoman said.",
        "more work to do", "the spokeswoman", "Ministry of Health")]
    [InlineData("Leah Moss, a spokesperson for Harbour Ferries, said sailings would resume on Friday.\n\n\u201CWe apologize to every passenger,\u201D the spokesperson said.",
        "every passenger", "the spokesperson", "Leah Moss")]
    // A role from a place (the skip from Brandon): the role's holder speaks, not the place, and the holder introduced two
    // paragraphs before is meant though the article names another skip more.
    [InlineData("Alberta skip Mei Tanaka won the title.\n\n\u201CI just threw it,\u201D Tanaka said. Tanaka's rink went 9-1. Tanaka thanked her coach.\n\nManitoba skip Dana Roy missed her last shot.\n\n\u201CIt was a little thin,\u201D Roy said.\n\nThe skip from Brandon said the loss would sting for a while.",
        "sting for a while", "The skip from Brandon", "Dana Roy")]
    // An inverted relative named in apposition right after the cue: their daughter, Vy Tran, 20.
    [InlineData("Minh Tran, 58, was killed on Friday.\n\n\u201CMy dad worked nights so I could go to school,\u201D said their daughter, Vy Tran, 20.",
        "worked nights", "their daughter", "Vy Tran")]
    // The possessor who opens the sentence before, when the possessive phrase names no one the pronoun could be.
    [InlineData("\u201CWe were told nothing,\u201D said Chidi Obi, whose father lives there.\n\nGilles Roy's 89-year-old mother lives on the third floor. He said he learned about the outbreak from a cousin.",
        "from a cousin", "He", "Gilles Roy")]
    // A company noun inside a place's name is no title: Bank Street is no person the premier could be.
    [InlineData("On Bank Street, Thuy Pham said the shops were busy.\n\nThe premier said the plan would work.",
        "plan would work", "The premier", "premier")]
    // A company noun for the one company named, a company's words (Financial, Group) in its name notwithstanding.
    [InlineData("TORONTO \u2014 Laurentide Financial Group Inc. says its first-quarter profit rose nine per cent.\n\nThe bank said it earned $1.18 billion for the quarter.",
        "earned $1.18 billion", "The bank", "Laurentide Financial Group Inc.")]
    public void A_pronoun_or_role_resolves_to_the_person_the_article_introduced(string text, string fragment, string mention, string name)
    {
        Quote q = QuoteWith(Extractor.Analyze(text), fragment);
        Assert.Equal(mention, q.Speaker?.Text);
        Assert.Equal(name, q.Speaker?.Name);
    }

    [Theory]
    [InlineData("The robbery lasted less than 90 seconds, according to Const. Manpreet Gill.", "Const. Manpreet Gill", "Manpreet Gill")] // a title the parse left alone
    [InlineData("The robbery lasted less than 90 seconds, according to police Const. Manpreet Gill.", "police Const. Manpreet Gill", "Manpreet Gill")] // "according" hung on a modifier
    [InlineData("Manitoba’s minister of emergency management, Harjit Sidhu, said the province was ready.", "Harjit Sidhu", "Harjit Sidhu")] // a role of a field, then the name
    [InlineData("B.C.’s minister of forests, Harjit Sidhu, said the province was ready.", "Harjit Sidhu", "Harjit Sidhu")]
    // A person's name before "of" and the organisation they work for: the person speaks.
    [InlineData("Marine biologist Hana Ito of Dalhousie University said the closure was necessary.", "Marine biologist Hana Ito of Dalhousie University", "Hana Ito")]
    [InlineData("Analyst Petra Novak of Desjardins Capital Markets said the layoffs were a sign of more cuts.", "Analyst Petra Novak of Desjardins Capital Markets", "Petra Novak")]
    public void The_speaker_phrase_reaches_the_name(string text, string mention, string name)
    {
        Quote q = Assert.Single(Extractor.Analyze(text).Quotes);
        Assert.Equal((mention, name), (q.Speaker?.Text, q.Speaker?.Name));
    }

    [Fact]
    public void A_title_before_another_role_is_not_that_role()
    {
        // Justice Minister X is no judge: the judge stays a role the article never named.
        const string text = "Justice Minister Arif Virani tabled the bill on Monday.\n\n\u201CThe law was written for another century,\u201D the judge said.";
        Quote q = QuoteWith(Extractor.Analyze(text), "another century");
        Assert.Equal("judge", q.Speaker?.Name);
    }

    [Fact]
    public void A_pronoun_in_a_sentence_that_names_a_person_only_by_a_role_tells_nothing_of_their_gender()
    {
        // "The judge said he would be barred": he is the accused; the judge's first name says she is a woman.
        const string text = "Kelvin Marsh, 54, pleaded guilty to fraud.\n\nOntario Court Justice Anne-Sophie Lalonde delivered the sentence on Tuesday.\n\n"
            + "The judge said he would be barred from handling money for any charity.";
        Analysis a = Extractor.Analyze(text);
        Assert.Equal("Anne-Sophie Lalonde", QuoteWith(a, "handling money").Speaker?.Name);
        Assert.Equal(PersonGender.Female, a.People.Single(p => p.Name == "Anne-Sophie Lalonde").Gender);
    }

    [Fact]
    public void A_pronoun_opening_a_sentence_that_names_the_same_person_tells_nothing_of_their_gender()
    {
        // She, before Trump in the second sentence, is Ginsburg: it says nothing of the man the sentence before named alone.
        const string text = "Justice Ruth Ginsburg said she could not imagine it.\n\nIn a later interview, she joked about moving abroad if Donald Trump is elected. "
            + "She escalated her criticism on Tuesday, telling CNN that Trump is a faker.\n\nTrump said the justice should resign.";
        Analysis a = Extractor.Analyze(text);
        Assert.Equal(PersonGender.Male, a.People.Single(p => p.Name == "Donald Trump").Gender);
        Assert.Equal("Ruth Ginsburg", QuoteWith(a, "faker").Speaker?.Name);
    }

    [Theory]
    // A surname alone means the person the story is about, not the relative named beside them …
    [InlineData("Beaded portraits by Tanis Kakekayash hang in the gallery.\n\nThe moccasins belonged to Tanis Kakekayash\u2019s grandmother, Sophia Kakekayash.\n\nKakekayash, 38, learned to bead at her grandmother\u2019s table.\n\n\u201CShe would pull out my stitches,\u201D Kakekayash said.",
        "pull out my stitches", "Tanis Kakekayash")]
    // … a relative introduced by a given name alone too (with his daughter, Brynn), named in full only later …
    [InlineData("\u201CYou\u2019re selling the future,\u201D said Wendell Sauer, who runs 300 head north of the hills with his daughter, Brynn.\n\nSauer said he had already sold a third of his herd.\n\nBrynn Sauer, 27, said the dugouts had gone dry.",
        "sold a third", "Wendell Sauer")]
    // … both relatives an owner's kin noun introduces (her parents, X and Y), though they are named more often; and a
    // pronoun after the surname goes on with the person it meant …
    [InlineData("MONTREAL \u2014 Marie Thibault touched the wall and looked at the scoreboard.\n\n\u201CI saw the time and thought it was a mistake,\u201D Thibault said.\n\n"
        + "Her parents, Réjean Thibault and Nathalie Thibault, watched from the stands.\n\n\u201CWhen she was little, a doctor told us swimming would help,\u201D Réjean Thibault said.\n\n"
        + "Nathalie Thibault said she had been too nervous to watch.\n\nThibault said she planned to celebrate with a poutine.\n\n\u201CI\u2019m not even tired,\u201D she said.",
        "not even tired", "Marie Thibault")]
    // … but not those an article introduces as the story's own (the parents, X and Y Khan: a surname alone is then theirs).
    [InlineData("The confrontation between the parents, Amir and Leila Haddad, and the senator has grown.\n\nMs. Haddad said she had not spoken because she could not stay composed talking about her son, Sami Haddad.\n\n\u201CI am a mother,\u201D Ms. Haddad said.",
        "I am a mother", "Leila Haddad")]
    // … unless the text says which of them (the elder X).
    [InlineData("Danielle Ostrowski won the title on Sunday.\n\nHer father, Walter Ostrowski, taught her to curl when she was six.\n\n\u201CI couldn\u2019t look,\u201D the elder Ostrowski admitted.",
        "couldn\u2019t look", "Walter Ostrowski")]
    // A given name alone is the one person the article gave it to (a child, named as family are).
    [InlineData("Mateo Ortiz set up a lemonade stand last month.\n\nMateo\u2019s sister, Isabela Ortiz, 6, uses a power wheelchair.\n\nIsabela, who helps by ringing a bell at passing cars, said the strawberry lemonade sells best.",
        "strawberry lemonade", "Isabela Ortiz")]
    // "his daughter" is the relative the article named with that noun.
    [InlineData("Lorne Hiltz, 78, relies on the ferry to get to dialysis.\n\nHis daughter, Carla Hiltz, has been picking him up by boat.\n\nLorne Hiltz declined to be interviewed, but his daughter said he has been \u201Ca good sport about the whole thing.\u201D",
        "good sport", "Carla Hiltz")]
    // "his daughter" is the woman introduced with "her father" (X came with her father, Y).
    [InlineData("Rosalie Gagné, 34, a nurse, came to the meeting with her father, Henri Gagné, who retired from the mill in 2019.\n\n\u201CWe came through it before,\u201D said Henri Gagné.\n\nHis daughter said she had voted for the strike mandate.",
        "voted for the strike", "Rosalie Gagné")]
    // … only when the sentence names that one person before "her father": not the reporter who spoke to her.
    [InlineData("Reporter Jan Voss spoke to Ana Li and her father, Tom Li, at the hospital.\n\n\u201CShe is recovering,\u201D his daughter said.",
        "is recovering", "daughter")]
    // "her husband" is the man introduced with "his wife" (X and his wife, Y), as "his wife" is Y.
    [InlineData("Rene Theriault and his wife, Lise Theriault, spent the night at the shelter.\n\n\u201CIt sounds like gunshots,\u201D Lise Theriault said.\n\nHer husband said this storm did not compare to the last one.",
        "did not compare", "Rene Theriault")]
    public void A_surname_alone_goes_to_the_right_one_of_a_family(string text, string fragment, string name)
    {
        Quote q = QuoteWith(Extractor.Analyze(text), fragment);
        Assert.Equal(name, q.Speaker?.Name);
    }

    [Fact]
    public void An_institution_noun_far_from_the_name_goes_to_the_one_organisation_with_that_noun()
    {
        const string text = "Darren Cormier, executive director of the Cape Breton-Victoria Regional Centre for Education, told the crowd the building needs repairs.\n\n"
            + "Parents said the school matters.\n\nOne parent said the bus ride was long.\n\nAnother parent said the teachers were great.\n\nA third said nothing.\n\n"
            + "In a statement issued after the meeting, the regional centre said a final recommendation would go to the minister.";
        Quote q = QuoteWith(Extractor.Analyze(text), "final recommendation");
        Assert.Equal(("the regional centre", "Cape Breton-Victoria Regional Centre for Education"), (q.Speaker?.Text, q.Speaker?.Name));
    }

    [Theory]
    // An institution noun no name has: the organisation that spoke last, past a person quoted since.
    [InlineData("In a statement, Trails Canada said the trail would reopen in June.\n\nGuide Tomas Berg said the delay had cost him half his bookings.\n\nThe department added that a second bridge would be built next year.",
        "second bridge", "Trails Canada")]
    [InlineData("Harbourview Health said in a statement that two wards had been closed.\n\nThe health authority also said it had hired 40 nurses.",
        "hired 40 nurses", "Harbourview Health")]
    // Not an organisation whose name has another organisation's noun (the union is not the company) …
    [InlineData("The Teamsters Union said the drivers would strike on Monday.\n\nThe company said it had offered a raise of four per cent.",
        "raise of four per cent", "company")]
    // … nor one the words before the noun are not in (the outlet that reported, then the campaign).
    [InlineData("Politico reported that the senator had dropped out.\n\nThe Okafor campaign said the report was false.",
        "report was false", "Okafor campaign")]
    public void An_institution_noun_no_name_has_goes_to_the_organisation_that_spoke_last(string text, string fragment, string name)
    {
        Quote q = QuoteWith(Extractor.Analyze(text), fragment);
        Assert.Equal(name, q.Speaker?.Name);
    }

    [Theory]
    // A minister's portfolio of several words: the whole phrase is the mention, the name the person, whichever side of the cue.
    [InlineData("Fisheries and Oceans Minister Joanne Lavoie said the quota would be cut by a third.", "cut by a third", "Fisheries and Oceans Minister Joanne Lavoie", "Joanne Lavoie")]
    [InlineData("\u201CWe are looking at every option,\u201D said Transportation and Infrastructure Minister Craig Abbott.", "every option", "Transportation and Infrastructure Minister Craig Abbott", "Craig Abbott")]
    [InlineData("Transportation and Infrastructure Minister Craig Abbott was quoted as saying that his department was looking at every option.", "every option", "Transportation and Infrastructure Minister Craig Abbott", "Craig Abbott")]
    // A person's name before "of": the person, not where they work.
    [InlineData("Deputy Chief Tanya Kaizer of the Bridgetown volunteer fire department said her crews had shifted to protecting homes.", "protecting homes", "Deputy Chief Tanya Kaizer of the Bridgetown volunteer fire department", "Tanya Kaizer")]
    // … or "of" and the place they come from; not the person a role speaks for.
    [InlineData("\u201CWe will fix it,\u201D said Sen. Ada Morales of New Mexico.", "fix it", "Sen. Ada Morales of New Mexico", "Ada Morales")]
    [InlineData("A spokesman for Mayor Lena Ortiz of Cleveland said the city was ready.", "city was ready", "A spokesman for Mayor Lena Ortiz of Cleveland", "spokesman for Mayor Lena Ortiz of Cleveland")]
    // An organisation's name with a place in it, where the tagger finds only the place: the organisation.
    [InlineData("Ontario Provincial Police urged drivers to stay off untreated roads.", "untreated roads", "Ontario Provincial Police", "Ontario Provincial Police")]
    [InlineData("Manitoba RCMP said the snowmobile broke through the ice near the shore.", "broke through the ice", "Manitoba RCMP", "Manitoba RCMP")]
    // "who" after a place describes the person before it.
    [InlineData("One resident waiting at a bus stop on Victoria Street, who did not want to give her name, says she carries a frozen water bottle.", "frozen water bottle", "One resident", "resident")]
    public void A_speaker_phrase_names_the_person_in_it(string text, string fragment, string mention, string name)
    {
        Quote q = QuoteWith(Extractor.Analyze(text), fragment);
        Assert.Equal((mention, name), (q.Speaker?.Text, q.Speaker?.Name));
    }

    [Fact]
    public void A_role_in_apposition_makes_a_name_the_tagger_called_a_place_a_person()
    {
        // The tagger reads Sandeep Virk as a place; ", a technology analyst with …" says who he is: a person, the one
        // "he" means, quoted, his gender from the name lists.
        const string text = "Babatunde Adeyemi, the company\u2019s founder, said the deal was fair.\n\n"
            + "Sandeep Virk, a technology analyst with Halifax-based Fundy Ridge Capital, said the price was a good outcome for investors.\n\n"
            + "\u201CThis is a pattern,\u201D he said.";
        Analysis a = Extractor.Analyze(text);
        Assert.Equal("Sandeep Virk", QuoteWith(a, "a pattern").Speaker?.Name);
        Person virk = Assert.Single(a.People, p => p.Name == "Sandeep Virk");
        Assert.Equal(PersonGender.Male, virk.Gender);
        Assert.True(virk.IsQuoted);
    }

    [Fact]
    public void The_company_is_never_a_person_the_article_links_to_the_word()
    {
        // Who left the company links Huynh to the word; the company that speaks is still no person, but the company the
        // article names (Northvane Systems, and Northvane).
        const string text = "Northvane Systems is laying off 180 employees, the company said Thursday.\n\nNorthvane was founded by Casey Adeyemi and Thomas Huynh, who left the company in 2021.\n\nThe company said it does not expect further cuts.";
        Quote q = QuoteWith(Extractor.Analyze(text), "further cuts");
        Assert.Equal(("Northvane Systems", SpeakerNameKind.Name), (q.Speaker?.Name, q.Speaker!.NameKind));
    }

    [Fact]
    public void The_company_among_several_organisations_is_the_company_the_article_names_most()
    {
        // Two organisations, one of them a venture firm (no person, though a role noun comes before its name): the
        // company is the one named most, with its short name (Halden), in the sentence it closes and later; its name as
        // written, with its legal form.
        const string text = "Halden Robotics Inc. has closed a $40-million funding round led by Toronto venture firm Birchway Partners, the company said Thursday.\n\n"
            + "Chief executive Mira Sol said Halden will hire 60 engineers in Waterloo. Halden was founded in 2019 by Sol and two classmates.\n\n"
            + "The company said revenue doubled last year.";
        Analysis a = Extractor.Analyze(text);
        Assert.Equal("Halden Robotics Inc.", QuoteWith(a, "funding round").Speaker?.Name);
        Assert.Equal("Halden Robotics Inc.", QuoteWith(a, "revenue doubled").Speaker?.Name);
        Assert.DoesNotContain(a.People, p => p.Name.Contains("Birchway", System.StringComparison.Ordinal));
    }

    [Fact]
    public void The_company_is_the_name_an_apposition_calls_a_company_though_the_headline_read_it_as_a_person()
    {
        const string text = "Waterloo fintech Ledgerleaf lays off 40% of staff as funding dries up\n\nMira Joseph · CBC News · Posted: Mar 18, 2026 3:30 PM ET\n\n"
            + "WATERLOO, Ont. — Ledgerleaf, a Waterloo startup that makes payroll software for small businesses, has laid off about 30 per cent of its workforce, the company confirmed Wednesday.";
        Assert.Equal("Ledgerleaf", QuoteWith(Extractor.Analyze(text), "laid off about 30").Speaker?.Name);
    }

    [Fact]
    public void Police_are_the_police_force_the_article_names()
    {
        // The force named before, with the place the phrase gives when it has one; no force of that place: the phrase.
        const string text = "MONCTON, N.B. \u2014 Officers of the Codiac Regional RCMP seized fentanyl in raids on Tuesday.\n\n"
            + "Police said the drugs were worth about $240,000.\n\nThe police said three people were arrested.\n\nWinnipeg police said a man was robbed.";
        Analysis a = Extractor.Analyze(text);
        Assert.Equal("Codiac Regional RCMP", QuoteWith(a, "drugs were worth").Speaker?.Name);
        Assert.Equal("Codiac Regional RCMP", QuoteWith(a, "three people").Speaker?.Name);
        Assert.Equal("Winnipeg police", QuoteWith(a, "man was robbed").Speaker?.Name);

        // A chief named with the force's name is no force.
        Assert.Equal("Police", QuoteWith(Extractor.Analyze("Ottawa Police Service Chief Eric Stubbs spoke to reporters on Tuesday.\n\nPolice said the suspect was arrested near the market."), "suspect was arrested").Speaker?.Name);
    }

    [Fact]
    public void The_school_is_the_college_the_article_names() =>
        Assert.Equal("Northgate College", QuoteWith(Extractor.Analyze(
            "Northgate College in Brampton will suspend 38 programs, the school announced Wednesday.\n\nDr. Ada Sato, the college's president, said the cuts were painful."),
            "suspend 38 programs").Speaker?.Name);

    [Fact]
    public void The_department_is_the_federal_department_the_article_names() =>
        Assert.Equal("Transport Canada", QuoteWith(Extractor.Analyze(
            "Transport Canada ordered the ferry out of service on Monday after an inspection.\n\nThe island's mayor said residents were running short of food.\n\n"
            + "The department said a replacement vessel would arrive by Friday."),
            "replacement vessel").Speaker?.Name);

    [Theory]
    // The province that speaks is the one the article names most (its government), the territory likewise.
    [InlineData("Nova Scotia on Tuesday became the latest province to sign the deal. Ottawa will give Nova Scotia $92 million, and Quebec is still talking.\n\nThe province said in a release that 70,000 residents would benefit.",
        "70,000 residents", "Nova Scotia")]
    [InlineData("Ottawa and Nunavut signed a housing agreement on Monday in Iqaluit.\n\nThe territory said the first 40 units would be built in Iqaluit.",
        "first 40 units", "Nunavut")]
    public void The_province_is_the_one_the_article_names(string text, string fragment, string name) =>
        Assert.Equal(name, QuoteWith(Extractor.Analyze(text), fragment).Speaker?.Name);

    [Fact]
    public void The_head_of_an_institution_is_the_person_named_as_that()
    {
        const string text = "Chris Gallant, head of the union that represents paramedics, has warned of delays for months.\n\nCrews waited nine hours on Saturday, the head of the union said.";
        Assert.Equal("Chris Gallant", QuoteWith(Extractor.Analyze(text), "nine hours").Speaker?.Name);
    }

    [Fact]
    public void A_spokesperson_for_a_person_is_an_unnamed_role_not_that_person()
    {
        const string text = "West Grey Mayor Tom Reed said council will write to Health Minister Patricia Osei.\n\nIn a statement, a spokesperson for Osei said the province has added 3,000 nursing seats.";
        Quote q = QuoteWith(Extractor.Analyze(text), "nursing seats");
        Assert.Equal(("spokesperson for Osei", SpeakerNameKind.Role), (q.Speaker?.Name, q.Speaker!.NameKind));
    }

    [Theory]
    // A place that owns an organisation with a name of its own is no part of the name; a possessive in the name stays.
    [InlineData("Manitoba's Department of Families said in an email that 212 households are on the list.", "212 households", "Department of Families")]
    [InlineData("Yukon’s Ministry of Highways said the road would reopen Friday.", "road would reopen", "Ministry of Highways")]
    [InlineData("The Prime Minister's Office said the trip had been postponed.", "trip had been postponed", "Prime Minister's Office")]
    [InlineData("Quebec\u2019s Liberal Party said the bill would hurt small businesses.", "hurt small businesses", "Quebec\u2019s Liberal Party")]
    public void A_place_that_owns_an_organisation_is_no_part_of_its_name(string text, string fragment, string name) =>
        Assert.Equal(name, QuoteWith(Extractor.Analyze(text), fragment).Speaker?.Name);

    [Fact]
    public void An_organisation_with_a_possessive_in_its_name_is_no_person()
    {
        Analysis a = Extractor.Analyze("The Alberta Teachers' Association said Thursday that 91 per cent of members voted to strike.");
        Quote q = Assert.Single(a.Quotes);
        Assert.Equal("Alberta Teachers' Association", q.Speaker?.Name);
        Assert.Equal(PersonGender.Unknown, q.Speaker!.Gender);
        Assert.DoesNotContain(a.People, p => p.Name.Contains("Association", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_pronoun_goes_on_with_the_speaker_of_the_sentence_before()
    {
        const string text = "Anna Price said the plan had been agreed with Tom Hale on Friday. \u201CWe are ready,\u201D she said.";
        Assert.Equal("Anna Price", QuoteWith(Extractor.Analyze(text), "ready").Speaker?.Name);
    }

    [Fact]
    public void A_short_form_far_from_its_holder_stays_the_role()
    {
        const string text = "Prime Minister Ann Lee met the mayor.\n\nThe ferry strike began in May.\n\nTalks stalled in June.\n\nThe PM said the strike must end.";
        Quote q = QuoteWith(Extractor.Analyze(text), "strike must end");
        Assert.Equal("PM", q.Speaker?.Name);
        Assert.Equal(SpeakerNameKind.Role, q.Speaker?.NameKind);
    }

    [Fact]
    public void A_role_after_a_speaker_known_only_by_another_role_is_someone_else()
    {
        const string text = "The mayor said the bridge would close in May.\n\nThe spokeswoman said all volunteers sign a code of conduct.";
        Analysis a = Extractor.Analyze(text);
        Speaker mayor = QuoteWith(a, "bridge would close").Speaker!;
        Speaker spokeswoman = QuoteWith(a, "code of conduct").Speaker!;
        Assert.Equal("mayor", mayor.Name);
        Assert.Equal("spokeswoman", spokeswoman.Name);
        Assert.Equal(SpeakerNameKind.Role, spokeswoman.NameKind);
    }

    [Fact]
    public void A_personal_pronoun_does_not_resolve_to_a_thing_that_spoke()
    {
        const string text = "The inspection report found that most of the lifts had not been serviced.\n\nHe said the landlord would be fined.";
        Analysis a = Extractor.Analyze(text);
        Assert.Equal("inspection report", QuoteWith(a, "lifts had not").Speaker?.Name);
        Speaker he = QuoteWith(a, "would be fined").Speaker!;
        Assert.Equal("He", he.Text);
        Assert.Equal(SpeakerNameKind.Unresolved, he.NameKind);
    }
}
