using System.Text;
using Rizquna.Content;

namespace Rizquna.Content.Tests.Utm;

/// <summary>The fast link check must agree with the <see cref="Uri"/> check it short-cuts, on generated links.</summary>
public sealed class UrlFastCheckTests
{
    private static readonly string[] Schemes = ["https://", "http://", "HTTPS://", "Http://", "ftp://", "https:/", "https:", "//", "", "httpx://", " https://", "https:// "];
    private static readonly string[] Hosts =
    [
        "rizquna.id", "www.rizquna.id", "a.co", "localhost", "sub-domain.example.com", "x1.y2.z3", "bit.ly", "A.B.C",
        "-bad.com", "bad-.com", "a..b", ".a.com", "a.com.", "a_b.com", "1.2.3.4", "999.1.1.1", "0x7f.1", "127.1", "a.123",
        "[::1]", "user@rizquna.id", "u:p@h.com", "例え.jp", "xn--r8jz45g.jp", "", "a b.com", "a%41.com", new string('a', 64) + ".com",
        new string('a', 63) + ".com",
    ];

    private static readonly string[] Ports = ["", "", "", ":80", ":8080", ":65535", ":65536", ":0", ":", ":abc", ":123456", ":00080"];
    private static readonly string[] PathPieces =
    [
        "/", "/games", "/olympus", "?", "&", "=", "ref=tg", "lang=id", "#", "#rtp", "%20", "%2", "%zz", "%", "~", "-", "_", ".",
        "..", "/./", "/../", "!", "$", "'", "(", ")", "*", "+", ",", ";", ":", "@", " ", "\"", "<", ">", "\\", "^", "`", "{",
        "|", "}", "[", "]", "é", "日本", "🎰", "\t", "\u00a0", "utm_source=old",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Validate_agrees_with_the_uri_check_on_generated_links(int seed)
    {
        var random = new Random(seed);
        var fast = 0;
        for (var round = 0; round < 3000; round++)
        {
            var url = Generate(random);

            var expected = Outcome(() => UtmBuilder.ValidateWithUri(url));
            var actual = Outcome(() => UtmBuilder.Validate(url));

            Assert.Equal(expected, actual);
            if (UrlFastCheck.IsSimpleHttpUrl(url))
            {
                fast++;
                Assert.Equal("ok:" + url, expected); // accepted by Uri and returned unchanged
            }
        }

        Assert.True(fast > 300, $"only {fast} of 3000 generated links took the fast path: the generator no longer exercises it");
    }

    [Theory]
    [InlineData("https://rizquna.id/games/olympus?ref=tg&lang=id#rtp")]
    [InlineData("http://a.co")]
    [InlineData("HTTPS://RIZQUNA.ID:8443/p?q=a%20b")]
    [InlineData("https://bit.ly/3abcDEF")]
    public void Common_links_take_the_fast_path(string url)
    {
        Assert.True(UrlFastCheck.IsSimpleHttpUrl(url));
        Assert.Equal(url, UtmBuilder.ValidateWithUri(url));
    }

    [Theory]
    [InlineData("https://1.2.3.4/")]
    [InlineData("https://user@rizquna.id/")]
    [InlineData("https://rizquna.id/a b")]
    [InlineData("https://例え.jp/")]
    [InlineData("https://rizquna.id:99999/")]
    [InlineData("https://rizquna.id/%zz")]
    public void Unusual_links_are_left_to_uri(string url)
    {
        Assert.False(UrlFastCheck.IsSimpleHttpUrl(url));
    }

    private static string Generate(Random random)
    {
        var text = new StringBuilder();
        // Mostly ordinary parts (the first few of each list), so that a good share of links stays on the fast path.
        text.Append(Pick(random, Schemes, common: 4)).Append(Pick(random, Hosts, common: 8)).Append(Pick(random, Ports, common: 6));
        var pieces = random.Next(0, 8);
        for (var i = 0; i < pieces; i++)
        {
            text.Append(Pick(random, PathPieces, common: 10));
        }

        return text.ToString();
    }

    private static string Outcome(Func<string> validate)
    {
        try
        {
            return "ok:" + validate();
        }
        catch (ArgumentException exception)
        {
            return $"error:{exception.ParamName}:{exception.Message}";
        }
    }

    private static string Pick(Random random, string[] items, int common) =>
        items[random.Next(4) == 0 ? random.Next(items.Length) : random.Next(common)];
}
