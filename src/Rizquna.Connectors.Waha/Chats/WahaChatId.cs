using System.Diagnostics.CodeAnalysis;

namespace Rizquna.Connectors.Waha;

/// <summary>
/// Normalises the chat ids WAHA accepts. A phone number in local Indonesian form (<c>0812…</c>) or international form
/// (<c>+62812…</c>, <c>62812…</c>, or <c>+</c> with any country code) becomes <c>62812…@c.us</c>; <c>…@c.us</c> is checked,
/// <c>…@s.whatsapp.net</c> (NOWEB/GOWS internals) becomes <c>@c.us</c>; groups (<c>@g.us</c>) and channels
/// (<c>@newsletter</c>) pass through. Anything else is refused before any call is made.
/// </summary>
public static class WahaChatId
{
    /// <summary>The country code put in front of a local number that starts with <c>0</c>.</summary>
    public const string DefaultCountryCode = "62";

    private const int MinDigits = 8;   // shortest plausible international number with its country code
    private const int MaxDigits = 15;  // E.164

    /// <summary>Normalises <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentException">The value is not a phone number, a user, group or channel id; the message says why.</exception>
    public static string Normalize(string? value, string countryCode = DefaultCountryCode)
    {
        if (!TryNormalize(value, out var chatId, out var error, countryCode))
        {
            throw new ArgumentException(error, nameof(value));
        }

        return chatId;
    }

    /// <summary>Normalises <paramref name="value"/> without throwing; <paramref name="error"/> says why it was refused.</summary>
    public static bool TryNormalize(
        string? value,
        [NotNullWhen(true)] out string? chatId,
        [NotNullWhen(false)] out string? error,
        string countryCode = DefaultCountryCode)
    {
        chatId = null;
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            error = "A WhatsApp chat id is required (a phone number like 0812…, +62812…, or an id ending in @c.us, @g.us or @newsletter).";
            return false;
        }

        var at = text.IndexOf('@');
        if (at >= 0)
        {
            return TryNormalizeId(text, at, out chatId, out error);
        }

        return TryNormalizePhone(text, countryCode, out chatId, out error);
    }

    private static bool TryNormalizeId(string text, int at, [NotNullWhen(true)] out string? chatId, [NotNullWhen(false)] out string? error)
    {
        chatId = null;
        var local = text.AsSpan(0, at);
        var server = text.AsSpan(at + 1);
        switch (server)
        {
            case "c.us" or "s.whatsapp.net":
                if (!IsDigits(local) || local.Length is < MinDigits or > MaxDigits)
                {
                    error = $"'{text}' is not a WhatsApp user id: the part before '@' must be {MinDigits}–{MaxDigits} digits of an international number without '+'.";
                    return false;
                }

                chatId = string.Concat(local, "@c.us");
                error = null;
                return true;

            case "g.us" or "newsletter":
                if (local.IsEmpty || !IsDigitsOrDash(local))
                {
                    error = $"'{text}' is not a WhatsApp {(server is "g.us" ? "group" : "channel")} id: the part before '@' must be digits (and '-').";
                    return false;
                }

                chatId = text;
                error = null;
                return true;

            default:
                error = $"'{text}' is not a supported WhatsApp chat id: only @c.us (users), @g.us (groups) and @newsletter (channels) are accepted.";
                return false;
        }
    }

    private static bool TryNormalizePhone(string text, string countryCode, [NotNullWhen(true)] out string? chatId, [NotNullWhen(false)] out string? error)
    {
        chatId = null;
        Span<char> digits = stackalloc char[32];
        var count = 0;
        var plus = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                if (count == digits.Length)
                {
                    error = $"'{text}' is too long for a phone number.";
                    return false;
                }

                digits[count++] = c;
            }
            else if (c == '+' && i == 0)
            {
                plus = true;
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')'))
            {
                error = $"'{text}' is not a phone number or a WhatsApp chat id (unexpected '{c}').";
                return false;
            }
        }

        ReadOnlySpan<char> number = digits[..count];
        string international;
        if (plus)
        {
            international = number.ToString();
        }
        else if (number.StartsWith("00"))
        {
            error = $"'{text}' starts with an international dialling prefix: write it as +<country code><number>.";
            return false;
        }
        else if (number.StartsWith("0"))
        {
            international = string.Concat(countryCode, number[1..]);
        }
        else if (number.StartsWith(countryCode))
        {
            international = number.ToString();
        }
        else
        {
            error = $"'{text}' is ambiguous: write a local number with a leading 0 (0812…) or an international one with + and the country code (+62812…).";
            return false;
        }

        if (international.Length is < MinDigits or > MaxDigits || international[0] == '0')
        {
            error = $"'{text}' is not a valid phone number: it must have {MinDigits}–{MaxDigits} digits with the country code.";
            return false;
        }

        chatId = international + "@c.us";
        error = null;
        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return !span.IsEmpty;
    }

    private static bool IsDigitsOrDash(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }
}
