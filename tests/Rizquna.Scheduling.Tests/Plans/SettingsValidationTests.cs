using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rizquna.Scheduling.Hosting;
using Rizquna.Scheduling.Plans;

namespace Rizquna.Scheduling.Tests.Plans;

public sealed class SettingsValidationTests
{
    private static SchedulingOptions Valid() => new()
    {
        Providers = [new ProviderSettings { Platform = "instagram", AccountRange = "001..010" }],
    };

    private static string OneError(Action<SchedulingOptions> change)
    {
        var options = Valid();
        change(options);
        return Assert.Single(SchedulingOptionsValidator.Check(options));
    }

    [Fact]
    public void Valid_settings_pass() => Assert.Empty(SchedulingOptionsValidator.Check(Valid()));

    [Theory]
    [InlineData("010..001", "Providers:0:AccountRange", "reversed")]
    [InlineData("01..010", "Providers:0:AccountRange", "mixes widths")]
    [InlineData("001,003,001", "Providers:0:AccountRange", "twice")]
    [InlineData("a..b", "Providers:0:AccountRange", "not a range")]
    public void Bad_account_ranges_are_rejected_naming_the_setting(string range, string setting, string reason)
    {
        var error = OneError(o => o.Providers[0].AccountRange = range);
        Assert.StartsWith(setting, error, StringComparison.Ordinal);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_zone_is_rejected() =>
        Assert.StartsWith("TimeZone 'Mars/Olympus'", OneError(o => o.TimeZone = "Mars/Olympus"), StringComparison.Ordinal);

    [Theory]
    [InlineData("0 8 * *")]
    [InlineData("0 25 * * *")]
    [InlineData("every morning")]
    public void An_invalid_cron_is_rejected(string cron) =>
        Assert.StartsWith("Lanes:PostCron", OneError(o => o.Lanes.PostCron = cron), StringComparison.Ordinal);

    [Fact]
    public void An_invalid_report_cron_is_rejected() =>
        Assert.StartsWith("Lanes:ReportCron", OneError(o => o.Lanes.ReportCron = "0 21 * *"), StringComparison.Ordinal);

    [Fact]
    public void A_stagger_pushing_an_account_past_its_next_occurrence_is_rejected()
    {
        // Hourly posts, 10 accounts, 7 min apart: account 010 posts 63 min after the hour — past the next occurrence.
        var error = OneError(o =>
        {
            o.Lanes.PostCron = "0 * * * *";
            o.Lanes.PostStagger = TimeSpan.FromMinutes(7);
        });
        Assert.StartsWith("Lanes:PostStagger", error, StringComparison.Ordinal);
        Assert.Contains("'010'", error, StringComparison.Ordinal);
        Assert.Empty(SchedulingOptionsValidator.Check(new SchedulingOptions
        {
            Providers = [new ProviderSettings { Platform = "instagram", AccountRange = "001..010" }],
            Lanes = { PostCron = "0 * * * *", PostStagger = TimeSpan.FromMinutes(6) },
        }));
    }

    [Fact]
    public void Duplicate_account_keys_across_providers_with_one_prefix_are_rejected()
    {
        var options = Valid();
        options.Providers.Add(new ProviderSettings { Platform = "facebook", AccountRange = "005..006" });
        var errors = SchedulingOptionsValidator.Check(options);
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.StartsWith("Providers:1:AccountRange duplicates account key", e, StringComparison.Ordinal));
        Assert.Contains("'005'", errors[0], StringComparison.Ordinal);
        options.Providers[1].JobPrefix = "fb";
        Assert.Empty(SchedulingOptionsValidator.Check(options));
    }

    [Theory]
    [InlineData("Engine:MaxConcurrency")]
    [InlineData("Engine:MaxConcurrencyPerPlatform")]
    [InlineData("Engine:MaxConcurrencyPerAccount")]
    [InlineData("Cooldown:FailureThreshold")]
    [InlineData("Cooldown:AlertAfterFailures")]
    public void Bad_numbers_name_their_setting(string setting)
    {
        var error = OneError(o =>
        {
            switch (setting)
            {
                case "Engine:MaxConcurrency": o.Engine.MaxConcurrency = 0; break;
                case "Engine:MaxConcurrencyPerPlatform": o.Engine.MaxConcurrencyPerPlatform = 0; break;
                case "Engine:MaxConcurrencyPerAccount": o.Engine.MaxConcurrencyPerAccount = -1; break;
                case "Cooldown:AlertAfterFailures": o.Cooldown.AlertAfterFailures = 0; break;
                default: o.Cooldown.FailureThreshold = 0; break;
            }
        });
        Assert.StartsWith(setting + " ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_platform_and_an_account_outside_the_range_are_rejected()
    {
        var options = Valid();
        options.Providers[0].Platform = "my space";
        options.Providers[0].Accounts["011"] = new AccountSettings { PlatformAccountId = "178" };
        var errors = SchedulingOptionsValidator.Check(options);
        Assert.Contains(errors, e => e.StartsWith("Providers:0:Platform 'my space'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Providers:0:Accounts:011 is not in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Settings_bind_from_configuration_and_are_validated_on_start()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rizquna:Scheduling:JobPrefix"] = "shop",
            ["Rizquna:Scheduling:TimeZone"] = "Asia/Jakarta",
            ["Rizquna:Scheduling:Providers:0:Platform"] = "instagram",
            ["Rizquna:Scheduling:Providers:0:AccountRange"] = "010..001",
            ["Rizquna:Scheduling:Lanes:ReplyInterval"] = "00:02:00",
            ["Rizquna:Scheduling:Retry:Delays:0"] = "00:00:30",
            ["Rizquna:Scheduling:Storage:Provider"] = "InMemory",
        }).Build();
        var services = new ServiceCollection();
        services.AddRizqunaScheduling(config.GetSection(SchedulingOptions.SectionName));
        services.AddRizqunaScheduling(config.GetSection(SchedulingOptions.SectionName)); // twice is harmless
        await using var provider = services.BuildServiceProvider();
        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SchedulingOptions>>().Value);
        Assert.Contains(ex.Failures, f => f.StartsWith("Providers:0:AccountRange '010..001' is reversed", StringComparison.Ordinal));

        config["Rizquna:Scheduling:Providers:0:AccountRange"] = "001..002";
        var ok = new ServiceCollection().AddRizqunaScheduling(config.GetSection(SchedulingOptions.SectionName));
        await using var okProvider = ok.BuildServiceProvider();
        var options = okProvider.GetRequiredService<IOptions<SchedulingOptions>>().Value;
        Assert.Equal("shop", options.JobPrefix);
        Assert.Equal(TimeSpan.FromMinutes(2), options.Lanes.ReplyInterval);
        Assert.Equal([TimeSpan.FromSeconds(30)], okProvider.GetRequiredService<Policies.RetryPolicy>().Delays);
        Assert.Single(okProvider.GetServices<Microsoft.Extensions.Hosting.IHostedService>());
    }
}
