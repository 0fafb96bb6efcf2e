using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;
using System.Threading.Tasks;
using CsCheck;
using QuoteExtract.Entities;
using QuoteExtract.Models;
using QuoteExtract.Tests.Cli;
using static QuoteExtract.Tests.ModelFileBytes;

namespace QuoteExtract.Tests.Entities;

/// <summary>models/ner-en.bin loaded by path and its bytes, once for the class (the file is 15 MB).</summary>
public sealed class ShippedModelFixture
{
    public ShippedModelFixture()
    {
        Model = EntityModel.Load(FilePath);
        Bytes = File.ReadAllBytes(FilePath);
    }

    public static string FilePath { get; } = Path.Combine(CliHost.RepoRoot, "models", "ner-en.bin");

    public EntityModel Model { get; }

    public byte[] Bytes { get; }
}

/// <summary>A file under the temporary folder, deleted on disposal.</summary>
internal sealed class TempFile : IDisposable
{
    public TempFile(ReadOnlySpan<byte> bytes)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"quoteextract-model-{Guid.NewGuid():N}.bin");
        using FileStream file = File.Create(Path);
        file.Write(bytes);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}

/// <summary>
/// <see cref="EntityModel.Load(string)"/> and <see cref="ExtractorOptions.EntityModel"/>: the shipped model
/// loaded from its file works as the embedded one; a missing, unreadable or corrupt file gives an exception
/// of a documented type whose message names the file and the problem, and never any other exception.
/// </summary>
public class CustomModelTests : IClassFixture<ShippedModelFixture>
{
    private readonly ShippedModelFixture _shipped;

    public CustomModelTests(ShippedModelFixture shipped)
    {
        _shipped = shipped;
    }

    /// <summary>The bytes of <see cref="NerModelTests.TinyModel"/>, a few kilobytes.</summary>
    private static byte[] TinyBytes { get; } = Write(NerModelTests.TinyModel(LabelScheme.Bio));

    /// <summary>
    /// The deflated body of the tiny model: feature-set version (0), scheme (4), description "tiny" (5: length,
    /// 6: bytes), gazetteer count (10) and its one entry (14: key, 22: value), stage count (26), then stage 1:
    /// bits (30), label count (34), 9 biases (38), row bitmap (74), rows.
    /// </summary>
    private static byte[] TinyBody { get; } = Inflate(TinyBytes);

    [Fact]
    public void Shipped_model_loaded_by_path_finds_what_the_embedded_model_finds()
    {
        EntityModel model = _shipped.Model;
        Assert.Equal(ShippedModelFixture.FilePath, model.FileName);
        Assert.Equal<string>(EntityModel.Default.Labels, model.Labels);
        Assert.Equal(EntityModel.Default.Description, model.Description);
        Assert.Equal("O", model.Labels[0]);
        Assert.Null(EntityModel.Default.FileName);

        string text = File.ReadAllText(Path.Combine(CliHost.RepoRoot, "samples", "article.txt"));
        var pipeline = ExtractorPipeline.Create(new ExtractorOptions { EntityModel = model });
        Assert.Same(model, pipeline.Options.EntityModel);
        Analysis expected = Extractor.Analyze(text);
        Analysis actual = pipeline.Analyze(text);
        Assert.NotEmpty(expected.Entities);
        Assert.Equal<Entity>(expected.Entities, actual.Entities);
        Assert.Equal(expected.Quotes.Select(q => q.Speaker?.Name), actual.Quotes.Select(q => q.Speaker?.Name));
    }

