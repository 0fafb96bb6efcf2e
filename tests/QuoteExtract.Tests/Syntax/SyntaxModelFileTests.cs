using System.Buffers.Binary;
using System.Collections.Immutable;
using System.IO;
using System.IO.Compression;
using System.Text;
using CsCheck;
using QuoteExtract.Models;
using QuoteExtract.Syntax;
using QuoteExtract.Tests.Cli;
using QuoteExtract.Tests.Entities;
using static QuoteExtract.Tests.ModelFileBytes;

namespace QuoteExtract.Tests.Syntax;

/// <summary>The embedded syntax model's bytes (models/syntax-en.bin as the library embeds it), read once for the class, when first asked for.</summary>
public sealed class EmbeddedSyntaxModelFixture
{
    private readonly Lazy<byte[]> _bytes = new(() =>
    {
        using Stream stream = ModelResources.Open(ModelResources.SyntaxModel)
            ?? throw new InvalidOperationException("The library was built without models/syntax-en.bin.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public byte[] Bytes => _bytes.Value;
}

/// <summary>
/// <see cref="SyntaxModel.Load(string)"/>, <see cref="SyntaxModel.Load(Stream)"/> and <see cref="ExtractorOptions.SyntaxModel"/>:
/// a model written and loaded again parses as the embedded one; a missing, unreadable or corrupt file gives an
/// exception of a documented type whose message names the file and the problem, and never any other exception.
/// </summary>
public class SyntaxModelFileTests : IClassFixture<EmbeddedSyntaxModelFixture>
{
    private const int HeaderLength = 6; // "QXSYN" and the format version, before the deflated body
    private const int Rows = 1 << 8; // of each table of the tiny model

    private static readonly string[] Texts =
        [.. Directory.GetFiles(Path.Combine(CliHost.RepoRoot, "samples"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText), .. QuoteExtract.Testing.HostileText.Snippets];

    private readonly EmbeddedSyntaxModelFixture _embedded;

    public SyntaxModelFileTests(EmbeddedSyntaxModelFixture embedded)
    {
        _embedded = embedded;
    }

    private static byte[] TinyBytes { get; } = SyntaxTrees.Bytes(SyntaxTrees.TinyFile());

    /// <summary>
    /// The deflated body of the tiny model: feature-set version (0), description "tiny" (4: length, 5: bytes),
    /// relation count (9), the relations (13: each a length and its bytes), then the tagger's two tables, the action
    /// and the relation tables (<see cref="TaggerAt"/>, <see cref="SecondTaggerAt"/>, <see cref="ActionsAt"/>,
    /// <see cref="LabelsAt"/>): bits, classes, scale, a bitmap of 2^8 bits, and every row's 8-bit weights (random
    /// weights leave no row empty).
    /// </summary>
    private static byte[] TinyBody { get; } = Inflate(TinyBytes);

    private static int RelationAt(int index) => 13 + SyntaxTrees.TinyRelations.Take(index).Sum(r => 1 + r.Length);

    private static int TaggerAt => RelationAt(SyntaxTrees.TinyRelations.Length);

    private static int SecondTaggerAt => TaggerAt + TableLength(UniversalPosTags.Count);

    private static int ActionsAt => SecondTaggerAt + TableLength(UniversalPosTags.Count);

    private static int LabelsAt => ActionsAt + TableLength(3);

    private static int TableLength(int classes) => 12 + (Rows / 8) + (Rows * classes);

    /// <summary>Where a table's first row starts, <paramref name="offset"/> bytes in.</summary>
    private static int RowsOf(int table, int offset = 0) => table + 12 + (Rows / 8) + offset;

    [Fact]
    public void The_tiny_body_is_laid_out_as_the_tests_expect()
    {
        Assert.Equal(LabelsAt + TableLength(SyntaxTrees.TinyRelations.Length), TinyBody.Length);
        Assert.Equal(SyntaxModelFile.FeatureVersion, BinaryPrimitives.ReadInt32LittleEndian(TinyBody));
        Assert.Equal("tiny", Encoding.ASCII.GetString(TinyBody, 5, TinyBody[4]));
        Assert.Equal(SyntaxTrees.TinyRelations.Length, BinaryPrimitives.ReadInt32LittleEndian(TinyBody.AsSpan(9)));
        Assert.Equal("obj", Encoding.ASCII.GetString(TinyBody, RelationAt(2) + 1, 3));
        Assert.Equal(8, BinaryPrimitives.ReadInt32LittleEndian(TinyBody.AsSpan(TaggerAt)));
        Assert.Equal(UniversalPosTags.Count, BinaryPrimitives.ReadInt32LittleEndian(TinyBody.AsSpan(TaggerAt + 4)));
        Assert.Equal(0.01f, BinaryPrimitives.ReadSingleLittleEndian(TinyBody.AsSpan(TaggerAt + 8)));
        Assert.Equal(UniversalPosTags.Count, BinaryPrimitives.ReadInt32LittleEndian(TinyBody.AsSpan(SecondTaggerAt + 4)));
        Assert.Equal(3, BinaryPrimitives.ReadInt32LittleEndian(TinyBody.AsSpan(ActionsAt + 4)));
        Assert.Equal(SyntaxTrees.TinyRelations.Length, BinaryPrimitives.ReadInt32LittleEndian(TinyBody.AsSpan(LabelsAt + 4)));
        Assert.Equal("QXSYN\u0001", Encoding.ASCII.GetString(TinyBytes, 0, HeaderLength));
    }

    [Fact]
    public void The_embedded_model_describes_itself()
    {
        SyntaxModel model = SyntaxModel.Default;
        Assert.Same(model, SyntaxModel.Default);
        Assert.Null(model.FileName);
        Assert.False(string.IsNullOrWhiteSpace(model.Description));
        Assert.Contains("root", model.Relations);
        Assert.Equal(model.Relations.Length, model.Relations.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal<string>(model.Analyzer.Model.Parser.Relations, model.Relations);
        Assert.StartsWith("QXSYN", Encoding.ASCII.GetString(_embedded.Bytes, 0, 5), StringComparison.Ordinal);
    }

    [Fact]
    public void Embedded_model_written_and_loaded_again_parses_as_the_embedded_one()
    {
        SyntaxModel embedded = SyntaxModel.Default;
        byte[] written = SyntaxTrees.Bytes(embedded.Analyzer.Model);
        using var file = new TempFile(written);
        SyntaxModel loaded = SyntaxModel.Load(file.Path);

        Assert.Equal(file.Path, loaded.FileName);
        Assert.Equal(embedded.Description, loaded.Description);
        Assert.Equal<string>(embedded.Relations, loaded.Relations);
        SyntaxModelFile a = embedded.Analyzer.Model, b = loaded.Analyzer.Model;
        AssertSameTables(a, b);
        Assert.True(written.AsSpan().SequenceEqual(SyntaxTrees.Bytes(b))); // the format is deterministic

        var pipeline = ExtractorPipeline.Create(new ExtractorOptions { Syntax = SyntaxScope.All, SyntaxModel = loaded });
        var reference = ExtractorPipeline.Create(new ExtractorOptions { Syntax = SyntaxScope.All });
        foreach (string text in Texts)
        {
            Analysis expected = reference.Analyze(text), actual = pipeline.Analyze(text);
            Assert.NotEmpty(expected.Syntax);
            Assert.Equal<TokenSyntax>(expected.Syntax, actual.Syntax);
            foreach (Sentence s in expected.Sentences)
            {
                string[] words = SyntaxTrees.Words(expected, s);
                Assert.Equal<TokenSyntax>(embedded.Parse(words), loaded.Parse(words));
            }
        }
    }

    [Fact]
    public void Embedded_model_loads_from_its_bytes_as_a_file_and_as_a_stream()
    {
        using var file = new TempFile(_embedded.Bytes);
        SyntaxModel byPath = SyntaxModel.Load(file.Path);
        SyntaxModel byStream = SyntaxModel.Load(new MemoryStream(_embedded.Bytes, writable: false));
        using FileStream fileStream = File.OpenRead(file.Path);
        SyntaxModel byFileStream = SyntaxModel.Load(fileStream);

        Assert.Equal(file.Path, byPath.FileName);
        Assert.Null(byStream.FileName);
        Assert.Equal(file.Path, byFileStream.FileName);
        string[] words = ["\u201CWe", "will", "not", "back", "down", ",", "\u201D", "the", "minister", "told", "reporters", "."];
        foreach (SyntaxModel model in new[] { byPath, byStream, byFileStream })
        {
            Assert.Equal(SyntaxModel.Default.Description, model.Description);
            Assert.Equal<TokenSyntax>(SyntaxModel.Default.Parse(words), model.Parse(words));
        }
    }

    [Fact]
    public void Pipeline_with_a_loaded_model_gives_the_syntax_of_the_embedded_model()
    {
        using var file = new TempFile(_embedded.Bytes);
        SyntaxModel model = SyntaxModel.Load(file.Path);
        foreach (SyntaxScope scope in new[] { SyntaxScope.Attribution, SyntaxScope.All })
        {
            var pipeline = ExtractorPipeline.Create(new ExtractorOptions { Syntax = scope, SyntaxModel = model });
            Assert.Same(model, pipeline.Options.SyntaxModel);
            var reference = ExtractorPipeline.Create(new ExtractorOptions { Syntax = scope });
            Assert.Null(reference.Options.SyntaxModel);
            foreach (string text in Texts)
            {
                Analysis expected = reference.Analyze(text), actual = pipeline.Analyze(text);
                Assert.Equal<TokenSyntax>(expected.Syntax, actual.Syntax);
                Assert.Equal(QuoteExtract.Testing.AnalysisInvariants.Canonical(expected), QuoteExtract.Testing.AnalysisInvariants.Canonical(actual));
            }
        }
    }

    [Fact]
    public void Pipeline_with_another_model_uses_that_model()
    {
        SyntaxModel tiny = SyntaxTrees.TinyModel();
        var pipeline = ExtractorPipeline.Create(new ExtractorOptions { Syntax = SyntaxScope.All, SyntaxModel = tiny });
        Analysis analysis = pipeline.Analyze(Texts[0]);
        Assert.False(ExtractorPipeline.Create(new ExtractorOptions { Syntax = SyntaxScope.All }).Analyze(Texts[0]).Syntax.SequenceEqual(analysis.Syntax));
        Assert.All(analysis.Syntax, t => Assert.Contains(t.Relation!, SyntaxTrees.TinyRelations));
        Sentence first = analysis.Sentences[0];
        Assert.Equal<TokenSyntax>(tiny.Parse(SyntaxTrees.Words(analysis, first)), analysis.Syntax.Take(first.TokenCount));
    }

    [Fact]
    public void Tiny_model_round_trips_through_the_format()
    {
        SyntaxModelFile original = SyntaxTrees.TinyFile();
        SyntaxModel model = SyntaxModel.Load(new MemoryStream(TinyBytes));
        Assert.Equal("tiny", model.Description);
        Assert.Null(model.FileName);
        Assert.Equal<string>(SyntaxTrees.TinyRelations, model.Relations);
        AssertSameTables(original, model.Analyzer.Model);
        Assert.Equal(TinyBytes, SyntaxTrees.Bytes(model.Analyzer.Model));
        string[] words = ["It", "'s", "over", ",", "she", "said", "."];
        Assert.Equal<TokenSyntax>(new SyntaxAnalyzer(original).Parse(words), model.Parse(words));
    }

    [Fact]
    public void Description_and_relations_survive_the_format()
    {
        string description = "UD English-EWT r2.14 \u2014 CC BY-SA 4.0; UAS 0.9 \u00E9\u4E2D" + new string('x', 3_000);
        string[] relations = ["nsubj:pass", "root", "obl:agent", "compound:prt", .. Enumerable.Range(0, 60).Select(i => $"r{i}")];
        SyntaxModel model = SyntaxModel.Load(new MemoryStream(SyntaxTrees.Bytes(SyntaxTrees.TinyFile(3, relations, description))));
        Assert.Equal(description, model.Description);
        Assert.Equal<string>(relations, model.Relations);
        string[] words = [.. Enumerable.Repeat("word", 40)];
        SyntaxTrees.AssertTree(model, words, model.Parse(words));
    }

    [Fact]
    public void Null_empty_or_unreadable_arguments_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => SyntaxModel.Load((string)null!));
        Assert.Throws<ArgumentNullException>(() => SyntaxModel.Load((Stream)null!));
        Assert.Throws<ArgumentException>(() => SyntaxModel.Load(string.Empty));
        using var writeOnly = new FileStream(Path.Combine(Path.GetTempPath(), $"quoteextract-{Guid.NewGuid():N}.bin"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.DeleteOnClose);
        Assert.Equal("stream", Assert.Throws<ArgumentException>(() => SyntaxModel.Load(writeOnly)).ParamName);
    }

    [Theory]
    [InlineData("missing.bin")]
    [InlineData("missing-folder/syntax.bin")]
    public void Missing_file_is_a_file_not_found_naming_the_full_path(string name)
    {
        string path = Path.Combine(Path.GetTempPath(), $"quoteextract-{Guid.NewGuid():N}-{name}");
        FileNotFoundException ex = Assert.Throws<FileNotFoundException>(() => SyntaxModel.Load(path));
        Assert.Equal(Path.GetFullPath(path), ex.FileName);
        Assert.Contains($"'{Path.GetFullPath(path)}' does not exist", ex.Message, StringComparison.Ordinal);
        Assert.Contains("syntax model", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_relative_path_is_named_by_its_full_path()
    {
        string name = $"quoteextract-missing-{Guid.NewGuid():N}.bin";
        FileNotFoundException ex = Assert.Throws<FileNotFoundException>(() => SyntaxModel.Load(name));
        Assert.Equal(Path.GetFullPath(name), ex.FileName);
    }

    [Fact]
    public void Directory_is_an_io_error_naming_it()
    {
        string folder = Directory.CreateTempSubdirectory("quoteextract-syntax-").FullName;
        try
        {
            IOException ex = Assert.Throws<IOException>(() => SyntaxModel.Load(folder));
            Assert.Contains($"'{folder}' is a directory", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    [Fact]
    public void Empty_file_is_named_as_empty() =>
        AssertInvalid([], "is empty");

    [Theory]
    [InlineData("PK\u0003\u0004 a zip archive")]
    [InlineData("QXNER\u0001")]
    [InlineData("QXSYn")]
    [InlineData("qxsyn\u0001")]
    [InlineData("{\"model\": \"syntax-en\"}")]
    [InlineData("X")]
    public void Another_kind_of_file_has_a_bad_magic(string content) =>
        AssertInvalid(Encoding.UTF8.GetBytes(content), "is not a QuoteExtract syntax model (bad magic)");

    [Fact]
    public void The_entity_model_is_not_a_syntax_model_nor_the_syntax_model_an_entity_model()
    {
        AssertInvalid(File.ReadAllBytes(ShippedModelFixture.FilePath), "is not a QuoteExtract syntax model (bad magic)");
        using var file = new TempFile(TinyBytes);
        InvalidModelException ex = Assert.Throws<InvalidModelException>(() => EntityModel.Load(file.Path));
        Assert.Contains("is not a QuoteExtract entity model (bad magic)", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(9)]
    [InlineData(255)]
    public void Another_format_version_is_named(byte version)
    {
        byte[] bytes = (byte[])TinyBytes.Clone();
        bytes[5] = version;
        AssertInvalid(bytes, $"has format version {version}; this library reads format version 1");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    [InlineData(1000)]
    public void Another_feature_set_version_is_named(int delta)
    {
        int version = SyntaxModelFile.FeatureVersion + delta;
        AssertInvalid(
            Deflate([.. Int32(version), .. TinyBody.AsSpan(4)]),
            $"was trained with feature-set version {version}; this library reads feature-set version {SyntaxModelFile.FeatureVersion} (retrain the model)");
    }

    [Fact]
    public void Bad_compressed_data_is_named() =>
        AssertInvalid([.. TinyBytes.AsSpan(0, HeaderLength), 0xFF, .. TinyBytes.AsSpan(HeaderLength + 1)], "is corrupt: its compressed data cannot be decompressed");

    /// <summary>Bytes written over the tiny model's body at an offset (see <see cref="TinyBody"/>), and the problem named.</summary>
    public static TheoryData<string, int, byte[], string> ImpossibleFields => new()
    {
        { "description", 4, [0xFF, 0xFF, 0xFF, 0xFF, 0x07], "the description is 2,147,483,647 bytes long; at most 65,536 are allowed" },
        { "description", 4, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF], "the description's length is malformed" },
        { "description", 5, [0xFF], "the description is not UTF-8" },
        { "count", 9, Int32(0), "0 relations; a model has 2 to 64 (root and at least one other)" },
        { "count", 9, Int32(1), "1 relations; a model has 2 to 64 (root and at least one other)" },
        { "count", 9, Int32(65), "65 relations; a model has 2 to 64 (root and at least one other)" },
        { "count", 9, Int32(-1), "-1 relations; a model has 2 to 64 (root and at least one other)" },
        { "relation", RelationAt(0), [0], "relation 1 is 0 bytes long" },
        { "relation", RelationAt(0), [65], "relation 1 is 65 bytes long" },
        { "relation", RelationAt(1), [0xFF, 0xFF, 0xFF, 0xFF, 0x07], "relation 2 is 2147483647 bytes long" },
        { "relation", RelationAt(0) + 1, [(byte)' '], "relation 1 is not a relation name" },
        { "relation", RelationAt(1) + 3, [0xC3], "relation 2 is not a relation name" },
        { "relation", RelationAt(4) + 1, [0x7F], "relation 5 is not a relation name" },
        { "relation", RelationAt(3) + 1, "obj"u8.ToArray(), "relation 'obj' is there twice" },
        { "relation", RelationAt(0) + 1, "ROOT"u8.ToArray(), "the relations do not include root" },
        { "relation", RelationAt(1), [0xFF, 0xFF, 0xFF, 0xFF, 0xFF], "relation 2's length is malformed" },
        { "tagger", TaggerAt, Int32(7), "the tagger table has 2^7 rows; a table has 2^8 to 2^24" },
        { "tagger", TaggerAt, Int32(25), "the tagger table has 2^25 rows; a table has 2^8 to 2^24" },
        { "tagger", TaggerAt, Int32(-8), "the tagger table has 2^-8 rows; a table has 2^8 to 2^24" },
        { "tagger", TaggerAt + 4, Int32(16), "the tagger table has 16 classes; 17 were expected" },
        { "tagger", TaggerAt + 4, Int32(-17), "the tagger table has -17 classes; 17 were expected" },
        { "tagger", TaggerAt + 8, Single(float.NaN), "the tagger table's scale is not a positive number" },
        { "tagger", TaggerAt + 8, Single(0), "the tagger table's scale is not a positive number" },
        { "tagger", TaggerAt + 8, Single(-0.5f), "the tagger table's scale is not a positive number" },
        { "tagger", TaggerAt + 8, Single(float.PositiveInfinity), "the tagger table's scale is not a positive number" },
        { "tagger", RowsOf(TaggerAt, 1), [0x80], "the tagger table has a weight outside -127 to 127" },
        { "second tagger", SecondTaggerAt, Int32(30), "the second tagger table has 2^30 rows; a table has 2^8 to 2^24" },
        { "second tagger", SecondTaggerAt + 4, Int32(18), "the second tagger table has 18 classes; 17 were expected" },
        { "second tagger", RowsOf(SecondTaggerAt, (Rows * UniversalPosTags.Count) - 1), [0x80], "the second tagger table has a weight outside -127 to 127" },
        { "actions", ActionsAt, Int32(31), "the action table has 2^31 rows; a table has 2^8 to 2^24" },
        { "actions", ActionsAt + 4, Int32(4), "the action table has 4 classes; 3 were expected" },
        { "actions", ActionsAt + 8, Single(float.NegativeInfinity), "the action table's scale is not a positive number" },
        { "actions", RowsOf(ActionsAt), [0x80], "the action table has a weight outside -127 to 127" },
        { "labels", LabelsAt + 4, Int32(5), "the relation table has 5 classes; 6 were expected" },
        { "labels", LabelsAt + 4, Int32(64), "the relation table has 64 classes; 6 were expected" },
        { "labels", LabelsAt + 8, Single(float.Epsilon * -1), "the relation table's scale is not a positive number" },
        { "labels", RowsOf(LabelsAt, 10), [0x80], "the relation table has a weight outside -127 to 127" },
    };

    [Theory]
    [MemberData(nameof(ImpossibleFields))]
    public void Impossible_fields_are_named(string field, int offset, byte[] bytes, string problem)
    {
        Assert.NotNull(field);
        byte[] body = (byte[])TinyBody.Clone();
        bytes.CopyTo(body, offset);
        AssertInvalid(Deflate(body), "is corrupt: " + problem + ".");
    }

    [Fact]
    public void Model_with_root_as_its_only_relation_is_refused() =>
        Assert.Throws<ArgumentException>(() => SyntaxTrees.TinyFile(5, ["root"]));

    [Fact]
    public void The_message_calls_the_file_a_syntax_model()
    {
        using var file = new TempFile([.. TinyBytes.AsSpan(0, 100)]);
        InvalidModelException ex = Assert.Throws<InvalidModelException>(() => SyntaxModel.Load(file.Path));
        Assert.Equal($"The syntax model file '{file.Path}' is truncated.", ex.Message);
        InvalidModelException stream = Assert.Throws<InvalidModelException>(() => SyntaxModel.Load(new MemoryStream(TinyBytes, 0, 100)));
        Assert.Equal("The syntax model stream is truncated.", stream.Message);
    }

    [Fact]
    public void Data_after_the_last_table_is_named() =>
        AssertInvalid(Deflate([.. TinyBody, 0]), "is corrupt: unexpected data after the last stage");

    [Fact]
    public void Data_after_the_compressed_body_loads_or_is_refused_clearly() =>
        AssertLoadsOrRefusesClearly([.. TinyBytes, 1, 2, 3]);

    [Fact]
    public void Every_truncation_of_a_model_is_refused_clearly()
    {
        for (int length = 0; length < TinyBytes.Length; length++)
        {
            InvalidModelException ex = Assert.Throws<InvalidModelException>(() => SyntaxModel.Load(new MemoryStream(TinyBytes, 0, length)));
            Assert.Equal(length == 0 ? "The syntax model stream is empty." : "The syntax model stream is truncated.", ex.Message);
            Assert.Null(ex.FileName);
        }
    }

    [Fact]
    public void Every_truncation_of_a_model_file_names_the_file()
    {
        for (int length = 0; length < TinyBytes.Length; length += 97)
        {
            AssertInvalid(TinyBytes.AsSpan(0, length), length == 0 ? "is empty" : "is truncated");
        }
    }

    /// <summary>The embedded model cut at several points; the reads that reach far into it take a while each.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(HeaderLength)]
    [InlineData(HeaderLength + 1)]
    [InlineData(HeaderLength + 40)]
    [InlineData(1_000)]
    [InlineData(100_000)]
    [InlineData(-2)] // half of it
    [InlineData(-100)] // from the end
    [InlineData(-1)] // all the weights are there, but not the end of the compressed data
    public void Truncated_embedded_model_is_named_as_truncated(int cut)
    {
        int length = cut == -2 ? _embedded.Bytes.Length / 2 : cut >= 0 ? Math.Min(cut, _embedded.Bytes.Length - 1) : _embedded.Bytes.Length + cut;
        AssertInvalid(_embedded.Bytes.AsSpan(0, length), "is truncated");
    }

    [Fact]
    public void Truncated_file_read_as_a_stream_names_the_file()
    {
        using var file = new TempFile(TinyBytes.AsSpan(0, TinyBytes.Length / 2));
        using FileStream stream = File.OpenRead(file.Path);
        InvalidModelException ex = Assert.Throws<InvalidModelException>(() => SyntaxModel.Load(stream));
        Assert.Equal($"The syntax model file '{file.Path}' is truncated.", ex.Message);
        Assert.Equal(file.Path, ex.FileName);
    }

    [Fact]
    public void A_stream_that_is_not_a_file_is_called_a_stream()
    {
        InvalidModelException ex = Assert.Throws<InvalidModelException>(() => SyntaxModel.Load(new MemoryStream(TinyBytes, 0, 100)));
        Assert.Equal("The syntax model stream is truncated.", ex.Message);
        Assert.Null(ex.FileName);
        Assert.IsType<EndOfStreamException>(ex.InnerException);
    }

    [Fact]
    public void Loading_reads_the_stream_from_its_position()
    {
        using var stream = new MemoryStream([.. "junk"u8, .. TinyBytes]);
        stream.Position = 4;
        Assert.Equal("tiny", SyntaxModel.Load(stream).Description);
    }

    [Fact]
    public void Random_byte_changes_in_the_file_load_or_are_refused_clearly() =>
        Gen.Select(Gen.Int[0, TinyBytes.Length - 1], Gen.Byte[1, 255]).Array[1, 6].Sample(
            changes => AssertLoadsOrRefusesClearly(Xor(TinyBytes, changes)),
            iter: 3000,
            print: Show);

    [Fact]
    public void Random_byte_changes_in_the_decompressed_header_load_or_are_refused_clearly() =>
        Gen.Select(Gen.Int[0, TaggerAt + 12], Gen.Byte[1, 255]).Array[1, 4].Sample(
            changes => AssertLoadsOrRefusesClearly(Deflate(Xor(TinyBody, changes))),
            iter: 3000,
            print: Show);

    [Fact]
    public void Random_byte_changes_anywhere_in_the_decompressed_body_load_or_are_refused_clearly() =>
        Gen.Select(Gen.Int[0, TinyBody.Length - 1], Gen.Byte[1, 255]).Array[1, 8].Sample(
            changes => AssertLoadsOrRefusesClearly(Deflate(Xor(TinyBody, changes))),
            iter: 2000,
            print: Show);

    [Fact]
    public void Random_byte_changes_in_the_embedded_model_header_load_or_are_refused_clearly() =>
        Gen.Select(Gen.Int[0, 40], Gen.Byte[1, 255]).Sample(
            change => AssertLoadsOrRefusesClearly(Xor(_embedded.Bytes, [change])),
            iter: 24,
            threads: 1,
            print: c => Show([c]));

    [Theory]
    [InlineData((SyntaxScope)3)]
    [InlineData((SyntaxScope)7)]
    [InlineData((SyntaxScope)(-1))]
    [InlineData((SyntaxScope)int.MaxValue)]
    public void An_undefined_syntax_scope_is_refused(SyntaxScope scope)
    {
        ArgumentOutOfRangeException ex = Assert.Throws<ArgumentOutOfRangeException>(() => ExtractorPipeline.Create(new ExtractorOptions { Syntax = scope }));
        Assert.Equal("options", ex.ParamName);
        Assert.Equal(scope, ex.ActualValue);
        Assert.Throws<ArgumentOutOfRangeException>(() => ExtractorPipeline.Create(new ExtractorOptions { Syntax = scope, SyntaxModel = SyntaxTrees.TinyModel() }));
    }

    [Theory]
    [InlineData(SyntaxScope.None)]
    [InlineData(SyntaxScope.Attribution)]
    [InlineData(SyntaxScope.All)]
    public void Every_defined_syntax_scope_is_accepted(SyntaxScope scope) =>
        Assert.Equal(scope, ExtractorPipeline.Create(new ExtractorOptions { Syntax = scope }).Options.Syntax);

    [Fact]
    public void The_default_scope_is_attribution() =>
        Assert.Equal(SyntaxScope.Attribution, new ExtractorOptions().Syntax);

    /// <summary>Writes <paramref name="bytes"/> to a temporary file and checks that loading it throws an <see cref="InvalidModelException"/> naming the file and the problem.</summary>
    private static void AssertInvalid(ReadOnlySpan<byte> bytes, string problem)
    {
        using var file = new TempFile(bytes);
        InvalidModelException ex = Assert.Throws<InvalidModelException>(() => SyntaxModel.Load(file.Path));
        Assert.StartsWith($"The syntax model file '{file.Path}' {problem}", ex.Message, StringComparison.Ordinal);
        Assert.Equal(file.Path, ex.FileName);
    }

    /// <summary>
    /// The bytes load, and the model parses into trees, or they are refused with an <see cref="InvalidModelException"/>
    /// about the stream; any other exception fails the test.
    /// </summary>
    private static void AssertLoadsOrRefusesClearly(byte[] bytes)
    {
        SyntaxModel model;
        try
        {
            model = SyntaxModel.Load(new MemoryStream(bytes, writable: false));
        }
        catch (InvalidModelException ex)
        {
            Assert.StartsWith("The syntax model stream ", ex.Message, StringComparison.Ordinal);
            Assert.Null(ex.FileName);
            return;
        }

        string[] words = ["\u201CWe", "will", "win", ",", "\u201D", "Jane", "Smith", "said", "of", "the", "vote", "."];
        SyntaxTrees.AssertTree(model, words, model.Parse(words));
        SyntaxTrees.AssertTree(model, ["Yes"], model.Parse(["Yes"]));
        const string text = "Anna Becker flew to Lagos. \u201CIt went well,\u201D she said: \u201CVery well.\u201D";
        var options = new ExtractorOptions { Syntax = SyntaxScope.All, SyntaxModel = model };
        Analysis analysis = ExtractorPipeline.Create(options).Analyze(text);
        QuoteExtract.Testing.AnalysisInvariants.Check(text, analysis, options);
        SyntaxTrees.AssertParsedSentencesAreTrees(analysis, model);
    }

    /// <summary>A model file of the current format around <paramref name="body"/>.</summary>
    private static byte[] Deflate(byte[] body) => ModelFileBytes.Deflate(TinyBytes, body);

    /// <summary>Two models' tables are the same: shapes, scales and every weight.</summary>
    private static void AssertSameTables(SyntaxModelFile expected, SyntaxModelFile actual)
    {
        QuantizedTable[] a = [expected.Tagger.First, expected.Tagger.Second, expected.Parser.Actions, expected.Parser.LabelTable];
        QuantizedTable[] b = [actual.Tagger.First, actual.Tagger.Second, actual.Parser.Actions, actual.Parser.LabelTable];
        for (int t = 0; t < a.Length; t++)
        {
            Assert.Equal((a[t].Bits, a[t].Classes, a[t].Scale), (b[t].Bits, b[t].Classes, b[t].Scale));
            Assert.True(a[t].Weights.AsSpan().SequenceEqual(b[t].Weights), $"table {t} differs");
        }
    }
}
