using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Text;

namespace QuoteExtract.Cli;

/// <summary>
/// --conllu: raw text tokenized, split, tagged and parsed, written as CoNLL-U; with --pretokenized, the words of a
/// CoNLL-U file tagged and parsed as they are and written back in place.
/// </summary>
internal static class ConlluCommand
{
    private const string NoSpaceAfter = "SpaceAfter=No";

    public static int Run(CliOptions options, TextReader stdin, TextWriter stdout, TextWriter stderr) =>
        options.Pretokenized ? Pretokenized(options, stdin, stdout) : RawText(options, stdin, stdout, stderr);

    /// <summary>One raw-text file as CoNLL-U.</summary>
    private static int RawText(CliOptions options, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        ExtractorPipeline pipeline = options.CreateConlluPipeline(); // a bad --syntax-model is reported before the input is read
        string path = options.Files[0];
        string text = CliApp.ReadAllText(path, stdin);
        Analysis analysis;
        try
        {
            analysis = pipeline.Analyze(text);
        }
        catch (ArgumentException ex)
        {
            stderr.WriteLine($"quote-extract: {path}: {ex.Message}");
            return ExitCodes.DocumentsFailed;
        }

        Write(analysis, stdout);
        return ExitCodes.Ok;
    }

    /// <summary>Every sentence of <paramref name="analysis"/>, which must have been parsed whole (<see cref="SyntaxScope.All"/>).</summary>
    internal static void Write(Analysis analysis, TextWriter output)
    {
        string text = analysis.Text;
        ImmutableArray<Token> tokens = analysis.Tokens;
        ImmutableArray<TokenSyntax> syntax = analysis.Syntax;
        ImmutableArray<Sentence> sentences = analysis.Sentences;
        ImmutableArray<Paragraph> paragraphs = analysis.Paragraphs;
        var line = new StringBuilder();
        for (int s = 0; s < sentences.Length; s++)
        {
            Sentence sentence = sentences[s];
            line.Clear();
            if (paragraphs[sentence.Paragraph].FirstSentence == s)
            {
                line.Append("# newpar\n");
            }

            line.Append(CultureInfo.InvariantCulture, $"# sent_id = {s + 1}\n# text = ");
            AppendOneLine(line, text.AsSpan(sentence.Start, sentence.Length));
            line.Append('\n');
            for (int i = 0; i < sentence.TokenCount; i++)
            {
                int index = sentence.FirstToken + i;
                Token token = tokens[index];
                TokenSyntax word = syntax[index];
                line.Append(CultureInfo.InvariantCulture, $"{i + 1}\t");
                AppendForm(line, token.GetText(text));
                line.Append("\t_\t").Append(word.PosTag).Append("\t_\t_\t");
                if (word.IsParsed)
                {
                    int head = word.IsRoot ? 0 : word.Head - sentence.FirstToken + 1;
                    line.Append(CultureInfo.InvariantCulture, $"{head}\t{word.Relation}");
                }
                else
                {
                    line.Append("_\t_");
                }

                bool spaceAfter = i + 1 == sentence.TokenCount || ContainsWhiteSpace(text.AsSpan(token.End, tokens[index + 1].Start - token.End));
                line.Append("\t_\t").Append(spaceAfter ? "_" : NoSpaceAfter).Append('\n');
            }

            line.Append('\n');
            output.Write(line);
        }
    }

    /// <summary>A FORM: white space and control characters (tabs, line breaks) would break the line or its columns, so they are written as _.</summary>
    internal static void AppendForm(StringBuilder line, ReadOnlySpan<char> token)
    {
        foreach (char c in token)
        {
            line.Append(char.IsWhiteSpace(c) || char.IsControl(c) ? '_' : c);
        }
    }

    /// <summary>The text of a "# text =" comment: each line break (CR LF as one) becomes a space.</summary>
    internal static void AppendOneLine(StringBuilder line, ReadOnlySpan<char> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue; // the LF that follows becomes the space
            }