    [Fact]
    public void Pipeline_with_a_loaded_model_gives_the_same_entities_on_many_threads()
    {
        var pipeline = ExtractorPipeline.Create(new ExtractorOptions { EntityModel = _shipped.Model });
        string[] texts = [.. Directory.GetFiles(Path.Combine(CliHost.RepoRoot, "samples"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText)];
        string[] sequential = [.. texts.Select(t => string.Join("|", pipeline.Analyze(t).Entities))];
        string[] parallel = new string[texts.Length * 4];
        Parallel.For(0, parallel.Length, i => parallel[i] = string.Join("|", pipeline.Analyze(texts[i % texts.Length]).Entities));
        Assert.Equal([.. Enumerable.Repeat(sequential, 4).SelectMany(s => s)], parallel);
    }

    [Fact]
    public void Null_path_or_stream_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => EntityModel.Load((string)null!));
        Assert.Throws<ArgumentNullException>(() => EntityModel.Load((Stream)null!));
    }

    [Theory]
    [InlineData("missing.bin")]
    [InlineData("missing-folder/ner.bin")]
    public void Missing_file_is_a_file_not_found_naming_the_full_path(string name)
    {
        string path = Path.Combine(Path.GetTempPath(), $"quoteextract-{Guid.NewGuid():N}-{name}");
        FileNotFoundException ex = Assert.Throws<FileNotFoundException>(() => EntityModel.Load(path));
        Assert.Equal(Path.GetFullPath(path), ex.FileName);
        Assert.Contains($"'{Path.GetFullPath(path)}' does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Directory_is_an_io_error_naming_it()
    {
        string folder = Directory.CreateTempSubdirectory("quoteextract-model-").FullName;
        try
        {
            IOException ex = Assert.Throws<IOException>(() => EntityModel.Load(folder));
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
    [InlineData("QXNEr")]
    [InlineData("{\"model\": \"ner-en\"}")]
    [InlineData("X")]
    public void Another_kind_of_file_has_a_bad_magic(string content) =>
        AssertInvalid(System.Text.Encoding.UTF8.GetBytes(content), "is not a QuoteExtract entity model (bad magic)");

    [Fact]
    public void Another_format_version_is_named()
    {
        byte[] bytes = (byte[])TinyBytes.Clone();
        bytes[5] = 9;
        AssertInvalid(bytes, "has format version 9; this library reads format version 2 (and 1)");
    }

    [Fact]
    public void Another_feature_set_version_is_named() =>
        AssertInvalid(
            Deflate([.. Int32(NerFeatures.VersionWithoutClusters - 1), .. TinyBody.AsSpan(4)]),
            $"was trained with feature-set version {NerFeatures.VersionWithoutClusters - 1}; this library reads feature-set versions {NerFeatures.VersionWithoutClusters} and {NerFeatures.Version} (retrain the model)");

    [Fact]
    public void Word_clusters_in_a_model_of_the_version_before_them_are_named()
    {
        // A model with clusters is written as feature-set version 6; read as version 5 it would lack the features that read them.
        byte[] clustered = Write(NerModelTests.WithClusters(NerModelTests.TinyModel(LabelScheme.Bio)));
        byte[] body = ModelFileBytes.Inflate(clustered);
        Assert.Equal(NerFeatures.Version, BitConverter.ToInt32(body, 0));
        AssertInvalid(
            ModelFileBytes.Deflate(clustered, [.. Int32(NerFeatures.VersionWithoutClusters), .. body.AsSpan(4)]),
            $"is corrupt: its gazetteer holds word clusters, which feature-set version {NerFeatures.VersionWithoutClusters} has no features for");
        Assert.Equal(NerFeatures.VersionWithoutClusters, BitConverter.ToInt32(TinyBody, 0)); // a model without them: version 5, as before
    }

    [Fact]
    public void Bad_compressed_data_is_named() =>
        AssertInvalid([.. TinyBytes.AsSpan(0, HeaderLength), 0xFF, .. TinyBytes.AsSpan(HeaderLength + 1)], "is corrupt: its compressed data cannot be decompressed");

    /// <summary>Cut at several points; the reads that reach far into the 15 MB model take a few tenths of a second each.</summary>
    [Theory]
    [InlineData(3)]
    [InlineData(HeaderLength)]
    [InlineData(HeaderLength + 1)]
    [InlineData(1_000)]
    [InlineData(2_000_000)]
    [InlineData(-100)] // from the end
    [InlineData(-1)] // all the weights are there, but not the end of the compressed data
    public void Truncated_shipped_model_is_named_as_truncated(int cut)
    {
        int length = cut >= 0 ? cut : _shipped.Bytes.Length + cut;
        AssertInvalid(_shipped.Bytes.AsSpan(0, length), "is truncated");
    }

    [Fact]
    public void Truncated_file_read_as_a_stream_is_named_too()
    {
        using var file = new TempFile(_shipped.Bytes.AsSpan(0, 50_000));
        using FileStream stream = File.OpenRead(file.Path);
        InvalidModelException ex = Assert.Throws<InvalidModelException>(() => EntityModel.Load(stream));
        Assert.Equal($"The entity model file '{file.Path}' is truncated.", ex.Message);
        Assert.Equal(file.Path, ex.FileName);
    }

    [Fact]
    public void A_stream_that_is_not_a_file_is_called_the_stream()
    {
        InvalidModelException ex = Assert.Throws<InvalidModelException>(() => EntityModel.Load(new MemoryStream(TinyBytes, 0, 100)));
        Assert.Equal("The entity model stream is truncated.", ex.Message);
        Assert.Null(ex.FileName);
        Assert.IsType<EndOfStreamException>(ex.InnerException);
    }

    [Fact]
    public void Tiny_model_loads_from_a_stream()
    {
        EntityModel model = EntityModel.Load(new MemoryStream(TinyBytes));
        Assert.Equal("tiny", model.Description);
        Assert.Null(model.FileName);
        Assert.Equal(9, model.Labels.Length);
    }

    /// <summary>Bytes written over the tiny model's body at an offset (see <see cref="TinyBody"/>), and the problem named.</summary>
    public static TheoryData<int, byte[], string> ImpossibleFields => new()
    {
        { 4, [7], "unknown label scheme 7" },
        { 5, [0xFF, 0xFF, 0xFF, 0xFF, 0x07], "the description is 2,147,483,647 bytes long; at most 65,536 are allowed" },
        { 5, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF], "the description's length is malformed" },
        { 6, [0xFF], "the description is not UTF-8" },
        { 10, Int32(-1), "the gazetteer has -1 entries; at most 10,000,000 are allowed" },
        { 10, Int32(20_000_000), "the gazetteer has 20,000,000 entries; at most 10,000,000 are allowed" },
        { 14, new byte[8], "the gazetteer's keys are not in increasing order" },
        { 26, Int32(3), "3 stages; a model has 1 or 2" },
        { 26, Int32(0), "0 stages; a model has 1 or 2" },
        { 30, Int32(31), "stage 1 has 2^31 rows; a stage has 2^8 to 2^24" },
        { 30, Int32(7), "stage 1 has 2^7 rows; a stage has 2^8 to 2^24" },
        { 34, Int32(65), "stage 1 has 65 labels; its label scheme has 9" },
        { 34, Int32(-9), "stage 1 has -9 labels; its label scheme has 9" },
        { 42, Int32(BitConverter.SingleToInt32Bits(float.NaN)), "stage 1 has a bias that is not a finite number" },
    };

    [Theory]
    [MemberData(nameof(ImpossibleFields))]
    public void Impossible_fields_are_named(int offset, byte[] bytes, string problem)
    {
        byte[] body = (byte[])TinyBody.Clone();
        bytes.CopyTo(body, offset);
        AssertInvalid(Deflate(body), "is corrupt: " + problem + ".");
    }

    [Theory]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NaN)]
    [InlineData(0f)]
    [InlineData(-0.5f)]
    public void Impossible_weight_unit_is_named(float unit)
    {
        byte[] body = (byte[])TinyBody.Clone();
        BinaryPrimitives.WriteSingleLittleEndian(body.AsSpan(ScaleOffset), unit); // stage 1's unit, after its 9 biases
        AssertInvalid(Deflate(body), "is corrupt: stage 1 has a weight unit that is not a positive finite number");
    }

    [Fact]
    public void Format_1_model_with_float16_weights_loads_and_tags_as_its_conversion()
    {
        byte[] v1 = ToFormat1(TinyBody);
        byte[] file = [.. TinyBytes.AsSpan(0, HeaderLength - 1), 1, .. ModelFileBytes.Deflate(TinyBytes, v1).AsSpan(HeaderLength)];
        NerModel old = NerModel.Read(new MemoryStream(file));
        NerModel current = NerModel.Read(new MemoryStream(TinyBytes));
        for (int s = 0; s < 2; s++)
        {
            Assert.Equal(current.Stages[s].Weights, old.Stages[s].Weights);
            Assert.Equal(current.Stages[s].Scale, old.Stages[s].Scale, 1e-5f); // the largest weight went through float16
        }
    }

    [Fact]
    public void Infinite_float16_weight_of_a_format_1_model_is_named()
    {
        byte[] v1 = ToFormat1(TinyBody);
        BinaryPrimitives.WriteHalfLittleEndian(v1.AsSpan(ScaleOffset + 32 + 2), Half.PositiveInfinity); // stage 1's first row, after its bitmap
        byte[] file = [.. TinyBytes.AsSpan(0, HeaderLength - 1), 1, .. ModelFileBytes.Deflate(TinyBytes, v1).AsSpan(HeaderLength)];
        AssertInvalid(file, "is corrupt: stage 1 has a weight that is not a finite number");
    }

    /// <summary>Where stage 1's weight unit is in <see cref="TinyBody"/>: after its bits, label count and 9 biases.</summary>
    private const int ScaleOffset = 30 + 4 + 4 + 36;

    /// <summary>
    /// The tiny model's body in format 1: per stage no weight unit, and each stored row's bytes as float16 values
    /// (the tiny model's 2^8-row stages store every row).
    /// </summary>
    private static byte[] ToFormat1(byte[] body)
    {
        var output = new List<byte>(body.AsSpan(0, 30).ToArray());
        int at = 30;
        byte[] half = new byte[2];
        for (int stage = 0; stage < 2; stage++)
        {
            output.AddRange(body.AsSpan(at, 44).ToArray());
            float unit = BinaryPrimitives.ReadSingleLittleEndian(body.AsSpan(at + 44));
            output.AddRange(body.AsSpan(at + 48, 32).ToArray());
            at += 48 + 32;
            for (int i = 0; i < 256 * 8; i++)
            {
                BinaryPrimitives.WriteHalfLittleEndian(half, (Half)((sbyte)body[at + i] * unit));
                output.AddRange(half);
            }

            at += 256 * 8;
        }

        Assert.Equal(body.Length, at);
        return [.. output];
    }

    [Fact]
    public void Data_after_the_last_stage_is_named() =>
        AssertInvalid(Deflate([.. TinyBody, 0]), "is corrupt: unexpected data after the last stage");

    [Fact]
    public void Every_truncation_of_a_model_is_refused_clearly()
    {
        for (int length = 0; length < TinyBytes.Length; length++)
        {
            InvalidModelException ex = Assert.Throws<InvalidModelException>(() => EntityModel.Load(new MemoryStream(TinyBytes, 0, length)));
            Assert.Equal(length == 0 ? "The entity model stream is empty." : "The entity model stream is truncated.", ex.Message);
        }
    }

    [Fact]
    public void Random_byte_changes_in_the_file_load_or_are_refused_clearly() =>
        Gen.Select(Gen.Int[0, TinyBytes.Length - 1], Gen.Byte[1, 255]).Array[1, 6].Sample(
            changes => AssertLoadsOrRefusesClearly(Xor(TinyBytes, changes)),
            iter: 3000,
            print: Show);

    [Fact]
    public void Random_byte_changes_in_the_decompressed_body_load_or_are_refused_clearly() =>
        Gen.Select(Gen.Int[0, 80], Gen.Byte[1, 255]).Array[1, 4].Sample(
            changes => AssertLoadsOrRefusesClearly(Deflate(Xor(TinyBody, changes))),
            iter: 3000,
            print: Show);

    [Fact]
    public void Random_byte_changes_in_the_shipped_model_header_load_or_are_refused_clearly() =>
        Gen.Select(Gen.Int[0, 40], Gen.Byte[1, 255]).Sample(
            change => AssertLoadsOrRefusesClearly(Xor(_shipped.Bytes, [change])),
            iter: 24,
            threads: 1,
            print: c => Show([c]));

    /// <summary>Writes <paramref name="bytes"/> to a temporary file and checks that loading it throws an <see cref="InvalidModelException"/> with this message.</summary>
    private static void AssertInvalid(ReadOnlySpan<byte> bytes, string problem)
    {
        using var file = new TempFile(bytes);
        InvalidModelException ex = Assert.Throws<InvalidModelException>(() => EntityModel.Load(file.Path));
        Assert.StartsWith($"The entity model file '{file.Path}' {problem}", ex.Message, StringComparison.Ordinal);
        Assert.Equal(file.Path, ex.FileName);
    }

    /// <summary>
    /// The bytes load, and the model tags a sentence, or they are refused with an <see cref="InvalidModelException"/>
    /// about the stream; any other exception fails the test.
    /// </summary>
    private static void AssertLoadsOrRefusesClearly(byte[] bytes)
    {
        EntityModel model;
        try
        {
            model = EntityModel.Load(new MemoryStream(bytes, writable: false));
        }
        catch (InvalidModelException ex)
        {
            Assert.StartsWith("The entity model stream ", ex.Message, StringComparison.Ordinal);
            return;
        }

        var pipeline = ExtractorPipeline.Create(new ExtractorOptions { EntityModel = model });
        Assert.NotNull(pipeline.Analyze("Anna Becker flew from Paris to Lagos with Tom Walcott, the BBC said on Monday.").Entities);
    }

    private static byte[] Write(NerModel model)
    {
        using var stream = new MemoryStream();
        model.Write(stream);
        return stream.ToArray();
    }

    /// <summary>A model file of the current format around <paramref name="body"/>.</summary>
    private static byte[] Deflate(byte[] body) => ModelFileBytes.Deflate(TinyBytes, body);
}
