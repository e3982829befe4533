using System.Globalization;
using Microsoft.Extensions.Options;
using Rizquna.Scheduling.Plans;
using Rizquna.Scheduling.Storage;
using Rizquna.Scheduling.Triggers;

namespace Rizquna.Scheduling.Hosting;

/// <summary>Validates <see cref="SchedulingOptions"/> at start; every failure names the setting (path relative to the section).</summary>
public sealed class SchedulingOptionsValidator : IValidateOptions<SchedulingOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SchedulingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        Collect(options, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>All problems of <paramref name="options"/>, each naming its setting; empty when valid.</summary>
    public static IReadOnlyList<string> Check(SchedulingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        Collect(options, errors);
        return errors;
    }

    private static void Collect(SchedulingOptions o, List<string> errors)
    {
        if (!IsValidPrefix(o.JobPrefix))
        {
            errors.Add($"JobPrefix '{o.JobPrefix}' is invalid: use 1-32 letters, digits, '-' or '_'.");
        }

        TimeZoneInfo? zone = null;
        if (string.IsNullOrWhiteSpace(o.TimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out zone))
        {
            errors.Add($"TimeZone '{o.TimeZone}' is not a known IANA time zone (e.g. 'Asia/Jakarta').");
        }

        ValidateLanes(o.Lanes, zone, errors, out var postCron);
        ValidateProviders(o, postCron, errors);
        ValidateEngine(o, errors);
    }

    private static void ValidateLanes(LaneSettings lanes, TimeZoneInfo? zone, List<string> errors, out ICronSchedule? postCron)
    {
        postCron = null;
        if (lanes.ReplyInterval < TimeSpan.FromSeconds(1))
        {
            errors.Add($"Lanes:ReplyInterval {lanes.ReplyInterval} must be at least 1 second.");
        }

        if (lanes.PostStagger < TimeSpan.Zero)
        {
            errors.Add($"Lanes:PostStagger {lanes.PostStagger} must not be negative.");
        }

        var z = zone ?? TimeZoneInfo.Utc;
        postCron = QuartzCronSchedule.TryParse(lanes.PostCron, z, out var error);
        if (postCron is null)
        {
            errors.Add($"Lanes:PostCron {error}.");
        }

        if (QuartzCronSchedule.TryParse(lanes.ReportCron, z, out error) is null)
        {
            errors.Add($"Lanes:ReportCron {error}.");
        }
    }

    private static void ValidateProviders(SchedulingOptions o, ICronSchedule? postCron, List<string> errors)
    {
        var jobNames = new Dictionary<string, string>(StringComparer.Ordinal);
        TimeSpan? shortestGap = null;
        var gapComputed = false;
        for (var p = 0; p < o.Providers.Count; p++)
        {
            var provider = o.Providers[p];
            var path = $"Providers:{p}";
            if (provider is null)
            {
                errors.Add($"{path} is empty.");
                continue;
            }

            if (!PlatformId.TryParse(provider.Platform, out _))
            {
                errors.Add($"{path}:Platform '{provider.Platform}' is not a platform id (e.g. instagram, facebook, tiktok, telegram, whatsapp, x, shopee, tokopedia).");
            }

            if (provider.JobPrefix is not null && !IsValidPrefix(provider.JobPrefix))
            {
                errors.Add($"{path}:JobPrefix '{provider.JobPrefix}' is invalid: use 1-32 letters, digits, '-' or '_'.");
            }

            IReadOnlyList<string> keys;
            if (!string.IsNullOrWhiteSpace(provider.AccountRange))
            {
                if (!AccountKeys.TryParse(provider.AccountRange, out keys, out var error))
                {
                    errors.Add($"{path}:AccountRange {error}.");
                    continue;
                }

                foreach (var key in provider.Accounts.Keys)
                {
                    if (!keys.Contains(key, StringComparer.Ordinal))
                    {
                        errors.Add($"{path}:Accounts:{key} is not in {path}:AccountRange '{provider.AccountRange}'.");
                    }
                }
            }
            else
            {
                keys = PlanGenerator.ResolveKeys(provider)!;
                if (keys.Count == 0)
                {
                    errors.Add($"{path}:AccountRange is empty and {path}:Accounts names no account: give a range such as 001..010.");
                }
            }

            foreach (var key in keys)
            {
                if (!AccountKeys.IsValidKey(key))
                {
                    errors.Add($"{path}:Accounts:{key} is not a valid account key (use letters, digits, '-' or '_').");
                }
            }

            var prefix = string.IsNullOrWhiteSpace(provider.JobPrefix) ? o.JobPrefix : provider.JobPrefix;
            foreach (var key in keys)
            {
                var jobName = $"{prefix}_post_{key}";
                if (jobNames.TryGetValue(jobName, out var other))
                {
                    errors.Add($"{path}:AccountRange duplicates account key '{key}' of {other} under job prefix '{prefix}': give one provider its own JobPrefix.");
                }
                else
                {
                    jobNames[jobName] = path;
                }
            }

            if (postCron is not null && keys.Count > 1 && o.Lanes.PostEnabled && o.Lanes.PostStagger > TimeSpan.Zero)
            {
                if (!gapComputed)
                {
                    shortestGap = TriggerFactory.ShortestGap(postCron, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
                    gapComputed = true;
                }

                var last = o.Lanes.PostStagger * (keys.Count - 1);
                if (shortestGap is { } gap && last >= gap)
                {
                    errors.Add(string.Create(CultureInfo.InvariantCulture,
                        $"Lanes:PostStagger {o.Lanes.PostStagger} pushes account '{keys[^1]}' of {path} {last} after '{o.Lanes.PostCron}', past its next occurrence ({gap} later): use a smaller stagger or fewer accounts."));
                }
            }
        }
    }

    private static void ValidateEngine(SchedulingOptions o, List<string> errors)
    {
        var e = o.Engine;
        if (e.MaxConcurrency < 1)
        {
            errors.Add($"Engine:MaxConcurrency {e.MaxConcurrency} must be at least 1.");
        }

        if (e.MaxConcurrencyPerPlatform < 1)
        {
            errors.Add($"Engine:MaxConcurrencyPerPlatform {e.MaxConcurrencyPerPlatform} must be at least 1.");
        }

        if (e.MaxConcurrencyPerAccount < 1)
        {
            errors.Add($"Engine:MaxConcurrencyPerAccount {e.MaxConcurrencyPerAccount} must be at least 1.");
        }

        if (e.LeaseDuration < TimeSpan.FromSeconds(1))
        {
            errors.Add($"Engine:LeaseDuration {e.LeaseDuration} must be at least 1 second.");
        }

        if (e.ClaimBatchSize is < 1 or > 10_000)
        {
            errors.Add($"Engine:ClaimBatchSize {e.ClaimBatchSize} must be between 1 and 10000.");
        }

        if (e.ShutdownTimeout < TimeSpan.Zero)
        {
            errors.Add($"Engine:ShutdownTimeout {e.ShutdownTimeout} must not be negative.");
        }

        if (e.MaxIdle < TimeSpan.FromSeconds(1))
        {
            errors.Add($"Engine:MaxIdle {e.MaxIdle} must be at least 1 second.");
        }

        if (!Enum.IsDefined(e.CatchUp))
        {
            errors.Add($"Engine:CatchUp '{e.CatchUp}' is not a catch-up policy.");
        }

        if (o.Retry.Delays is { } delays)
        {
            if (delays.Length > 20)
            {
                errors.Add($"Retry:Delays has {delays.Length} entries; at most 20.");
            }

            for (var i = 0; i < delays.Length; i++)
            {
                if (delays[i] < TimeSpan.Zero)
                {
                    errors.Add($"Retry:Delays:{i} {delays[i]} must not be negative.");
                }
            }
        }

        var c = o.Cooldown;
        if (c.FailureThreshold < 1)
        {
            errors.Add($"Cooldown:FailureThreshold {c.FailureThreshold} must be at least 1.");
        }

        if (c.AlertAfterFailures is < 1)
        {
            errors.Add($"Cooldown:AlertAfterFailures {c.AlertAfterFailures} must be at least 1 (leave it empty to send no failure-streak alert).");
        }

        if (c.Duration <= TimeSpan.Zero)
        {
            errors.Add($"Cooldown:Duration {c.Duration} must be positive.");
        }

        if (c.Multiplier < 1 || double.IsNaN(c.Multiplier) || double.IsInfinity(c.Multiplier))
        {
            errors.Add($"Cooldown:Multiplier {c.Multiplier} must be at least 1.");
        }

        if (c.MaxDuration < c.Duration)
        {
            errors.Add($"Cooldown:MaxDuration {c.MaxDuration} must not be shorter than Cooldown:Duration {c.Duration}.");
        }

        if (o.Approvals.Expiry <= TimeSpan.Zero)
        {
            errors.Add($"Approvals:Expiry {o.Approvals.Expiry} must be positive.");
        }

        if (!Enum.IsDefined(o.Storage.Provider))
        {
            errors.Add($"Storage:Provider '{o.Storage.Provider}' is not a store (Sqlite or InMemory).");
        }
        else if (o.Storage.Provider == StorageProvider.Sqlite && string.IsNullOrWhiteSpace(o.Storage.ConnectionString) && string.IsNullOrWhiteSpace(o.Storage.SqlitePath))
        {
            errors.Add("Storage:SqlitePath is empty: give a file path or Storage:ConnectionString.");
        }
    }

    private static bool IsValidPrefix(string? prefix)
    {
        if (string.IsNullOrEmpty(prefix) || prefix.Length > 32)
        {
            return false;
        }

        foreach (var ch in prefix)
        {
            if (!char.IsAsciiLetterOrDigit(ch) && ch != '-' && ch != '_')
            {
                return false;
            }
        }

        return true;
    }
}