            line.Append(IsLineBreak(c) ? ' ' : c);
        }
    }

    /// <summary>The characters a reader may take as the end of a line (those of Python's str.splitlines).</summary>
    private static bool IsLineBreak(char c) => c is '\n' or '\r' or '\v' or '\f' or '\u001C' or '\u001D' or '\u001E' or '\u0085' or '\u2028' or '\u2029';

    private static bool ContainsWhiteSpace(ReadOnlySpan<char> gap)
    {
        foreach (char c in gap)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>--pretokenized: the CoNLL-U file's words tagged and parsed, sentence by sentence, on several threads, written in input order.</summary>
    private static int Pretokenized(CliOptions options, TextReader stdin, TextWriter stdout)
    {
        SyntaxModel model = options.GetSyntaxModel(); // a bad --syntax-model is reported before the input is read
        string path = options.Files[0];
        string name = path == "-" ? "standard input" : path;
        TextReader input = CliApp.OpenInput(path, stdin);
        try
        {
            OrderedParallel.ForEach(
                ReadBlocks(input),
                block => Parse(block, model),
                block =>
                {
                    if (block.Error is not null)
                    {
                        throw new CliInputException($"{name}: line {block.ErrorLine.ToString(CultureInfo.InvariantCulture)}: {block.Error}");
                    }

                    WriteBlock(block, stdout);
                },
                options.DegreeOfParallelism,
                whenIdle: stdout.Flush);
        }
        finally
        {
            if (!ReferenceEquals(input, stdin))
            {
                input.Dispose();
            }
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// A run of input lines: one sentence (its comments, word, multi-word token and empty-node lines) or one blank
    /// line; or, instead, the first malformed line (<see cref="Error"/>), which ends the input.
    /// </summary>
    internal sealed class Block
    {
        /// <summary>The lines, without their line ends; a word line's columns are in <see cref="Words"/>.</summary>
        public List<string> Lines { get; } = [];

        /// <summary>The word lines (whole-number IDs): the index of the line in <see cref="Lines"/> and its ten columns.</summary>
        public List<(int Line, string[] Columns)> Words { get; } = [];

        /// <summary>What is wrong with line <see cref="ErrorLine"/>; null for a good block.</summary>
        public string? Error { get; init; }

        /// <summary>The 1-based number of the malformed line.</summary>
        public long ErrorLine { get; init; }

        /// <summary>The parse of <see cref="Words"/>, one per word; set by <see cref="Parse"/>.</summary>
        public ImmutableArray<TokenSyntax> Syntax { get; set; }
    }

    /// <summary>The blocks of a CoNLL-U file, checked as they are read; a malformed line ends them with an error block.</summary>
    internal static IEnumerable<Block> ReadBlocks(TextReader input)
    {
        long number = 0;
        var block = new Block();
        while (input.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                if (block.Lines.Count > 0)
                {
                    yield return block;
                    block = new Block();
                }

                block.Lines.Add(line);
                yield return block;
                block = new Block();
                continue;
            }

            if (line.StartsWith('#'))
            {
                block.Lines.Add(line);
                continue;
            }

            string? error = CheckTokenLine(line, block.Words.Count + 1, out string[] columns, out bool isWord);
            if (error is not null)
            {
                // The sentence with the bad line is not written: the output ends with the sentence before it.
                yield return new Block { Error = error, ErrorLine = number };
                yield break;
            }

            if (isWord)
            {
                block.Words.Add((block.Lines.Count, columns));
            }

            block.Lines.Add(line);
        }

        if (block.Lines.Count > 0)
        {
            yield return block;
        }
    }

    /// <summary>Null for a good word, multi-word token or empty-node line, else what is wrong with it.</summary>
    /// <param name="line">A line that is neither blank nor a comment.</param>
    /// <param name="expectedId">The ID the next word line of the sentence must have.</param>
    /// <param name="columns">The line's columns.</param>
    /// <param name="isWord">The line is a word line (a whole-number ID), which gets parsed.</param>
    internal static string? CheckTokenLine(string line, int expectedId, out string[] columns, out bool isWord)
    {
        columns = line.Split('\t');
        isWord = false;
        if (columns.Length != 10)
        {
            return $"a CoNLL-U token line has 10 tab-separated columns, this one has {columns.Length.ToString(CultureInfo.InvariantCulture)}";
        }

        string id = columns[0];
        int dash = id.IndexOf('-', StringComparison.Ordinal);
        int dot = id.IndexOf('.', StringComparison.Ordinal);
        if (dash > 0)
        {
            return TryParseId(id.AsSpan(0, dash), out int first) && TryParseId(id.AsSpan(dash + 1), out int last) && first >= 1 && first <= last
                ? null
                : $"'{id}' is not a multi-word token range such as 3-4";
        }

        if (dot > 0)
        {
            return TryParseId(id.AsSpan(0, dot), out _) && TryParseId(id.AsSpan(dot + 1), out int sub) && sub >= 1
                ? null
                : $"'{id}' is not an empty-node ID such as 5.1";
        }

        if (!TryParseId(id, out int word) || word < 1)
        {
            return $"'{id}' is not a CoNLL-U ID (a word's 1, 2, 3, ..., a multi-word token's 3-4 or an empty node's 5.1)";
        }

        if (word != expectedId)
        {
            return $"word ID {id} where {expectedId.ToString(CultureInfo.InvariantCulture)} was expected: the word IDs of a sentence run 1, 2, 3, ...";
        }

        if (columns[1].Length == 0)
        {
            return $"word {id} has an empty FORM";
        }

        isWord = true;
        return null;
    }

    private static bool TryParseId(ReadOnlySpan<char> s, out int value) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary>Tags and parses the block's words (on a worker thread).</summary>
    private static Block Parse(Block block, SyntaxModel model)
    {
        if (block.Words.Count > 0)
        {
            var forms = new string[block.Words.Count];
            for (int i = 0; i < forms.Length; i++)
            {
                forms[i] = block.Words[i].Columns[1];
            }

            block.Syntax = model.Parse(forms);
        }

        return block;
    }

    /// <summary>The block's lines as they were, the word lines with UPOS, HEAD and DEPREL from the parse.</summary>
    private static void WriteBlock(Block block, TextWriter output)
    {
        int next = 0;
        for (int i = 0; i < block.Lines.Count; i++)
        {
            if (next < block.Words.Count && block.Words[next].Line == i)
            {
                string[] columns = block.Words[next].Columns;
                TokenSyntax word = block.Syntax[next];
                columns[3] = word.PosTag;
                columns[6] = (word.IsRoot ? 0 : word.Head + 1).ToString(CultureInfo.InvariantCulture);
                columns[7] = word.Relation ?? "_";
                output.Write(string.Join('\t', columns));
                next++;
            }
            else
            {
                output.Write(block.Lines[i]);
            }

            output.Write('\n');
        }
    }
}
