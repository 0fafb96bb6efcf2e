namespace QuoteExtract.Tests.Syntax;

/// <summary>
/// Golden parses of the constructions attribution reads, on sentences written for these tests. Each case names the
/// arcs that matter as "dependent relation head" (words by their first occurrence, "word#2" for the second);
/// "a | b" accepts either analysis where Universal Dependencies allows both (S, X said: ccomp or parataxis).
/// </summary>
public sealed class GoldenParseTests
{
    private static readonly ExtractorPipeline Pipeline = ExtractorPipeline.Create(new ExtractorOptions { Syntax = SyntaxScope.All });

    public static TheoryData<string, string[]> Constructions => new()
    {
        // X said S
        { "However, tenant advocates say obstacles remain for many renters on low incomes.", ["advocates nsubj say", "remain ccomp say", "obstacles nsubj remain"] },
        { "Nandi said roughly 60 per cent of the staff voted in favour of joining the union.", ["Nandi nsubj said", "voted ccomp said", "cent nsubj voted"] },

        // X said that S
        { "Whitcombe said that the clinic would open in March.", ["Whitcombe nsubj said", "open ccomp said", "that mark open", "clinic nsubj open"] },

        // S, X said / S, said X
        { "The clinic will open in March, the minister said.", ["minister nsubj said", "open ccomp said | said parataxis open"] },
        { "The clinic will open in March, said the minister.", ["minister nsubj said", "open ccomp said | said parataxis open"] },

        // X, the Y of Z, said
        { "Anna Berg, the head of the council, said the plan would work.", ["Anna nsubj said", "Berg flat Anna", "head appos Anna", "council nmod head", "work ccomp said"] },

        // according to X, S
        { "According to the council, the plan will cost millions.", ["According case council", "to fixed According", "council obl cost", "plan nsubj cost"] },

        // X was quoted as saying S
        { "Berg was quoted as saying the plan would work.", ["Berg nsubj:pass quoted", "was aux:pass quoted", "saying advcl quoted", "as mark saying", "work ccomp saying"] },

        // X, who …, said
        { "Berg, who chairs the committee, said the plan would work.", ["Berg nsubj said", "chairs acl:relcl Berg", "who nsubj chairs", "work ccomp said"] },

        // “Q,” X said, “Q”
        { "“The plan will work,” Berg said, “and it will save money.”", ["Berg nsubj said", "work ccomp said | said parataxis work"] },

        // A headline with a colon
        { "Berg: plan will save millions", ["Berg root ROOT", "save parataxis Berg | save appos Berg", "plan nsubj save"] },

        // A passive with its agent
        { "The report was published by the council on Monday.", ["report nsubj:pass published", "council obl:agent published", "by case council"] },
    };

    /// <summary>X told Y (that) S: the greedy parser attaches the clause to Y, and tags Y a verb without "that".</summary>
    public static TheoryData<string, string[]> KnownMisparses => new()
    {
        { "Berg told reporters that the plan would work.", ["Berg nsubj told", "reporters obj told | reporters iobj told", "work ccomp told"] },
        { "Berg told reporters the plan would work.", ["Berg nsubj told", "reporters obj told | reporters iobj told", "work ccomp told"] },
    };

    /// <summary>The reported clause as attribution reads it: the words under the cue's ccomp (or parataxis), punctuation aside.</summary>
    public static TheoryData<string, string, string, string> ReportedClauses => new()
    {
        { "Whitcombe said rising rents and lost wages have pushed families out of the town.", "said", "rising", "town" },
        { "However, tenant advocates say obstacles remain for many renters on low incomes.", "say", "obstacles", "incomes" },
        { "Nandi said roughly 60 per cent of the staff voted in favour of joining the union.", "said", "roughly", "union" },
        { "Whitcombe said that the clinic would open in March.", "said", "that", "March" },
        { "The clinic will open in March, the minister said.", "said", "The", "March" },
    };

    [Theory]
    [MemberData(nameof(ReportedClauses))]
    public void Reported_clause_is_the_cue_complement(string sentence, string cue, string first, string last)
    {
        Analysis a = Pipeline.Analyze(sentence);
        string[] words = [.. a.Tokens.Select(t => a.Segments.GetText(t).ToString())];
        int verb = Find(words, cue);
        int clause = Enumerable.Range(0, words.Length).FirstOrDefault(i => a.Syntax[i].Head == verb && a.Syntax[i].Relation == "ccomp", -1);
        if (clause < 0 && a.Syntax[verb].Relation == "parataxis")
        {
            clause = a.Syntax[verb].Head;
        }

        Assert.True(clause >= 0, $"{sentence}: no clausal complement of '{cue}'; the parse is {Describe(a, words)}");
        int[] span = [.. Enumerable.Range(0, words.Length).Where(i => i != verb && Dominates(a, clause, i, verb) && a.Syntax[i].Pos != UniversalPos.Punct)];
        Assert.Equal((first, last), (words[span[0]], words[span[^1]]));
    }

