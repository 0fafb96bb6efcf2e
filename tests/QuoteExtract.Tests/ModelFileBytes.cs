using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;
using System.Linq;

namespace QuoteExtract.Tests;

/// <summary>
/// Byte surgery on model files for the format tests: every model file is a six-byte header (a five-letter magic
/// and the format version) before a deflated body.
/// </summary>
internal static class ModelFileBytes
{
    /// <summary>The magic and the format version, before the deflated body.</summary>
    public const int HeaderLength = 6;

    /// <summary>The inflated body of a model file.</summary>
    public static byte[] Inflate(byte[] model)
    {
        using var deflate = new DeflateStream(new MemoryStream(model, HeaderLength, model.Length - HeaderLength), CompressionMode.Decompress);
        using var body = new MemoryStream();
        deflate.CopyTo(body);
        return body.ToArray();
    }

    /// <summary>A model file with <paramref name="model"/>'s header around <paramref name="body"/>.</summary>
    public static byte[] Deflate(byte[] model, byte[] body)
    {
        using var stream = new MemoryStream();
        stream.Write(model, 0, HeaderLength);
        using (var deflate = new DeflateStream(stream, CompressionLevel.Fastest, leaveOpen: true))
        {
            deflate.Write(body);
        }

        return stream.ToArray();
    }

    public static byte[] Int32(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        return bytes;
    }

    public static byte[] Single(float value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(bytes, value);
        return bytes;
    }

    /// <summary>A copy of <paramref name="bytes"/> with each change's mask XORed in at its index (modulo the length).</summary>
    public static byte[] Xor(byte[] bytes, (int Index, byte Mask)[] changes)
    {
        byte[] copy = (byte[])bytes.Clone();
        foreach ((int index, byte mask) in changes)
        {
            copy[index % copy.Length] ^= mask;
        }

        return copy;
    }

    public static string Show((int Index, byte Mask)[] changes) => string.Join(", ", changes.Select(c => $"[{c.Index}] ^= 0x{c.Mask:X2}"));
}
