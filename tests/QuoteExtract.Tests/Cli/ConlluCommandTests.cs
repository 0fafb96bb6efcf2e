using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using QuoteExtract.Cli;
using QuoteExtract.Tests.Entities;
using Xunit.Abstractions;

namespace QuoteExtract.Tests.Cli;

/// <summary>
/// --conllu (raw text to CoNLL-U), --conllu --pretokenized (CoNLL-U words tagged and parsed in place) and
/// --syntax-model: option parsing and exit codes, well-formed output that agrees with the library's analysis,
/// lines kept byte for byte, malformed input, and score_conllu.py on the EWT dev file.
/// </summary>
public sealed class ConlluCommandTests(ITestOutputHelper log) : IDisposable
{
    private static readonly HashSet<string> UposTags =
        ["ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"];

    /// <summary>Three paragraphs (one after CR LF), clitics, a URL, quote marks, an abbreviation, numbers, a dash and an ellipsis.</summary>
    private const string RawText =
        "Jane Smith said: \"We don't know (yet).\" Visit https://example.com/a?b=1 now.\nShe left the U.S. on Monday, with 5,000 people.\n\n"
        + "A new paragraph—really—begins here… It's 10:30am, isn't it?\r\n\r\nThe café’s owner, Ana, laughed 😀";

    /// <summary>Written for these tests: a comment block, a multi-word token, an empty node, a FORM with a space, non-ASCII words.</summary>
    private const string Pretokenized =
        "# newdoc id = own-test\n"
        + "# sent_id = own-1\n"
        + "# text = I don't think so.\n"
        + "1\tI\tI\tPRON\tPRP\tCase=Nom\t4\tnsubj\t4:nsubj\t_\n"
        + "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
        + "2\tdo\tdo\tAUX\tVBP\tMood=Ind\t4\taux\t4:aux\t_\n"
        + "3\tn't\tnot\tPART\tRB\tPolarity=Neg\t4\tadvmod\t4:advmod\t_\n"
        + "4\tthink\tthink\tVERB\tVB\tVerbForm=Inf\t0\troot\t0:root\t_\n"
        + "5\tso\tso\tADV\tRB\t_\t4\tadvmod\t4:advmod\tSpaceAfter=No\n"
        + "5.1\tthinks\tthink\tVERB\t_\t_\t_\t_\t4:conj\t_\n"
        + "6\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_\n"
        + "\n"
        + "# sent_id = own-2\n"
        + "# text = The café in New York opened 😀\n"
        + "1\tThe\t_\t_\t_\t_\t_\t_\t_\t_\n"
        + "2\tcafé\t_\t_\t_\t_\t_\t_\t_\t_\n"
        + "3\tin\t_\t_\t_\t_\t_\t_\t_\t_\n"
        + "4\tNew York\t_\t_\t_\t_\t_\t_\t_\tGloss=city\n"
        + "5\topened\t_\t_\t_\t_\t_\t_\t_\t_\n"
        + "6\t😀\t_\t_\t_\t_\t_\t_\t_\t_\n"
        + "\n"
        + "# a sentence of one word\n"
        + "1\tYes\tyes\tINTJ\tUH\t_\t9\tnonsense\t_\t_\n"
        + "\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("quote-extract-conllu-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    // ---- options -------------------------------------------------------------------------------------------

    [Fact]
    public void Conllu_options_are_parsed()
    {
        CliOptions options = CliOptions.Parse(["--conllu", "--pretokenized", "--syntax-model=m.bin", "x.conllu"], out string? error)!;
        Assert.Null(error);
        Assert.Equal(CliCommand.Conllu, options.Command);
        Assert.True(options.Pretokenized);
        Assert.Equal("m.bin", options.SyntaxModelPath);
        Assert.Equal(["x.conllu"], options.Files);

        options = CliOptions.Parse(["-", "--conllu"], out error)!;
        Assert.Null(error);
        Assert.Equal(CliCommand.Conllu, options.Command);
        Assert.False(options.Pretokenized);
        Assert.Null(options.SyntaxModelPath);
        Assert.Equal(["-"], options.Files);

        // --syntax-model is the pipeline's syntax model for the other commands too.
        options = CliOptions.Parse(["--json", "--syntax-model", "m.bin", "a.txt"], out error)!;
        Assert.Null(error);
        Assert.Equal(CliCommand.Json, options.Command);
        Assert.Equal("m.bin", options.SyntaxModelPath);
    }

