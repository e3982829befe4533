using System.Net;

namespace Rizquna.Connectors.Telegram.Tests;

public sealed class TokenInspectorTests
{
    [Fact]
    public async Task GetMe_reports_a_valid_bot_and_its_capabilities()
    {
        using var host = new TelegramTestHost();
        host.On("getMe", HttpStatusCode.OK, TelegramTestHost.Ok(
            """{"id":123456789,"is_bot":true,"first_name":"Rizquna","username":"rizquna_bot","can_join_groups":true,"can_read_all_group_messages":false,"supports_inline_queries":false}"""));

        var health = await host.Get<TelegramTokenInspector>().InspectAsync(TelegramTestHost.Account);

        Assert.True(health.IsValid);
        Assert.Null(health.ExpiresAt);
        Assert.Equal(["can_join_groups", "username:rizquna_bot"], health.Scopes);
    }

    [Fact]
    public async Task A_refused_token_is_invalid_with_a_reason_to_act_on()
    {
        using var host = new TelegramTestHost();
        host.On("getMe", HttpStatusCode.Unauthorized, TelegramTestHost.Error(401, "Unauthorized"));

        var health = await host.Get<TelegramTokenInspector>().InspectAsync(TelegramTestHost.Account);

        Assert.False(health.IsValid);
        Assert.Contains("@BotFather", health.Problem);
        Assert.Single(host.Calls); // 401 is not retried
    }
}
