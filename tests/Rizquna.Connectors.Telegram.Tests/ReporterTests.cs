using System.Net;

namespace Rizquna.Connectors.Telegram.Tests;

public sealed class ReporterTests
{
    private static Report LongReport()
    {
        var lines = Enumerable.Range(0, 1200).Select(i => $"akun {i:000}: gagal <timeout> & retry {i % 7}");
        return new Report("Laporan <malam>", string.Join('\n', lines), ReportSeverity.Warning, DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public async Task A_long_report_goes_to_every_admin_chat_split_on_lines_and_escaped()
    {
        using var host = new TelegramTestHost(o => o.Reporter.AdminChatIds = ["-100111", "@rizquna_admins"]);
        host.AnswerSendsWithMessages();
        var report = LongReport();

        await host.Get<TelegramReporter>().SendAsync(report);

        var calls = host.CallsTo("sendMessage");
        var perChat = calls.GroupBy(c => c.Json.GetProperty("chat_id").GetString()).ToDictionary(g => g.Key!, g => g.ToArray());
        Assert.Equal(["-100111", "@rizquna_admins"], perChat.Keys.Order().ToArray());
        var texts = perChat["-100111"].Select(c => c.Json.GetProperty("text").GetString()!).ToArray();
        Assert.True(texts.Length > 1);
        Assert.All(texts, t => Assert.True(t.Length <= 4096, $"{t.Length} characters"));
        Assert.StartsWith("<b>⚠️ Laporan &lt;malam&gt;</b>\n", texts[0]);
        Assert.All(calls, c => Assert.True(c.Json.GetProperty("link_preview_options").GetProperty("is_disabled").GetBoolean()));

        // Unescaped and rejoined, the messages give back the report line for line.
        var lines = string.Join('\n', texts).Split('\n').Skip(1)
            .Select(l => l.Replace("&lt;", "<").Replace("&gt;", ">").Replace("&amp;", "&"));
        Assert.Equal(report.Body.Split('\n'), lines);
    }

    [Fact]
    public async Task A_failing_admin_chat_does_not_stop_the_others()
    {
        using var host = new TelegramTestHost(o => o.Reporter.AdminChatIds = ["-100111", "-100222"]);
        host.On("sendMessage", body => body.Contains("-100111")
            ? (HttpStatusCode.Forbidden, TelegramTestHost.Error(403, "Forbidden: bot was kicked from the group chat"))
            : (HttpStatusCode.OK, TelegramTestHost.Ok(TelegramTestHost.MessageJson(1))));

        var ex = await Assert.ThrowsAsync<PlatformException>(() =>
            host.Get<TelegramReporter>().SendAsync(new Report("t", "b", ReportSeverity.Critical, DateTimeOffset.UnixEpoch)));

        Assert.Equal(PlatformErrorKind.Forbidden, ex.Kind);
        Assert.Contains(host.Calls, c => c.Body.Contains("-100222"));
    }

    [Fact]
    public async Task No_admin_chat_is_a_clear_error()
    {
        using var host = new TelegramTestHost();

        var ex = await Assert.ThrowsAsync<PlatformException>(() =>
            host.Get<TelegramReporter>().SendAsync(new Report("t", "b", ReportSeverity.Info, DateTimeOffset.UnixEpoch)));

        Assert.Contains("Reporter:AdminChatIds", ex.Message);
    }
}
