using System;
using System.IO;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using QuoteExtract.Entities;

namespace QuoteExtract.Models;

/// <summary>
/// One stage of the entity tagger: a linear multiclass model over hashed features. Weights are kept
/// relative to the O label (whose column is then zero and dropped), one row of <see cref="Stride"/>
/// signed bytes per hash bucket (one unit = <see cref="Scale"/>, the stage's largest magnitude / 127):
/// a feature costs one 8-byte read and sums are small integers; a 2^19-row stage is 4 MB, not the 16 MB
/// of floats it was (CoNLL-2003 dev F1 0.9171 with floats, 0.9168 in bytes).
/// </summary>
internal sealed class NerStage
{
    /// <summary>The largest magnitude of a quantized weight.</summary>
    public const int MaxUnits = sbyte.MaxValue;

    public NerStage(int bits, int labelCount, float[] bias, float[] weights)
        : this(bits, labelCount, bias, Quantize(weights, out float scale), scale)
    {
    }

    public NerStage(int bits, int labelCount, float[] bias, sbyte[] weights, float scale)
    {
        if (bits is < NerModel.MinBits or > NerModel.MaxBits)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits, $"Hash bits must be from {NerModel.MinBits} to {NerModel.MaxBits}.");
        }

        Bits = bits;
        LabelCount = labelCount;
        Stride = StrideFor(labelCount);
        if (bias.Length != labelCount || weights.Length != (1 << bits) * Stride)
        {
            throw new ArgumentException("Weight table size does not match the stage's shape.", nameof(weights));
        }

        if (!(scale > 0) || !float.IsFinite(scale))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The weight unit is a positive finite number.");
        }

        Bias = bias;
        Weights = weights;
        Scale = scale;
    }

    /// <summary>log2 of the number of rows.</summary>
    public int Bits { get; }

    /// <summary>Number of labels, O included.</summary>
    public int LabelCount { get; }

    /// <summary>Weights per row: the non-O labels, padded to a multiple of 8.</summary>
    public int Stride { get; }

    /// <summary>Per-label bias relative to O (so <c>Bias[0] == 0</c>).</summary>
    public float[] Bias { get; }

    /// <summary>Rows of <see cref="Stride"/> weights in units of <see cref="Scale"/>; column <c>c</c> is label <c>c + 1</c>.</summary>
    public sbyte[] Weights { get; }

    /// <summary>What one unit of <see cref="Weights"/> is worth.</summary>
    public float Scale { get; }

    /// <summary>The weight of row <paramref name="row"/>, column <paramref name="column"/> (label column + 1).</summary>
    public float Weight(int row, int column) => Weights[(row * Stride) + column] * Scale;

    /// <summary>Fixed point with one unit = the largest magnitude / <see cref="MaxUnits"/>.</summary>
    public static sbyte[] Quantize(ReadOnlySpan<float> weights, out float scale)
    {
        float max = 0;
        foreach (float w in weights)
        {
            max = Math.Max(max, Math.Abs(w));
        }

        scale = max > 0 && float.IsFinite(max) ? max / MaxUnits : 1f;
        var q = new sbyte[weights.Length];
        for (int i = 0; i < weights.Length; i++)
        {
            q[i] = (sbyte)Math.Clamp(MathF.Round(weights[i] / scale), -MaxUnits, MaxUnits);
        }

        return q;
    }

    public static int StrideFor(int labelCount) => (labelCount - 1 + 7) / 8 * 8;

    /// <summary>
    /// Builds a stage from per-label weight vectors as a trainer gives them (one dense array of
    /// 2^bits weights per label, O first) by subtracting O's weights and bias from every label.
    /// </summary>
    public static NerStage FromClassWeights(int bits, float[][] classWeights, float[] classBias)
    {
        int k = classWeights.Length;
        int rows = 1 << bits;
        int stride = StrideFor(k);
        var weights = new float[rows * stride];
        for (int r = 0; r < rows; r++)
        {
            float o = classWeights[0][r];
            for (int c = 1; c < k; c++)
            {
                weights[r * stride + c - 1] = classWeights[c][r] - o;
            }
        }

        var bias = new float[k];
        for (int c = 1; c < k; c++)
        {
            bias[c] = classBias[c] - classBias[0];
        }

        return new NerStage(bits, k, bias, weights);
    }
}

