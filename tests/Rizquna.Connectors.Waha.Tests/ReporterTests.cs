using System.Net;
using System.Text.Json;
using RichardSzalay.MockHttp;
using Rizquna.Connectors.Waha.Reporting;

namespace Rizquna.Connectors.Waha.Tests;

public sealed class ReporterTests
{
    private static IReporter Reporter(WahaFixture f) => f.Get<IEnumerable<IReporter>>().Single(r => r.Name == "whatsapp");

    [Fact]
    public async Task A_long_report_is_split_on_lines_to_the_configured_limit_and_sent_to_the_admin_chat()
    {
        using var f = new WahaFixture(o => o.ReportChunkLength = 200);
        var sent = new List<JsonElement>();
        f.Http.When(HttpMethod.Post, "http://waha.test/api/sendText")
            .With(r => { sent.Add(JsonDocument.Parse(r.Content!.ReadAsStringAsync().Result).RootElement.Clone()); return true; })
            .Respond(HttpStatusCode.Created, "application/json", """{"id":"true_x@c.us_1","timestamp":1729670400}""");
        var lines = Enumerable.Range(1, 40).Select(i => $"akun {i:000}: 3 terbit, 0 gagal").ToArray();
        var report = new Report("Rekap malam", string.Join('\n', lines), ReportSeverity.Info, DateTimeOffset.UnixEpoch);

        await Reporter(f).SendAsync(report);

        Assert.True(sent.Count > 1);
        var texts = sent.Select(s => s.GetProperty("text").GetString()!).ToList();
        Assert.All(texts, t => Assert.True(t.Length <= 200, $"chunk of {t.Length}"));
        Assert.All(sent, s => Assert.Equal("6281111111111@c.us", s.GetProperty("chatId").GetString()));
        Assert.Equal("*Rekap malam*\n" + report.Body, string.Join('\n', texts)); // every line kept whole, in order
    }

    [Fact]
    public async Task The_same_report_is_delivered_once()
    {
        using var f = new WahaFixture();
        var route = f.Http.When(HttpMethod.Post, "http://waha.test/api/sendText").Respond(HttpStatusCode.Created, "application/json", """{"id":"m1"}""");
        var report = new Report("Alert", "cooldown on 003", ReportSeverity.Warning, DateTimeOffset.UnixEpoch);

        await Reporter(f).SendAsync(report);
        await Reporter(f).SendAsync(report);

        Assert.Equal(1, f.Http.GetMatchCount(route));
    }

    [Fact]
    public async Task Without_an_admin_chat_the_reporter_fails_before_any_call()
    {
        using var f = new WahaFixture(o => o.AdminChatId = null);
        var ex = await Assert.ThrowsAsync<PlatformException>(() => Reporter(f).SendAsync(new Report("t", "b", ReportSeverity.Info, DateTimeOffset.UnixEpoch)));
        Assert.Equal(PlatformErrorKind.Permanent, ex.Kind);
        Assert.Contains("Rizquna:Waha:AdminChatId", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(7)]
    public void A_line_longer_than_the_limit_is_cut_without_splitting_a_surrogate_pair(int limit)
    {
        var text = "short\n" + string.Concat(Enumerable.Repeat("a😀", 20)) + "\nend";
        var chunks = ReportSplitter.Split(text, limit);

        Assert.All(chunks, c => Assert.True(c.Length <= limit));
        Assert.All(chunks, c => Assert.False(char.IsHighSurrogate(c[^1])));
        Assert.Equal(text.Replace("\n", string.Empty), string.Concat(chunks).Replace("\n", string.Empty));
    }

    [Fact]
    public void A_short_text_is_one_chunk() => Assert.Equal(["hello\nworld"], ReportSplitter.Split("hello\nworld", 4000));
}