    [Fact]
    public void Help_documents_the_conllu_options()
    {
        CliResult result = CliHost.Run("--help");
        Assert.Equal(0, result.ExitCode);
        foreach (string text in new[] { "--conllu", "--pretokenized", "--syntax-model", "SpaceAfter=No", "# sent_id = N", "# newpar", "as _ in FORM", "score_conllu.py" })
        {
            Assert.Contains(text, result.Stdout, StringComparison.Ordinal);
        }
    }

    // ---- --syntax-model ------------------------------------------------------------------------------------

    [Theory]
    [InlineData("--conllu")]
    [InlineData("--conllu", "--pretokenized")]
    [InlineData("--json")]
    [InlineData("--jsonl")]
    public void Missing_syntax_model_file_exits_3_naming_it(params string[] mode)
    {
        string path = Path.Combine(_dir, "no-such-model.bin");
        string input = Write("input.txt", "Jane Smith said so.\n");
        CliResult result = CliHost.Run([.. mode, "--syntax-model", path, input]);
        Assert.Equal(3, result.ExitCode);
        Assert.Equal($"quote-extract: --syntax-model: The syntax model file '{path}' does not exist.\n", result.Stderr.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal("", result.Stdout);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Corrupt_syntax_model_file_exits_3_naming_it_and_the_problem(bool pretokenized)
    {
        using var file = new TempFile("QXNER\u0001 an entity model's magic, not a syntax model"u8);
        CliResult result = CliHost.RunWithInput(pretokenized ? Pretokenized : RawText, [.. pretokenized ? new[] { "--pretokenized" } : [], "--conllu", "--syntax-model", file.Path, "-"]);
        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith("quote-extract: --syntax-model: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"'{file.Path}'", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("is not a QuoteExtract syntax model", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void Shipped_syntax_model_as_a_file_gives_the_same_output_as_the_embedded_one()
    {
        string model = Path.Combine(CliHost.RepoRoot, "models", "syntax-en.bin");
        Assert.True(File.Exists(model), $"{model} is what the library embeds; without it nothing can be parsed");
        foreach (string[] mode in new[] { new[] { "--conllu" }, new[] { "--conllu", "--pretokenized" } })
        {
            string input = mode.Length == 1 ? RawText : Pretokenized;
            CliResult embedded = CliHost.RunWithInput(input, [.. mode, "-"]);
            CliResult fromFile = CliHost.RunWithInput(input, [.. mode, "--syntax-model", model, "-"]);
            Assert.Equal(0, fromFile.ExitCode);
            Assert.Equal("", fromFile.Stderr);
            Assert.Equal(embedded.Stdout, fromFile.Stdout);
            Assert.NotEqual("", fromFile.Stdout);
        }
    }

    // ---- raw text ------------------------------------------------------------------------------------------

    [Fact]
    public void Raw_text_gives_well_formed_conllu_that_matches_the_analysis()
    {
        CliResult result = CliHost.RunWithInput(RawText, "--conllu", "-");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        List<ConlluSentence> sentences = AssertWellFormed(RawText, result.Stdout);

        // HEAD, DEPREL and UPOS are the library's own, heads made 1-based within the sentence.
        Analysis analysis = ExtractorPipeline.Create(new ExtractorOptions { Syntax = SyntaxScope.All }).Analyze(RawText);
        Assert.Equal(analysis.Sentences.Length, sentences.Count);
        Assert.Equal(analysis.Paragraphs.Length, sentences.Count(s => s.Comments.Contains("# newpar")));
        Assert.True(analysis.Paragraphs.Length > 2, "a paragraph break, and the line break that the segmenter also takes as one");
        for (int s = 0; s < sentences.Count; s++)
        {
            Sentence sentence = analysis.Sentences[s];
            Assert.Equal(sentence.TokenCount, sentences[s].Words.Count);
            for (int i = 0; i < sentence.TokenCount; i++)
            {
                int index = sentence.FirstToken + i;
                TokenSyntax syntax = analysis.Syntax[index];
                string[] w = sentences[s].Words[i];
                Assert.Equal(analysis.Segments.GetText(analysis.Tokens[index]).ToString(), w[1]);
                Assert.Equal(syntax.PosTag, w[3]);
                Assert.Equal(syntax.IsRoot ? "0" : (syntax.Head - sentence.FirstToken + 1).ToString(CultureInfo.InvariantCulture), w[6]);
                Assert.Equal(syntax.Relation, w[7]);
            }
        }

        // The places the text has no space: "said:", "don't" split as do + n't, "(yet).", "Monday,", the ellipsis, "café’s".
        var noSpace = sentences.SelectMany(s => s.Words).Where(w => w[9] == "SpaceAfter=No").Select(w => w[1]).ToList();
        Assert.Contains("said", noSpace);
        Assert.Contains("Monday", noSpace);
        Assert.Contains("(", noSpace);
        Assert.Contains("https://example.com/a?b=1", sentences.SelectMany(s => s.Words).Select(w => w[1]));
    }

    [Theory]
    [InlineData("article.txt")]
    [InlineData("harbour-ferry-strike.txt")]
    [InlineData("library-reopens.txt")]
    public void Sample_articles_give_well_formed_conllu(string sample)
    {
        string path = Path.Combine(CliHost.RepoRoot, "samples", sample);
        CliResult result = CliHost.Run("--conllu", path);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.True(AssertWellFormed(File.ReadAllText(path), result.Stdout).Count > 5);

        // Standard input gives the same.
        Assert.Equal(result.Stdout, CliHost.RunWithInput(File.ReadAllText(path), "--conllu", "-").Stdout);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\n\t \r\n")]
    public void Text_without_tokens_gives_no_output(string text)
    {
        CliResult result = CliHost.RunWithInput(text, "--conllu", "-");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void White_space_and_control_characters_never_reach_a_form_or_the_text_comment()
    {
        var form = new StringBuilder();
        ConlluCommand.AppendForm(form, "a b\tc\u00A0d\u2028e\nf\u0085g\u0001h");
        Assert.Equal("a_b_c_d_e_f_g_h", form.ToString());

        var comment = new StringBuilder();
        ConlluCommand.AppendOneLine(comment, "one\r\ntwo\nthree\rfour\u2028five\u0085six\fseven");
        Assert.Equal("one two three four five six seven", comment.ToString());
    }

    [Fact]
    public void Missing_input_file_exits_3()
    {
        string path = Path.Combine(_dir, "missing.txt");
        foreach (string[] mode in new[] { new[] { "--conllu" }, new[] { "--conllu", "--pretokenized" } })
        {
            CliResult result = CliHost.Run([.. mode, path]);
            Assert.Equal(3, result.ExitCode);
            Assert.Contains($"cannot read '{path}'", result.Stderr, StringComparison.Ordinal);
            Assert.Equal("", result.Stdout);
        }
    }

    // ---- --pretokenized ------------------------------------------------------------------------------------

    [Fact]
    public void Pretokenized_keeps_every_other_line_and_column_and_fills_upos_head_deprel_from_the_parse()
    {
        CliResult result = CliHost.RunWithInput(Pretokenized, "--conllu", "--pretokenized", "-");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.EndsWith("\n\n", result.Stdout, StringComparison.Ordinal);
        AssertParsedInPlace(Pretokenized, result.Stdout, SyntaxModel.Default);

        string[] output = result.Stdout.Split('\n');
        Assert.Contains("2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_", output);
        Assert.Contains("5.1\tthinks\tthink\tVERB\t_\t_\t_\t_\t4:conj\t_", output);
        Assert.Contains("# newdoc id = own-test", output);
        Assert.Contains("# a sentence of one word", output);
        Assert.Contains(output, l => l.StartsWith("4\tNew York\t_\t", StringComparison.Ordinal) && l.EndsWith("\t_\tGloss=city", StringComparison.Ordinal));

        // A one-word sentence: its word is the root, whatever HEAD and DEPREL the input had.
        string[] yes = output.Single(l => l.StartsWith("1\tYes\t", StringComparison.Ordinal)).Split('\t');
        Assert.Equal(["1", "Yes", "yes", "UH", "_"], [yes[0], yes[1], yes[2], yes[4], yes[5]]);
        Assert.Equal(["0", "root", "_", "_"], yes[6..]);

        // Words given as do + n't are parsed as such: the forms are what the model sees.
        Assert.DoesNotContain(output, l => l.StartsWith("2\tdon't", StringComparison.Ordinal));
    }

    [Fact]
    public void Pretokenized_file_crlf_and_no_final_blank_line_are_read_and_written_line_for_line()
    {
        string crlf = Pretokenized.TrimEnd('\n').Replace("\n", "\r\n", StringComparison.Ordinal);
        string path = Write("own.conllu", crlf);
        CliResult fromFile = CliHost.Run("--conllu", "--pretokenized", path);
        Assert.Equal(0, fromFile.ExitCode);
        Assert.Equal("", fromFile.Stderr);
        Assert.DoesNotContain('\r', fromFile.Stdout);
        Assert.Equal(CliHost.RunWithInput(Pretokenized, "--conllu", "--pretokenized", "-").Stdout.TrimEnd('\n') + "\n", fromFile.Stdout);

        // One thread or many: the same output, in input order.
        string many = string.Concat(Enumerable.Repeat(Pretokenized, 40));
        CliResult one = CliHost.RunWithInput(many, "--conllu", "--pretokenized", "-j", "1", "-");
        CliResult eight = CliHost.RunWithInput(many, "--conllu", "--pretokenized", "-j", "8", "-");
        Assert.Equal(0, eight.ExitCode);
        Assert.Equal(one.Stdout, eight.Stdout);
        AssertParsedInPlace(many, eight.Stdout, SyntaxModel.Default);
    }

    [Theory]
    [InlineData("1\tA\t_\t_\t_\t_\t_\t_\t_\t_\n2\tb\t_\t_\t_\t_\t_\t_\t_\n", 2, "10 tab-separated columns, this one has 9")]
    [InlineData("# c\n1\tA\t_\t_\t_\t_\t_\t_\t_\t_\n3\tb\t_\t_\t_\t_\t_\t_\t_\t_\n", 3, "word ID 3 where 2 was expected")]
    [InlineData("1\tA\t_\t_\t_\t_\t_\t_\t_\t_\n1\tb\t_\t_\t_\t_\t_\t_\t_\t_\n", 2, "word ID 1 where 2 was expected")]
    [InlineData("2\tA\t_\t_\t_\t_\t_\t_\t_\t_\n", 1, "word ID 2 where 1 was expected")]
    [InlineData("1\tA\t_\t_\t_\t_\t_\t_\t_\t_\nx\tb\t_\t_\t_\t_\t_\t_\t_\t_\n", 2, "'x' is not a CoNLL-U ID")]
    [InlineData("1\tA\t_\t_\t_\t_\t_\t_\t_\t_\n2-\tbc\t_\t_\t_\t_\t_\t_\t_\t_\n", 2, "'2-' is not a multi-word token range")]
    [InlineData("1\tA\t_\t_\t_\t_\t_\t_\t_\t_\n1.x\tb\t_\t_\t_\t_\t_\t_\t_\t_\n", 2, "'1.x' is not an empty-node ID")]
    [InlineData("1\tA\t_\t_\t_\t_\t_\t_\t_\t_\n2\t\t_\t_\t_\t_\t_\t_\t_\t_\n", 2, "word 2 has an empty FORM")]
    [InlineData("just some text\n", 1, "this one has 1")]
    public void Malformed_conllu_exits_3_with_the_line_number(string input, int line, string problem)
    {
        CliResult result = CliHost.RunWithInput(input, "--conllu", "--pretokenized", "-");
        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith($"quote-extract: standard input: line {line}: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(problem, result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);

        string path = Write("bad.conllu", input);
        result = CliHost.Run("--conllu", "--pretokenized", path);
        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith($"quote-extract: {path}: line {line}: ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_line_stops_the_run_after_the_sentences_before_it()
    {
        string good = "# sent_id = 1\n1\tHello\t_\t_\t_\t_\t_\t_\t_\t_\n2\tthere\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
        string bad = "# sent_id = 2\n1\tBad\t_\t_\t_\t_\t_\t_\t_\t_\n2\tline\t_\t_\t_\t_\t_\t_\n\n# sent_id = 3\n1\tNever\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
        CliResult result = CliHost.RunWithInput(good + bad, "--conllu", "--pretokenized", "-j", "4", "-");
        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith("quote-extract: standard input: line 7: ", result.Stderr, StringComparison.Ordinal);
        AssertParsedInPlace(good, result.Stdout, SyntaxModel.Default);
        Assert.DoesNotContain("Bad", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Never", result.Stdout, StringComparison.Ordinal);
    }

    // ---- score_conllu.py on the EWT dev file ---------------------------------------------------------------

    [ConlluScorerFact]
    public void Pretokenized_output_on_the_ewt_dev_file_is_scored_by_score_conllu_py_as_counted_here()
    {
        string gold = CliHost.SharedPath("data", "ud", "en_ewt-dev.conllu");
        CliResult result = CliHost.Run("--conllu", "--pretokenized", gold);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        string pred = Write("en_ewt-dev.pred.conllu", result.Stdout);

        // Every line but the three filled columns of the word lines is the gold file's.
        string[] goldLines = File.ReadAllText(gold).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        string[] predLines = result.Stdout.Split('\n');
        Assert.Equal(goldLines.Length, predLines.Length);
        for (int i = 0; i < goldLines.Length; i++)
        {
            if (!IsWordLine(goldLines[i]))
            {
                Assert.Equal(goldLines[i], predLines[i]);
                continue;
            }

            string[] g = goldLines[i].Split('\t'), p = predLines[i].Split('\t');
            Assert.Equal(10, p.Length);
            foreach (int c in new[] { 0, 1, 2, 4, 5, 8, 9 })
            {
                Assert.Equal(g[c], p[c]);
            }
        }

        string json = CliHost.RunPython(CliHost.SharedPath("eval", "score_conllu.py"), gold, pred);
        log.WriteLine($"score_conllu.py: {json}");
        using JsonDocument scores = JsonDocument.Parse(json);
        JsonElement root = scores.RootElement;

        // The same counts, made here from the two files.
        int words = 0, upos = 0, uas = 0, las = 0, lasFull = 0;
        for (int i = 0; i < goldLines.Length; i++)
        {
            if (!IsWordLine(goldLines[i]))
            {
                continue;
            }

            string[] g = goldLines[i].Split('\t'), p = predLines[i].Split('\t');
            words++;
            upos += g[3] == p[3] ? 1 : 0;
            bool head = g[6] == p[6];
            uas += head ? 1 : 0;
            las += head && g[7].Split(':')[0] == p[7].Split(':')[0] ? 1 : 0;
            lasFull += head && g[7] == p[7] ? 1 : 0;
        }

        Assert.Equal(words, root.GetProperty("words").GetInt32());
        Assert.True(words > 20_000, $"{words} words: the dev file is larger than that");
        foreach ((string name, int count) in new[] { ("upos", upos), ("uas", uas), ("las", las), ("las_full", lasFull) })
        {
            double python = root.GetProperty(name).GetDouble();
            Assert.True(Math.Abs(python - ((double)count / words)) <= 0.00005, $"{name}: score_conllu.py {python}, here {count}/{words}");
        }

        // A parser that works: far above what wrong head numbering or shifted columns would give.
        Assert.True(root.GetProperty("upos").GetDouble() > 0.9, json);
        Assert.True(root.GetProperty("uas").GetDouble() > 0.75, json);
        Assert.True(root.GetProperty("las").GetDouble() > 0.7, json);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private sealed record ConlluSentence(List<string> Comments, List<string[]> Words);

    private static bool IsWordLine(string line) =>
        line.Length > 0 && char.IsAsciiDigit(line[0]) && line.Split('\t')[0].All(char.IsAsciiDigit);

    /// <summary>
    /// The raw-text output: blocks of comments and token lines, each ended by one blank line; ten columns;
    /// IDs 1, 2, 3, …; one root; heads in range and a tree; FORMs that are the text's tokens in order, with
    /// SpaceAfter=No exactly where the next token of the sentence follows with no white space between.
    /// </summary>
    private static List<ConlluSentence> AssertWellFormed(string text, string output)
    {
        Assert.DoesNotContain('\r', output);
        Assert.EndsWith("\n\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n\n", output, StringComparison.Ordinal);
        var sentences = new List<ConlluSentence>();
        int position = 0;
        foreach (string block in output[..^2].Split("\n\n"))
        {
            var comments = new List<string>();
            var words = new List<string[]>();
            var starts = new List<int>();
            foreach (string line in block.Split('\n'))
            {
                if (line.StartsWith('#'))
                {
                    Assert.Empty(words); // comments come first
                    comments.Add(line);
                    continue;
                }

                string[] c = line.Split('\t');
                Assert.True(c.Length == 10, $"not ten columns: {line}");
                Assert.Equal((words.Count + 1).ToString(CultureInfo.InvariantCulture), c[0]);
                Assert.NotEqual("", c[1]);
                Assert.DoesNotContain(c[1], char.IsWhiteSpace);
                Assert.Equal("_", c[2]);
                Assert.Contains(c[3], UposTags);
                Assert.Equal("_", c[4]);
                Assert.Equal("_", c[5]);
                Assert.Matches("^[a-z]+(:[a-z]+)?$", c[7]);
                Assert.Equal("_", c[8]);
                Assert.Contains(c[9], new[] { "_", "SpaceAfter=No" });

                int start = text.IndexOf(c[1], position, StringComparison.Ordinal);
                Assert.True(start >= 0, $"'{c[1]}' is not in the text after offset {position}");
                Assert.True(text.AsSpan(position, start - position).IsWhiteSpace(), $"text skipped before '{c[1]}': '{text[position..start]}'");
                if (words.Count > 0)
                {
                    bool glued = start == position;
                    Assert.True((words[^1][9] == "SpaceAfter=No") == glued, $"SpaceAfter of '{words[^1][1]}' before '{c[1]}'");
                }

                starts.Add(start);
                words.Add(c);
                position = start + c[1].Length;
            }

            Assert.NotEmpty(words);
            Assert.Equal("_", words[^1][9]); // the last token of a sentence: no next token of the same sentence
            Assert.Equal($"# sent_id = {sentences.Count + 1}", Assert.Single(comments, c => c.StartsWith("# sent_id = ", StringComparison.Ordinal)));
            string sentenceText = text[starts[0]..position].Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
            Assert.Equal("# text = " + sentenceText, Assert.Single(comments, c => c.StartsWith("# text = ", StringComparison.Ordinal)));
            Assert.All(comments, c => Assert.True(c is "# newpar" || c.StartsWith("# sent_id = ", StringComparison.Ordinal) || c.StartsWith("# text = ", StringComparison.Ordinal), c));
            AssertTree(words);
            sentences.Add(new ConlluSentence(comments, words));
        }

        Assert.True(text.AsSpan(position).IsWhiteSpace(), $"text left out at the end: '{text[position..]}'");
        Assert.Equal("# newpar", sentences[0].Comments[0]);
        return sentences;
    }

    /// <summary>HEAD 0 for one word, whose DEPREL is root, and 1…n for the others, without cycles.</summary>
    private static void AssertTree(List<string[]> words)
    {
        int n = words.Count;
        int[] heads = words.Select(w => int.Parse(w[6], NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
        Assert.All(heads, h => Assert.InRange(h, 0, n));
        int root = Assert.Single(Enumerable.Range(0, n), i => heads[i] == 0);
        Assert.Equal("root", words[root][7]);
        for (int i = 0; i < n; i++)
        {
            Assert.NotEqual(i + 1, heads[i]);
            int node = i + 1, steps = 0;
            while (node != 0)
            {
                node = heads[node - 1];
                Assert.True(++steps <= n, $"word {i + 1} is on a cycle");
            }
        }
    }

    /// <summary>
    /// <paramref name="output"/> has <paramref name="input"/>'s lines (LF ends), each the same except the UPOS,
    /// HEAD and DEPREL of the word lines, which are <paramref name="model"/>'s parse of the sentence's FORMs.
    /// </summary>
    private static void AssertParsedInPlace(string input, string output, SyntaxModel model)
    {
        string[] inLines = input.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        string[] outLines = output.Split('\n');
        Assert.Equal(inLines.Length, outLines.Length);
        int parsed = 0;
        for (int i = 0; i < inLines.Length;)
        {
            if (!IsWordLine(inLines[i]))
            {
                Assert.Equal(inLines[i], outLines[i]);
                i++;
                continue;
            }

            // One sentence: the lines up to the next blank line; its word lines in order.
            var wordLines = new List<int>();
            int end = i;
            for (; end < inLines.Length && inLines[end].Length > 0; end++)
            {
                if (IsWordLine(inLines[end]))
                {
                    wordLines.Add(end);
                }
                else
                {
                    Assert.Equal(inLines[end], outLines[end]);
                }
            }

            string[] forms = wordLines.Select(l => inLines[l].Split('\t')[1]).ToArray();
            ImmutableArray<TokenSyntax> expected = model.Parse(forms);
            var heads = new List<string[]>();
            for (int k = 0; k < wordLines.Count; k++)
            {
                string[] g = inLines[wordLines[k]].Split('\t'), p = outLines[wordLines[k]].Split('\t');
                Assert.Equal(10, p.Length);
                foreach (int c in new[] { 0, 1, 2, 4, 5, 8, 9 })
                {
                    Assert.Equal(g[c], p[c]); // FORM included: the same characters, so the same UTF-8 bytes
                }

                TokenSyntax word = expected[k];
                Assert.Contains(p[3], UposTags);
                Assert.Equal(word.PosTag, p[3]);
                Assert.Equal((word.IsRoot ? 0 : word.Head + 1).ToString(CultureInfo.InvariantCulture), p[6]);
                Assert.Equal(word.Relation, p[7]);
                heads.Add(p);
                parsed++;
            }

            AssertTree(heads);
            i = end;
        }

        Assert.True(parsed > 0);
    }
}

/// <summary>A fact that needs python3, ../shared/eval/score_conllu.py and ../shared/data/ud/en_ewt-dev.conllu; skipped, with the reason, when one is missing.</summary>
internal sealed class ConlluScorerFactAttribute : FactAttribute
{
    public ConlluScorerFactAttribute()
    {
        Skip = CliHost.PythonOrSharedMissing
            ?? (!File.Exists(CliHost.SharedPath("eval", "score_conllu.py")) ? "../shared/eval/score_conllu.py is missing"
            : !File.Exists(CliHost.SharedPath("data", "ud", "en_ewt-dev.conllu")) ? "../shared/data/ud/en_ewt-dev.conllu (UD English-EWT dev) is missing"
            : null);
    }
}