/// <summary>
/// The entity tagger's model: label scheme, compiled gazetteer and one or two linear stages. Stored in a
/// compact binary format of our own (deflated; weights as signed bytes with a scale per stage, all-zero rows skipped), so the
/// library needs no machine-learning runtime to use it.
/// </summary>
internal sealed class NerModel
{
    /// <summary>The smallest and largest stage, in hash bits (rows = 2^bits).</summary>
    public const int MinBits = 8;

    /// <inheritdoc cref="MinBits"/>
    public const int MaxBits = 24;

    private const byte FormatVersion = 2;

    /// <summary>The format before weights were bytes: rows of float16, quantized when read.</summary>
    private const byte Float16Version = 1;
    private const int MaxDescriptionBytes = 1 << 16;
    private static readonly byte[] Magic = "QXNER"u8.ToArray();
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public NerModel(LabelScheme scheme, Gazetteer gazetteer, NerStage[] stages, string description)
    {
        if (stages.Length is < 1 or > 2)
        {
            throw new ArgumentException("A model has one or two stages.", nameof(stages));
        }

        Labels = NerLabels.Create(scheme);
        foreach (NerStage s in stages)
        {
            if (s.LabelCount != Labels.Count)
            {
                throw new ArgumentException("A stage's label count does not match the scheme.", nameof(stages));
            }
        }

        Gazetteer = gazetteer;
        Stages = stages;
        Description = description;
    }

    public NerLabels Labels { get; }

    public Gazetteer Gazetteer { get; }

    public NerStage[] Stages { get; }

    /// <summary>A short description written at training time (corpora, date, scores).</summary>
    public string Description { get; }

    public void Write(Stream stream)
    {
        stream.Write(Magic);
        stream.WriteByte(FormatVersion);
        using var deflate = new DeflateStream(stream, CompressionLevel.Optimal, leaveOpen: true);
        using var writer = new BinaryWriter(deflate, Encoding.UTF8, leaveOpen: true);
        writer.Write(Gazetteer.HasClusters ? NerFeatures.Version : NerFeatures.VersionWithoutClusters);
        writer.Write((byte)Labels.Scheme);
        writer.Write(Description);
        Gazetteer.Write(writer);
        writer.Write(Stages.Length);
        foreach (NerStage stage in Stages)
        {
            writer.Write(stage.Bits);
            writer.Write(stage.LabelCount);
            foreach (float b in stage.Bias)
            {
                writer.Write(b);
            }

            writer.Write(stage.Scale);
            int rows = 1 << stage.Bits;
            int columns = stage.LabelCount - 1;
            var bitmap = new byte[(rows + 7) / 8];
            for (int r = 0; r < rows; r++)
            {
                if (stage.Weights.AsSpan(r * stage.Stride, columns).ContainsAnyExcept((sbyte)0))
                {
                    bitmap[r >> 3] |= (byte)(1 << (r & 7));
                }
            }

            writer.Write(bitmap);
            for (int r = 0; r < rows; r++)
            {
                if ((bitmap[r >> 3] & (1 << (r & 7))) != 0)
                {
                    writer.Write(MemoryMarshal.AsBytes(stage.Weights.AsSpan(r * stage.Stride, columns)));
                }
            }
        }
    }

    /// <summary>Reads a model written by <see cref="Write"/>; a <see cref="FileStream"/>'s file is named in errors.</summary>
    /// <exception cref="InvalidModelException">The stream does not hold a model this library can use.</exception>
    public static NerModel Read(Stream stream) => Read(stream, (stream as FileStream)?.Name);

    /// <summary>
    /// Reads a model written by <see cref="Write"/>. Every count and size is checked before anything is
    /// allocated for it, so garbage gives an <see cref="InvalidModelException"/>, never another exception.
    /// </summary>
    /// <param name="stream">The model's bytes, from the current position.</param>
    /// <param name="fileName">The file the stream reads, named in errors; null for "the stream".</param>
    /// <exception cref="InvalidModelException">The stream does not hold a model this library can use.</exception>
    public static NerModel Read(Stream stream, string? fileName) =>
        ReadContainer(stream, fileName, Magic, FormatVersion, "entity model", (reader, name) => ReadBody(reader, name, FormatVersion), Float16Version, (reader, name) => ReadBody(reader, name, Float16Version));

