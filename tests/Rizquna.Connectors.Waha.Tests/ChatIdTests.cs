namespace Rizquna.Connectors.Waha.Tests;

public sealed class ChatIdTests
{
    [Theory]
    [InlineData("081234567890", "6281234567890@c.us")]
    [InlineData("0812-3456-7890", "6281234567890@c.us")]
    [InlineData("0812 3456 7890", "6281234567890@c.us")]
    [InlineData("+6281234567890", "6281234567890@c.us")]
    [InlineData("+62 812-3456-7890", "6281234567890@c.us")]
    [InlineData("6281234567890", "6281234567890@c.us")]
    [InlineData(" 6281234567890 ", "6281234567890@c.us")]
    [InlineData("+14155550123", "14155550123@c.us")]
    [InlineData("6281234567890@c.us", "6281234567890@c.us")]
    [InlineData("6281234567890@s.whatsapp.net", "6281234567890@c.us")]
    [InlineData("120363012345678901@g.us", "120363012345678901@g.us")]
    [InlineData("6281234567-1600000000@g.us", "6281234567-1600000000@g.us")]
    [InlineData("120363098765432109@newsletter", "120363098765432109@newsletter")]
    public void Accepted_forms_are_normalised(string input, string expected) =>
        Assert.Equal(expected, WahaChatId.Normalize(input));

    [Theory]
    [InlineData(null, "required")]
    [InlineData("", "required")]
    [InlineData("   ", "required")]
    [InlineData("812345678", "ambiguous")]            // no leading 0, no country code
    [InlineData("14155550123", "ambiguous")]          // another country without '+'
    [InlineData("0062812345678", "dialling prefix")]
    [InlineData("0812", "valid phone number")]        // too short
    [InlineData("+1234567890123456", "valid phone number")] // 16 digits
    [InlineData("08123abc", "unexpected 'a'")]
    [InlineData("62+81234567890", "unexpected '+'")]
    [InlineData("status@broadcast", "only @c.us")]
    [InlineData("123456789@lid", "only @c.us")]
    [InlineData("user@example.com", "only @c.us")]
    [InlineData("abc@c.us", "user id")]
    [InlineData("+6281234567890@c.us", "user id")]
    [InlineData("@g.us", "group id")]
    [InlineData("abc@newsletter", "channel id")]
    public void Other_values_are_refused_with_a_reason(string? input, string reason)
    {
        Assert.False(WahaChatId.TryNormalize(input, out var chatId, out var error));
        Assert.Null(chatId);
        Assert.Contains(reason, error, StringComparison.OrdinalIgnoreCase);
        var thrown = Assert.Throws<ArgumentException>(() => WahaChatId.Normalize(input));
        Assert.Contains(reason, thrown.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_configured_country_code_is_used_for_local_numbers() =>
        Assert.Equal("60123456789@c.us", WahaChatId.Normalize("0123456789", "60"));
}
