using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Rizquna.Connectors.Telegram.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void Binds_the_section_and_registers_every_role_once_even_when_called_twice()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rizquna:Telegram:BaseAddress"] = "http://127.0.0.1:8081/",
            ["Rizquna:Telegram:ChatId"] = "@rizquna_channel",
            ["Rizquna:Telegram:Pacing:PerGroupPerMinute"] = "10",
            ["Rizquna:Telegram:Inbox:AllowedUpdates:0"] = "message",
            ["Rizquna:Telegram:Reporter:AdminChatIds:0"] = "-100123",
        }).Build();
        var services = new ServiceCollection();

        services.AddRizqunaTelegram(configuration.GetSection(TelegramOptions.SectionName));
        services.AddRizqunaTelegram(configuration.GetSection(TelegramOptions.SectionName));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<TelegramOptions>>().Value;
        Assert.Equal(new Uri("http://127.0.0.1:8081/"), options.BaseAddress);
        Assert.Equal(10, options.Pacing.PerGroupPerMinute);
        Assert.Equal(["message"], options.Inbox.EffectiveAllowedUpdates);
        Assert.Equal(["-100123"], options.Reporter.AdminChatIds);
        Assert.IsType<TelegramPublisher>(Assert.Single(provider.GetServices<IPublisher>()));
        Assert.IsType<TelegramInboxPoller>(Assert.Single(provider.GetServices<IInboxPoller>()));
        Assert.IsType<TelegramResponder>(Assert.Single(provider.GetServices<IInboxResponder>()));
        Assert.IsType<TelegramReporter>(Assert.Single(provider.GetServices<IReporter>()));
        Assert.IsType<TelegramTokenInspector>(Assert.Single(provider.GetServices<ITokenInspector>()));
        Assert.Same(provider.GetRequiredService<TelegramPublisher>(), provider.GetServices<IPublisher>().Single());
    }

    [Fact]
    public void Invalid_settings_fail_on_start_with_messages_that_name_them()
    {
        var services = new ServiceCollection();
        services.AddRizqunaTelegram(o =>
        {
            o.BaseAddress = new Uri("/relative", UriKind.Relative);
            o.ChatId = "my channel";
            o.BotToken = "not-a-token";
            o.MaxCaptionLength = 5000;
            o.WebhookSecretToken = "has spaces";
            o.Reporter.AdminChatIds = ["admins!"];
            o.Pacing.GlobalPerSecond = 0;
            o.Inbox.LongPollTimeoutSeconds = 40;
        });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TelegramOptions>>().Value);

        var all = string.Join('\n', ex.Failures);
        Assert.Contains("Rizquna:Telegram:BaseAddress", all);
        Assert.Contains("Rizquna:Telegram:ChatId", all);
        Assert.Contains("Rizquna:Telegram:BotToken", all);
        Assert.Contains("Rizquna:Telegram:MaxCaptionLength", all);
        Assert.Contains("Rizquna:Telegram:WebhookSecretToken", all);
        Assert.Contains("Rizquna:Telegram:Reporter:AdminChatIds", all);
        Assert.Contains("Rizquna:Telegram:Pacing:GlobalPerSecond", all);
        Assert.Contains("Rizquna:Telegram:Inbox:LongPollTimeoutSeconds", all);
        Assert.DoesNotContain("not-a-token", all); // a malformed secret is still a secret
    }

    [Fact]
    public void The_defaults_are_valid()
    {
        var services = new ServiceCollection();
        services.AddRizqunaTelegram(_ => { });
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<TelegramOptions>>().Value;

        Assert.Equal(new Uri("https://api.telegram.org/"), options.BaseAddress);
        Assert.Equal(["message", "channel_post", "callback_query"], options.Inbox.EffectiveAllowedUpdates);
    }

    [Fact]
    public async Task The_fallback_bot_token_serves_accounts_without_a_credential()
    {
        using var host = new TelegramTestHost(o => o.BotToken = TelegramTestHost.Token);
        host.AnswerSendsWithMessages();
        var stranger = new AccountRef(PlatformId.Telegram, "099", "@rizquna_channel");

        await host.Get<TelegramPublisher>().PublishAsync(new PublishRequest(stranger, new Post { Text = "x" }, "k"));

        Assert.Single(host.Calls);
    }
}
