namespace Rizquna.Connectors.Telegram.Tests;

public sealed class WebhookTests
{
    private const string Secret = "s3cret_Token-42";

    [Theory]
    [InlineData(Secret, true)]
    [InlineData("s3cret_Token-43", false)]
    [InlineData("s3cret_Token-4", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void The_secret_token_header_is_checked(string? header, bool authentic)
    {
        using var host = new TelegramTestHost(o => o.WebhookSecretToken = Secret);

        Assert.Equal(authentic, host.Get<TelegramWebhook>().IsAuthentic(header));
    }

    [Fact]
    public void Without_a_configured_secret_nothing_is_authentic()
    {
        using var host = new TelegramTestHost();

        Assert.False(host.Get<TelegramWebhook>().IsAuthentic("anything"));
    }

    [Fact]
    public void An_update_body_becomes_an_inbox_item()
    {
        using var host = new TelegramTestHost(o => o.WebhookSecretToken = Secret);
        const string body = """
            {"update_id":900,"message":{"message_id":5,"from":{"id":42,"is_bot":false,"first_name":"Budi"},
             "chat":{"id":-100555,"type":"supergroup","title":"Toko"},"date":1700000000,"text":"stok ada?"}}
            """;

        var item = host.Get<TelegramWebhook>().Parse(TelegramTestHost.Account, body);

        Assert.NotNull(item);
        Assert.Equal("-100555:5", item.Id);
        Assert.Equal("stok ada?", item.Text);
        Assert.Equal("901", item.Cursor!.Value);
        Assert.Equal(body, item.RawJson);
    }

    [Fact]
    public void Unhandled_updates_yield_null_and_garbage_is_a_format_error()
    {
        using var host = new TelegramTestHost();
        var webhook = host.Get<TelegramWebhook>();

        Assert.Null(webhook.Parse(TelegramTestHost.Account, """{"update_id":1,"poll":{"id":"x"}}"""));
        Assert.Throws<FormatException>(() => webhook.Parse(TelegramTestHost.Account, "<html>"));
        Assert.Throws<FormatException>(() => webhook.Parse(TelegramTestHost.Account, "{}"));
    }
}