    /// <summary>
    /// Reads a model file of ours: <paramref name="magic"/>, a format-version byte, then deflated data that
    /// <paramref name="body"/> reads whole. Garbage, truncation and bad compressed data all give an
    /// <see cref="InvalidModelException"/> naming the file and the <paramref name="kind"/> of model expected.
    /// </summary>
    internal static T ReadContainer<T>(
        Stream stream,
        string? fileName,
        byte[] magic,
        byte version,
        string kind,
        Func<BinaryReader, string?, T> body,
        byte olderVersion = 0,
        Func<BinaryReader, string?, T>? olderBody = null)
    {
        Span<byte> head = stackalloc byte[magic.Length + 1];
        int read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (read == 0)
        {
            throw InvalidModelException.For(fileName, "is empty", kind: kind);
        }

        if (!head[..Math.Min(read, magic.Length)].SequenceEqual(magic.AsSpan(0, Math.Min(read, magic.Length))))
        {
            throw InvalidModelException.For(fileName, $"is not a QuoteExtract {kind} (bad magic)", kind: kind);
        }

        if (read < head.Length)
        {
            throw InvalidModelException.For(fileName, "is truncated", kind: kind);
        }

        if (olderBody is not null && head[magic.Length] == olderVersion)
        {
            body = olderBody;
        }
        else if (head[magic.Length] != version)
        {
            string known = olderBody is null ? $"{version}" : $"{version} (and {olderVersion})";
            throw InvalidModelException.For(fileName, $"has format version {head[magic.Length]}; this library reads format version {known}", kind: kind);
        }

        try
        {
            // DeflateStream ends quietly where its input does, even without the final block's end: whether
            // it asked the file for more bytes than there were tells a truncated model from a whole one.
            using var source = new EndDetectingStream(stream);
            using var deflate = new DeflateStream(source, CompressionMode.Decompress, leaveOpen: true);
            using var buffered = new BufferedStream(deflate, 1 << 16);
            using var reader = new BinaryReader(buffered, Encoding.UTF8, leaveOpen: true);
            T model = body(reader, fileName);
            if (reader.BaseStream.ReadByte() >= 0)
            {
                throw Corrupt(fileName, "unexpected data after the last stage", kind: kind);
            }

            return source.ReachedEnd ? throw InvalidModelException.For(fileName, "is truncated", kind: kind) : model;
        }
        catch (EndOfStreamException ex)
        {
            throw InvalidModelException.For(fileName, "is truncated", ex, kind);
        }
        catch (InvalidDataException ex)
        {
            throw InvalidModelException.For(fileName, "is corrupt: its compressed data cannot be decompressed", ex, kind);
        }
    }

    /// <summary>The deflated part of the format; throws <see cref="EndOfStreamException"/> where it ends too soon.</summary>
    private static NerModel ReadBody(BinaryReader reader, string? fileName, byte version)
    {
        int featureVersion = reader.ReadInt32();
        if (featureVersion != NerFeatures.Version && featureVersion != NerFeatures.VersionWithoutClusters)
        {
            throw InvalidModelException.For(
                fileName,
                $"was trained with feature-set version {featureVersion}; this library reads feature-set versions {NerFeatures.VersionWithoutClusters} and {NerFeatures.Version} (retrain the model)");
        }

        byte schemeByte = reader.ReadByte();
        if (schemeByte > (byte)LabelScheme.Bilou)
        {
            throw Corrupt(fileName, $"unknown label scheme {schemeByte}");
        }

        var scheme = (LabelScheme)schemeByte;
        int labelCount = NerLabels.Create(scheme).Count;
        string description = ReadDescription(reader, fileName);
        Gazetteer gazetteer = Gazetteer.Read(reader, fileName);
        if (featureVersion == NerFeatures.VersionWithoutClusters && gazetteer.HasClusters)
        {
            throw Corrupt(fileName, $"its gazetteer holds word clusters, which feature-set version {featureVersion} has no features for");
        }

        int stageCount = reader.ReadInt32();
        if (stageCount is < 1 or > 2)
        {
            throw Corrupt(fileName, $"{stageCount} stages; a model has 1 or 2");
        }

        var stages = new NerStage[stageCount];
        for (int s = 0; s < stageCount; s++)
        {
            stages[s] = ReadStage(reader, s + 1, labelCount, fileName, version);
        }

        return new NerModel(scheme, gazetteer, stages, description);
    }

