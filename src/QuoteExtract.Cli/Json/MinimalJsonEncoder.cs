using System;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace QuoteExtract.Cli.Json;

/// <summary>
/// Escapes only what JSON requires (quotation mark, backslash, control characters) and writes every
/// other character as it is: the built-in encoders, even UnsafeRelaxedJsonEscaping, escape emoji and
/// non-breaking spaces. The output is for machines and terminals, never embedded in HTML. An unpaired
/// surrogate, which UTF-8 cannot carry, becomes U+FFFD (one code unit for one, so offsets still hold).
/// </summary>
internal sealed class MinimalJsonEncoder : JavaScriptEncoder
{
    public static MinimalJsonEncoder Instance { get; } = new();

    private MinimalJsonEncoder()
    {
    }

    public override int MaxOutputCharactersPerInputCharacter => 6; // \uXXXX

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        var chars = new ReadOnlySpan<char>(text, textLength);
        for (int i = 0; i < chars.Length; i++)
        {
            char c = chars[i];
            if (c < 0x20 || c == '"' || c == '\\')
            {
                return i;
            }

            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
                {
                    i++;
                    continue;
                }

                return i;
            }
        }

        return -1;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var destination = new Span<char>(buffer, bufferLength);
        if (!WillEncode(unicodeScalar))
        {
            bool fits = new Rune(unicodeScalar).TryEncodeToUtf16(destination, out numberOfCharactersWritten);
            return fits;
        }

        string escape = unicodeScalar switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '\b' => "\\b",
            '\f' => "\\f",
            _ => string.Create(CultureInfo.InvariantCulture, $"\\u{unicodeScalar:x4}"),
        };
        if (!escape.AsSpan().TryCopyTo(destination))
        {
            numberOfCharactersWritten = 0;
            return false;
        }

        numberOfCharactersWritten = escape.Length;
        return true;
    }

    public override bool WillEncode(int unicodeScalar) => unicodeScalar < 0x20 || unicodeScalar == '"' || unicodeScalar == '\\';
}
