using System;
using System.IO;
using System.IO.Compression;
using QuoteExtract.Entities;
using QuoteExtract.Quotes;

namespace QuoteExtract.Models;

/// <summary>
/// Given names with the gender they are mostly given to, as hashes (models/first-names.bin): compiled by the
/// training tool from the US Census 1990 name lists. Format: "QXNAM", version 1, then deflated: an int32 count,
/// that many strictly increasing 64-bit lower-case hashes (<see cref="NerHash.LowerHash"/>), then one byte per
/// name (1 male, 2 female).
/// </summary>
internal sealed class FirstNameTable
{
    public const string Magic = "QXNAM";
    public const byte Version = 1;
    private const int MaxNames = 1 << 20;

    private static readonly Lazy<FirstNameTable> Embedded = new(LoadEmbedded);

    private readonly ulong[] _hashes;
    private readonly byte[] _genders;

    private FirstNameTable(ulong[] hashes, byte[] genders)
    {
        _hashes = hashes;
        _genders = genders;
    }

    /// <summary>The table embedded in the library, read once on first use; empty when the library was built without it.</summary>
    public static FirstNameTable Default => Embedded.Value;

    public int Count => _hashes.Length;

    /// <summary>The gender the name is mostly given to; false for a name the table does not hold, or holds for both.</summary>
    public bool TryGetGender(ReadOnlySpan<char> name, out Gender gender)
    {
        int i = Array.BinarySearch(_hashes, NerHash.LowerHash(name));
        gender = i >= 0 ? (Gender)_genders[i] : Gender.Any;
        return i >= 0;
    }

    /// <summary>Writes a table of these names (each hash once, strictly increasing after sorting).</summary>
    public static void Write(Stream stream, ulong[] hashes, byte[] genders)
    {
        stream.Write("QXNAM"u8);
        stream.WriteByte(Version);
        using var deflate = new DeflateStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(deflate);
        writer.Write(hashes.Length);
        foreach (ulong h in hashes)
        {
            writer.Write(h);
        }

        writer.Write(genders);
    }

    /// <summary>Reads a table, checking everything its lookups rely on.</summary>
    public static FirstNameTable Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 6 || !bytes[..5].SequenceEqual("QXNAM"u8))
        {
            throw new InvalidDataException("The first-name table does not start with QXNAM.");
        }

        if (bytes[5] != Version)
        {
            throw new InvalidDataException($"The first-name table has format version {bytes[5]}; this library reads version {Version}.");
        }

        try
        {
            using var deflate = new DeflateStream(new MemoryStream(bytes[6..].ToArray(), writable: false), CompressionMode.Decompress);
            using var reader = new BinaryReader(deflate);
            int count = reader.ReadInt32();
            if (count is < 0 or > MaxNames)
            {
                throw new InvalidDataException($"The first-name table holds {count} names; a table holds 0 to {MaxNames}.");
            }

            var hashes = new ulong[count];
            for (int i = 0; i < count; i++)
            {
                hashes[i] = reader.ReadUInt64();
                if (i > 0 && hashes[i] <= hashes[i - 1])
                {
                    throw new InvalidDataException("The first-name table's hashes are not strictly increasing.");
                }
            }

            byte[] genders = reader.ReadBytes(count);
            if (genders.Length != count || Array.Exists(genders, g => g is not ((byte)Gender.Male or (byte)Gender.Female)))
            {
                throw new InvalidDataException("The first-name table is truncated or has a gender other than male or female.");
            }

            return new FirstNameTable(hashes, genders);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("The first-name table is truncated.", ex);
        }
    }

    private static FirstNameTable LoadEmbedded()
    {
        using Stream? stream = ModelResources.Open(ModelResources.FirstNames);
        if (stream is null)
        {
            return new FirstNameTable([], []);
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Read(copy.GetBuffer().AsSpan(0, (int)copy.Length));
    }
}
