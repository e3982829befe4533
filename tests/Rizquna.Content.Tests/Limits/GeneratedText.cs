using System.Text;

namespace Rizquna.Content.Tests.Limits;

/// <summary>A generated caption and where the generator put its URLs, hashtags and mentions.</summary>
internal sealed record GeneratedText(string Text, IReadOnlyList<(int Start, int End, string Kind)> Tokens)
{
    private static readonly string[] LatinWords = ["promo", "gacor", "hari", "ini", "Selamat", "pagi", "café", "jam", "pola", "RTP", "96,5%", "maxwin", "x10", "naïve", "über"];
    private static readonly string[] OtherWords = ["q\u0301", "x\u0323\u0301", "مرحبا", "नमस्ते", "สวัสดีครับ", "今日は最高のチャンス", "안녕하세요", "Привет", "Γειά"];
    private static readonly string[] Emoji = ["👍", "👍🏽", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🇮🇩", "🇯🇵", "1️⃣", "❤️", "🔥", "🧑🏾‍🚀"];
    private static readonly string[] Urls = ["https://rizquna.id/promo?utm_source=x&utm_medium=social", "http://a.co", "www.rizquna.id/x", "rizquna.id/game/olympus", "https://bit.ly/3abcDEF", "https://例え.jp/パス"];
    private static readonly string[] Hashtags = ["#promo", "#RTP96", "#ราคาดี", "#日本", "#gacor_maxwin", "#Olympus"];
    private static readonly string[] Separators = [" ", " ", " ", "  ", "\n", " \n", ", ", ". "];

    /// <summary>A caption of <paramref name="pieces"/> pieces; <paramref name="latinOnly"/> keeps to short Latin words.</summary>
    public static GeneratedText Create(Random random, int pieces, bool latinOnly = false)
    {
        var text = new StringBuilder();
        var tokens = new List<(int, int, string)>();
        for (var i = 0; i < pieces; i++)
        {
            if (i > 0)
            {
                text.Append(latinOnly ? " " : Pick(random, Separators));
            }

            var roll = random.Next(100);
            if (latinOnly || roll < 35)
            {
                text.Append(Pick(random, LatinWords));
                if (!latinOnly && random.Next(6) == 0)
                {
                    text.Append(Pick(random, Emoji)); // emoji glued to a word
                }
            }
            else if (roll < 55)
            {
                text.Append(Pick(random, OtherWords));
            }
            else if (roll < 70)
            {
                text.Append(Pick(random, Emoji));
            }
            else if (roll < 82)
            {
                var wrap = random.Next(4) == 0;
                if (wrap)
                {
                    text.Append('(');
                }

                var start = text.Length;
                text.Append(Pick(random, Urls));
                tokens.Add((start, text.Length, "url"));
                text.Append(wrap ? ")" : random.Next(3) == 0 ? "." : "");
            }
            else if (roll < 95)
            {
                var start = text.Length;
                text.Append(Pick(random, Hashtags));
                tokens.Add((start, text.Length, "hashtag"));
            }
            else
            {
                var start = text.Length;
                text.Append("@rizquna_id");
                tokens.Add((start, text.Length, "mention"));
            }
        }

        var result = text.ToString();
        if (!result.IsNormalized(NormalizationForm.FormC))
        {
            throw new InvalidOperationException("The generator must produce NFC text so that positions stay valid for X.");
        }

        return new GeneratedText(result, tokens);
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];
}
