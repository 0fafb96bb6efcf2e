using System;
using System.Collections;
using System.IO;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using QuoteExtract.Entities;

namespace QuoteExtract.Models;

/// <summary>
/// One stage of the entity tagger: a linear multiclass model over hashed features. Weights are kept
/// relative to the O label (whose column is then zero and dropped), one row of
/// <see cref="Stride"/> floats per hash bucket, so scoring a feature adds one cache line to the scores.
/// </summary>
internal sealed class NerStage
{
    public NerStage(int bits, int labelCount, float[] bias, float[] weights)
    {
        if (bits is < 8 or > 24)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits, "Hash bits must be between 8 and 24.");
        }

        Bits = bits;
        LabelCount = labelCount;
        Stride = StrideFor(labelCount);
        if (bias.Length != labelCount || weights.Length != (1 << bits) * Stride)
        {
            throw new ArgumentException("Weight table size does not match the stage's shape.", nameof(weights));
        }

        Bias = bias;
        Weights = weights;
    }

    /// <summary>log2 of the number of rows.</summary>
    public int Bits { get; }

    /// <summary>Number of labels, O included.</summary>
    public int LabelCount { get; }

    /// <summary>Floats per row: the non-O labels, padded to a multiple of 8.</summary>
    public int Stride { get; }

    /// <summary>Per-label bias relative to O (so <c>Bias[0] == 0</c>).</summary>
    public float[] Bias { get; }

    /// <summary>Rows of <see cref="Stride"/> floats; column <c>c</c> is label <c>c + 1</c>.</summary>
    public float[] Weights { get; }

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
/// compact binary format of our own (deflated; weights as 16-bit floats, all-zero rows skipped), so the
/// library needs no machine-learning runtime to use it.
/// </summary>
internal sealed class NerModel
{
    private static readonly byte[] Magic = "QXNER"u8.ToArray();
    private const byte FormatVersion = 1;

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
        writer.Write(NerFeatures.Version);
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

            int rows = 1 << stage.Bits;
            int columns = stage.LabelCount - 1;
            var nonZero = new BitArray(rows);
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < columns; c++)
                {
                    if ((Half)stage.Weights[r * stage.Stride + c] != Half.Zero)
                    {
                        nonZero[r] = true;
                        break;
                    }
                }
            }

            var bitmap = new byte[(rows + 7) / 8];
            nonZero.CopyTo(bitmap, 0);
            writer.Write(bitmap);
            var row = new Half[columns];
            for (int r = 0; r < rows; r++)
            {
                if (!nonZero[r])
                {
                    continue;
                }

                for (int c = 0; c < columns; c++)
                {
                    row[c] = (Half)stage.Weights[r * stage.Stride + c];
                }

                writer.Write(MemoryMarshal.AsBytes(row.AsSpan()));
            }
        }
    }

    public static NerModel Read(Stream stream)
    {
        Span<byte> head = stackalloc byte[6];
        stream.ReadExactly(head);
        if (!head[..5].SequenceEqual(Magic) || head[5] != FormatVersion)
        {
            throw new InvalidDataException("Not an entity model of a format this library reads.");
        }

        using var deflate = new DeflateStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var buffered = new BufferedStream(deflate, 1 << 16);
        using var reader = new BinaryReader(buffered, Encoding.UTF8, leaveOpen: true);
        int featureVersion = reader.ReadInt32();
        if (featureVersion != NerFeatures.Version)
        {
            throw new InvalidDataException(
                $"The entity model was trained with feature set {featureVersion}; this library computes feature set {NerFeatures.Version}. Retrain the model.");
        }

        var scheme = (LabelScheme)reader.ReadByte();
        string description = reader.ReadString();
        Gazetteer gazetteer = Gazetteer.Read(reader);
        int stageCount = reader.ReadInt32();
        if (stageCount is < 1 or > 2)
        {
            throw new InvalidDataException("Corrupt entity model: bad stage count.");
        }

        var stages = new NerStage[stageCount];
        for (int s = 0; s < stageCount; s++)
        {
            int bits = reader.ReadInt32();
            int labelCount = reader.ReadInt32();
            if (bits is < 8 or > 24 || labelCount is < 2 or > 64)
            {
                throw new InvalidDataException("Corrupt entity model: bad stage shape.");
            }

            var bias = new float[labelCount];
            for (int c = 0; c < labelCount; c++)
            {
                bias[c] = reader.ReadSingle();
            }

            int rows = 1 << bits;
            int stride = NerStage.StrideFor(labelCount);
            int columns = labelCount - 1;
            byte[] bitmap = reader.ReadBytes((rows + 7) / 8);
            var weights = new float[rows * stride];
            var row = new Half[columns];
            Span<byte> rowBytes = MemoryMarshal.AsBytes(row.AsSpan());
            for (int r = 0; r < rows; r++)
            {
                if ((bitmap[r >> 3] & (1 << (r & 7))) == 0)
                {
                    continue;
                }

                reader.BaseStream.ReadExactly(rowBytes);
                for (int c = 0; c < columns; c++)
                {
                    weights[r * stride + c] = (float)row[c];
                }
            }

            stages[s] = new NerStage(bits, labelCount, bias, weights);
        }

        return new NerModel(scheme, gazetteer, stages, description);
    }
}
