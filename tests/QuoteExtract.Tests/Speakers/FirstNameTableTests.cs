using System.IO;
using QuoteExtract.Entities;
using QuoteExtract.Models;
using QuoteExtract.Quotes;

namespace QuoteExtract.Tests.Speakers;

/// <summary>models/first-names.bin as the library embeds it, and its format checks.</summary>
public class FirstNameTableTests
{
    [Fact]
    public void The_embedded_table_knows_the_census_names()
    {
        FirstNameTable table = FirstNameTable.Default;
        Assert.InRange(table.Count, 4_000, 6_000);
        Assert.True(table.TryGetGender("Simon", out Gender simon));
        Assert.Equal(Gender.Male, simon);
        Assert.True(table.TryGetGender("erin", out Gender erin)); // on both lists, far more often a woman's
        Assert.Equal(Gender.Female, erin);
        Assert.False(table.TryGetGender("Xqzvw", out _));
    }

    [Fact]
    public void A_table_written_and_read_again_gives_the_same_genders()
    {
        ulong[] hashes = [NerHash.LowerHash("ada"), NerHash.LowerHash("bo")];
        byte[] genders = hashes[0] < hashes[1] ? [2, 1] : [1, 2];
        System.Array.Sort(hashes);
        FirstNameTable table = FirstNameTable.Read(Bytes(hashes, genders));
        Assert.Equal(2, table.Count);
        Assert.True(table.TryGetGender("Ada", out Gender ada));
        Assert.Equal(Gender.Female, ada);
        Assert.True(table.TryGetGender("BO", out Gender bo));
        Assert.Equal(Gender.Male, bo);
    }

    [Fact]
    public void A_bad_table_is_refused_with_what_is_wrong()
    {
        byte[] good = Bytes([1, 2], [1, 2]);
        Assert.Contains("QXNAM", Assert.Throws<InvalidDataException>(() => FirstNameTable.Read([.. "QXNER"u8, 1])).Message, System.StringComparison.Ordinal);
        Assert.Contains("version 9", Assert.Throws<InvalidDataException>(() => FirstNameTable.Read([.. good[..5], 9, .. good[6..]])).Message, System.StringComparison.Ordinal);
        Assert.Contains("increasing", Assert.Throws<InvalidDataException>(() => FirstNameTable.Read(Bytes([2, 1], [1, 2]))).Message, System.StringComparison.Ordinal);
        Assert.Contains("gender", Assert.Throws<InvalidDataException>(() => FirstNameTable.Read(Bytes([1, 2], [1, 3]))).Message, System.StringComparison.Ordinal);
        Assert.Contains("truncated", Assert.Throws<InvalidDataException>(() => FirstNameTable.Read(good.AsSpan(0, good.Length - 4))).Message, System.StringComparison.Ordinal);
    }

    private static byte[] Bytes(ulong[] hashes, byte[] genders)
    {
        using var stream = new MemoryStream();
        FirstNameTable.Write(stream, hashes, genders);
        return stream.ToArray();
    }
}
