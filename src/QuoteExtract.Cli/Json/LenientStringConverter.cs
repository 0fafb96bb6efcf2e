using System;
using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace QuoteExtract.Cli.Json;

/// <summary>
/// Reads a JSON string code unit for code unit, unpaired surrogate escapes (<c>\ud800</c>) included.
/// They are valid JSON, and Python's json module writes them for text with broken UTF-16, but
/// System.Text.Json refuses them ("could not be converted to System.String"), which lost the whole
/// document. Anything but a string or null is refused as before.
/// </summary>
internal sealed class LenientStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException(); // the serializer words it, with the path and position
        }

        if (!reader.ValueIsEscaped)
        {
            return reader.GetString();
        }

        return Unescape(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }

    /// <summary>The string that the raw, escaped UTF-8 content of a JSON string stands for (the reader has checked its escapes).</summary>
    internal static string Unescape(ReadOnlySpan<byte> raw)
    {
        var sb = new StringBuilder(raw.Length);
        while (!raw.IsEmpty)
        {
            int backslash = raw.IndexOf((byte)'\\');
            if (backslash < 0 || backslash + 1 >= raw.Length)
            {
                sb.Append(Encoding.UTF8.GetString(raw)); // a backslash byte never occurs inside a multi-byte sequence
                break;
            }

            sb.Append(Encoding.UTF8.GetString(raw[..backslash]));
            byte escape = raw[backslash + 1];
            if (escape == (byte)'u' && backslash + 6 <= raw.Length)
            {
                sb.Append((char)((Hex(raw[backslash + 2]) << 12) | (Hex(raw[backslash + 3]) << 8) | (Hex(raw[backslash + 4]) << 4) | Hex(raw[backslash + 5])));
                raw = raw[(backslash + 6)..];
                continue;
            }

            sb.Append(escape switch
            {
                (byte)'b' => '\b',
                (byte)'f' => '\f',
                (byte)'n' => '\n',
                (byte)'r' => '\r',
                (byte)'t' => '\t',
                _ => (char)escape, // \" \\ \/
            });
            raw = raw[(backslash + 2)..];
        }

        return sb.ToString();
    }

    private static int Hex(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => throw new JsonException($"'{(char)b}' is not a hexadecimal digit"),
    };
}