    /// <summary>A stage: its shape and bias, then (format 2) a weight unit and byte rows, or (format 1) float16 rows.</summary>
    private static NerStage ReadStage(BinaryReader reader, int number, int labelCount, string? fileName, byte version)
    {
        int bits = reader.ReadInt32();
        if (bits is < MinBits or > MaxBits)
        {
            throw Corrupt(fileName, $"stage {number} has 2^{bits} rows; a stage has 2^{MinBits} to 2^{MaxBits}");
        }

        int labels = reader.ReadInt32();
        if (labels != labelCount)
        {
            throw Corrupt(fileName, $"stage {number} has {labels} labels; its label scheme has {labelCount}");
        }

        var bias = new float[labelCount];
        for (int c = 0; c < labelCount; c++)
        {
            bias[c] = reader.ReadSingle();
            if (!float.IsFinite(bias[c]))
            {
                throw Corrupt(fileName, $"stage {number} has a bias that is not a finite number");
            }
        }

        int rows = 1 << bits;
        int stride = NerStage.StrideFor(labelCount);
        int columns = labelCount - 1;
        if (version == Float16Version)
        {
            return new NerStage(bits, labelCount, bias, ReadFloat16Rows(reader, number, rows, stride, columns, fileName));
        }

        float scale = reader.ReadSingle();
        if (!(scale > 0) || !float.IsFinite(scale))
        {
            throw Corrupt(fileName, $"stage {number} has a weight unit that is not a positive finite number");
        }

        byte[] bitmap = ReadExactly(reader, rows / 8);
        var weights = new sbyte[rows * stride];
        for (int r = 0; r < rows; r++)
        {
            if ((bitmap[r >> 3] & (1 << (r & 7))) != 0)
            {
                reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(weights.AsSpan(r * stride, columns)));
            }
        }

        return new NerStage(bits, labelCount, bias, weights, scale);
    }

    /// <summary>A format-1 stage's rows: a bitmap of the stored rows, then each as float16 (quantized by the stage).</summary>
    private static float[] ReadFloat16Rows(BinaryReader reader, int number, int rows, int stride, int columns, string? fileName)
    {
        byte[] bitmap = ReadExactly(reader, rows / 8);
        var weights = new float[rows * stride];
        var row = new Half[columns];
        for (int r = 0; r < rows; r++)
        {
            if ((bitmap[r >> 3] & (1 << (r & 7))) == 0)
            {
                continue;
            }

            reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(row.AsSpan()));
            for (int c = 0; c < columns; c++)
            {
                if (!Half.IsFinite(row[c]))
                {
                    throw Corrupt(fileName, $"stage {number} has a weight that is not a finite number");
                }

                weights[r * stride + c] = (float)row[c];
            }
        }

        return weights;
    }

    /// <summary>The description as <see cref="BinaryWriter.Write(string)"/> wrote it: a 7-bit encoded length, then UTF-8.</summary>
    internal static string ReadDescription(BinaryReader reader, string? fileName, string kind = "entity model")
    {
        int length;
        try
        {
            length = reader.Read7BitEncodedInt();
        }
        catch (FormatException ex)
        {
            throw Corrupt(fileName, "the description's length is malformed", ex, kind);
        }

        if (length is < 0 or > MaxDescriptionBytes)
        {
            throw Corrupt(fileName, $"the description is {length:N0} bytes long; at most {MaxDescriptionBytes:N0} are allowed", kind: kind);
        }

        try
        {
            return StrictUtf8.GetString(ReadExactly(reader, length));
        }
        catch (DecoderFallbackException ex)
        {
            throw Corrupt(fileName, "the description is not UTF-8", ex, kind);
        }
    }

    /// <summary><paramref name="count"/> bytes, or <see cref="EndOfStreamException"/>.</summary>
    internal static byte[] ReadExactly(BinaryReader reader, int count)
    {
        byte[] bytes = reader.ReadBytes(count);
        return bytes.Length == count ? bytes : throw new EndOfStreamException();
    }

    /// <summary>The exception for a model whose content is impossible: <paramref name="what"/> says what.</summary>
    internal static InvalidModelException Corrupt(string? fileName, string what, Exception? innerException = null, string kind = "entity model") =>
        InvalidModelException.For(fileName, "is corrupt: " + what, innerException, kind);
}

/// <summary>
/// Reads another stream (leaving it open) and notes whether a read ever came back empty, the end of the data
/// (a <see cref="DeflateStream"/> reads past its input only when the compressed data has not ended).
/// </summary>
internal sealed class EndDetectingStream(Stream inner) : Stream
{
    /// <summary>A read asked for bytes and got none.</summary>
    public bool ReachedEnd { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read = inner.Read(buffer);
        ReachedEnd |= read == 0 && !buffer.IsEmpty;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