    [Theory]
    [MemberData(nameof(Constructions))]
    public void Construction_has_its_arcs(string sentence, string[] arcs) => AssertArcs(sentence, arcs);

    [Theory(Skip = "Known misparse of the shipped greedy parser (models/README.md): the clause goes to the object noun.")]
    [MemberData(nameof(KnownMisparses))]
    public void Told_construction_has_its_arcs(string sentence, string[] arcs) => AssertArcs(sentence, arcs);

    [Fact]
    public void A_parsed_sentence_tags_its_words()
    {
        Analysis a = Pipeline.Analyze("Whitcombe said that the clinic would open in March.");
        string[] tags = [.. a.Syntax.Select(s => s.PosTag)];
        Assert.Equal(["PROPN", "VERB", "SCONJ", "DET", "NOUN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"], tags);
    }

    [Theory]
    // An unknown capitalised word takes no closed class for its letters (Okafor: -or read as a conjunction, an
    // interjection or a preposition, Whitcombe as a pronoun); a listed one keeps its class.
    [InlineData("Okafor said the vote was close.", UniversalPos.PropN)]
    [InlineData("Whitcombe said the vote was close.", UniversalPos.PropN)]
    [InlineData("Okafor, a nurse at the clinic, said the vote was close.", UniversalPos.PropN)]
    [InlineData("Okafor said members are prepared to stay out as long as necessary but added that a deal was near.", UniversalPos.PropN)] // (was ADP)
    [InlineData("In the end, the vote was close.", UniversalPos.Adp)]
    [InlineData("But the vote was close.", UniversalPos.CConj)]
    [InlineData("Well, the vote was close.", UniversalPos.Intj)]
    [InlineData("They said the vote was close.", UniversalPos.Pron)]
    public void A_sentence_initial_word_takes_a_closed_class_only_when_it_is_one(string sentence, UniversalPos expected)
    {
        var pipeline = ExtractorPipeline.Create(new ExtractorOptions { Syntax = SyntaxScope.All });
        Assert.Equal(expected, pipeline.Analyze(sentence).Syntax[0].Pos);
    }

    /// <summary>The README's syntax sample, as written there.</summary>
    [Fact]
    public void Readme_sample_holds()
    {
        var pipeline = ExtractorPipeline.Create(new ExtractorOptions { Syntax = SyntaxScope.All });
        Analysis a = pipeline.Analyze("Whitcombe said that the clinic would open in March.");
        TokenSyntax said = a.Syntax[1];
        TokenSyntax open = a.Syntax[6];
        Assert.Equal((UniversalPos.Verb, true), (said.Pos, said.IsRoot));
        Assert.Equal((UniversalPos.Verb, 1, "ccomp"), (open.Pos, open.Head, open.Relation));
    }

    private static void AssertArcs(string sentence, string[] arcs)
    {
        Analysis a = Pipeline.Analyze(sentence);
        Assert.Single(a.Sentences);
        string[] words = [.. a.Tokens.Select(t => a.Segments.GetText(t).ToString())];
        foreach (string spec in arcs)
        {
            bool any = false;
            foreach (string alternative in spec.Split('|', StringSplitOptions.TrimEntries))
            {
                string[] p = alternative.Split(' ');
                int dependent = Find(words, p[0]);
                TokenSyntax s = a.Syntax[dependent];
                bool headOk = p[2] == "ROOT" ? s.IsRoot : s.Head == Find(words, p[2]);
                any |= headOk && s.Relation == p[1];
            }

            Assert.True(any, $"{sentence}: expected {spec}; the parse is {Describe(a, words)}");
        }
    }

    /// <summary>Whether <paramref name="word"/> is in the subtree of <paramref name="ancestor"/> without passing through <paramref name="stop"/>.</summary>
    private static bool Dominates(Analysis a, int ancestor, int word, int stop)
    {
        for (int k = word, steps = 0; k >= 0 && steps <= a.Tokens.Length; k = a.Syntax[k].Head, steps++)
        {
            if (k == ancestor)
            {
                return true;
            }

            if (k == stop)
            {
                return false;
            }
        }

        return false;
    }

    private static int Find(string[] words, string word)
    {
        string[] parts = word.Split('#');
        int nth = parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : 1;
        for (int i = 0, seen = 0; i < words.Length; i++)
        {
            if (words[i] == parts[0] && ++seen == nth)
            {
                return i;
            }
        }

        throw new ArgumentException($"'{word}' is not in the sentence", nameof(word));
    }

    private static string Describe(Analysis a, string[] words) =>
        string.Join(" ", a.Syntax.Select((s, i) => $"{words[i]}/{s.PosTag}>{(s.Head < 0 ? "ROOT" : words[s.Head])}:{s.Relation}"));
}
