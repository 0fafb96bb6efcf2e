using System;
using System.IO;
using System.Runtime.InteropServices;
using QuoteExtract.Syntax;

namespace QuoteExtract.Models;

/// <summary>
/// How a <see cref="QuantizedTable"/> is stored: its shape and scale, a bitmap of the rows that have a weight, and
/// those rows' 8-bit weights. Reading checks every size before allocating for it.
/// </summary>
internal static class WeightTableFormat
{
    public static void Write(BinaryWriter writer, QuantizedTable table)
    {
        writer.Write(table.Bits);
        writer.Write(table.Classes);
        writer.Write(table.Scale);
        int rows = 1 << table.Bits;
        var bitmap = new byte[(rows + 7) / 8];
        ReadOnlySpan<sbyte> weights = table.Weights;
        for (int r = 0; r < rows; r++)
        {
            if (weights.Slice(r * table.Stride, table.Classes).ContainsAnyExcept((sbyte)0))
            {
                bitmap[r >> 3] |= (byte)(1 << (r & 7));
            }
        }

        writer.Write(bitmap);
        for (int r = 0; r < rows; r++)
        {
            if ((bitmap[r >> 3] & (1 << (r & 7))) != 0)
            {
                writer.Write(MemoryMarshal.AsBytes(weights.Slice(r * table.Stride, table.Classes)));
            }
        }
    }

    /// <summary>Reads a table that must have <paramref name="classes"/> classes; <paramref name="name"/> says which in errors.</summary>
    public static QuantizedTable Read(BinaryReader reader, string name, int classes, string? fileName)
    {
        int bits = reader.ReadInt32();
        if (bits is < QuantizedTable.MinBits or > QuantizedTable.MaxBits)
        {
            throw NerModel.Corrupt(fileName, $"the {name} table has 2^{bits} rows; a table has 2^{QuantizedTable.MinBits} to 2^{QuantizedTable.MaxBits}", kind: SyntaxModelFile.Kind);
        }

        int count = reader.ReadInt32();
        if (count != classes)
        {
            throw NerModel.Corrupt(fileName, $"the {name} table has {count} classes; {classes} were expected", kind: SyntaxModelFile.Kind);
        }

        float scale = reader.ReadSingle();
        if (!float.IsFinite(scale) || scale <= 0)
        {
            throw NerModel.Corrupt(fileName, $"the {name} table's scale is not a positive number", kind: SyntaxModelFile.Kind);
        }

        int rows = 1 << bits;
        int stride = QuantizedTable.StrideFor(count);
        byte[] bitmap = NerModel.ReadExactly(reader, (rows + 7) / 8);
        var weights = new sbyte[rows * stride];
        Span<byte> bytes = MemoryMarshal.AsBytes(weights.AsSpan());
        for (int r = 0; r < rows; r++)
        {
            if ((bitmap[r >> 3] & (1 << (r & 7))) != 0)
            {
                reader.BaseStream.ReadExactly(bytes.Slice(r * stride, count));
            }
        }

        if (weights.AsSpan().Contains(sbyte.MinValue))
        {
            throw NerModel.Corrupt(fileName, $"the {name} table has a weight outside -127 to 127", kind: SyntaxModelFile.Kind);
        }

        return new QuantizedTable(bits, count, scale, weights);
    }
}
