using Rizquna.Scheduling.Engine;

namespace Rizquna.Scheduling.Plans;

/// <summary>
/// One-click plan generation: settings → the jobs <c>&lt;prefix&gt;_reply_&lt;account&gt;</c> (interval),
/// <c>&lt;prefix&gt;_post_&lt;account&gt;</c> (cron + i × stagger) and <c>&lt;prefix&gt;_report_night</c> (cron).
/// Deterministic: the same settings give the same jobs in the same order and the same fingerprint.
/// </summary>
public static class PlanGenerator
{
    /// <summary>Job parameter: the platform-side account id.</summary>
    public const string PlatformAccountIdParameter = "platform_account_id";

    /// <summary>Job parameter: the credential reference.</summary>
    public const string CredentialRefParameter = "credential_ref";

    /// <summary>Job parameter: the account's 0-based index in its provider (the stagger slot).</summary>
    public const string IndexParameter = "index";

    /// <summary>Job parameter of the report job: the platforms it covers, comma-separated.</summary>
    public const string PlatformsParameter = "platforms";

    /// <summary>The jobs the settings describe, ordered by name. Assumes validated settings.</summary>
    /// <exception cref="ArgumentException">The settings are invalid (run the validator for a full message).</exception>
    public static IReadOnlyList<JobDefinition> CreateJobs(SchedulingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var lanes = options.Lanes;
        // Per lane in key order: with one prefix and a range, post + reply + report is already in name order.
        var posts = new List<JobDefinition>();
        var replies = new List<JobDefinition>();
        var reportPlatforms = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var replyTrigger = TriggerSpec.Every(lanes.ReplyInterval);

        for (var p = 0; p < options.Providers.Count; p++)
        {
            var provider = options.Providers[p];
            var platform = PlatformId.Parse(provider.Platform);
            var prefix = string.IsNullOrWhiteSpace(provider.JobPrefix) ? options.JobPrefix : provider.JobPrefix;
            var keys = ResolveKeys(provider) ?? throw new ArgumentException($"Providers:{p}:AccountRange is invalid.", nameof(options));
            if (!reportPlatforms.TryGetValue(prefix, out var platforms))
            {
                reportPlatforms[prefix] = platforms = new SortedSet<string>(StringComparer.Ordinal);
            }

            platforms.Add(platform.Value);
            posts.EnsureCapacity(posts.Count + keys.Count);
            replies.EnsureCapacity(replies.Count + keys.Count);
            for (var i = 0; i < keys.Count; i++)
            {
                var key = keys[i];
                provider.Accounts.TryGetValue(key, out var settings);
                var account = new AccountRef(platform, key, settings?.PlatformAccountId is { Length: > 0 } id ? id : key);
                var parameters = BuildParameters(account, settings, i);
                if (lanes.ReplyEnabled)
                {
                    replies.Add(new JobDefinition { Name = $"{prefix}_reply_{key}", Lane = LaneKind.Reply, Account = account, Trigger = replyTrigger, Parameters = parameters });
                }

                if (lanes.PostEnabled)
                {
                    posts.Add(new JobDefinition
                    {
                        Name = $"{prefix}_post_{key}",
                        Lane = LaneKind.Post,
                        Account = account,
                        Trigger = TriggerSpec.AtCron(lanes.PostCron, lanes.PostStagger * i),
                        Parameters = parameters,
                    });
                }
            }
        }

        var jobs = new List<JobDefinition>(posts.Count + replies.Count + reportPlatforms.Count);
        jobs.AddRange(posts);
        jobs.AddRange(replies);
        if (lanes.ReportEnabled)
        {
            var reportTrigger = TriggerSpec.AtCron(lanes.ReportCron);
            foreach (var (prefix, platforms) in reportPlatforms)
            {
                jobs.Add(new JobDefinition
                {
                    Name = $"{prefix}_report_night",
                    Lane = LaneKind.Report,
                    Trigger = reportTrigger,
                    Parameters = new Dictionary<string, string>(1) { [PlatformsParameter] = string.Join(',', platforms) },
                });
            }
        }

        if (!IsSortedByName(jobs))
        {
            jobs.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        }

        return jobs;
    }

    private static bool IsSortedByName(List<JobDefinition> jobs)
    {
        for (var i = 1; i < jobs.Count; i++)
        {
            if (string.CompareOrdinal(jobs[i - 1].Name, jobs[i].Name) > 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The account keys of a provider (range, list, or the keys of its account settings), or null when the range is invalid.</summary>
    public static IReadOnlyList<string>? ResolveKeys(ProviderSettings provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        if (!string.IsNullOrWhiteSpace(provider.AccountRange))
        {
            return AccountKeys.TryParse(provider.AccountRange, out var keys, out _) ? keys : null;
        }

        var list = new List<string>(provider.Accounts.Keys);
        list.Sort(StringComparer.Ordinal);
        return list;
    }

    /// <summary>A stable hash of a zone and its jobs: equal plans give equal fingerprints.</summary>
    public static string Fingerprint(string timeZoneId, IReadOnlyList<JobDefinition> jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        // One canonical text, streamed into the hash: zone, then per job its fields and its parameters in key order.
        using var h = new FingerprintHasher();
        h.Append("zone=").Append(timeZoneId).Append('\n');
        string[] keys = [];
        foreach (var job in jobs)
        {
            h.Append(job.Name).Append('|').Append((int)job.Lane).Append('|')
                .Append(job.Account?.Platform.Value).Append('|').Append(job.Account?.Key).Append('|').Append(job.Account?.PlatformAccountId).Append('|')
                .Append((int)job.Trigger.Kind).Append('|').Append(job.Trigger.Interval.Ticks).Append('|').Append(job.Trigger.Cron).Append('|').Append(job.Trigger.Offset.Ticks);
            var count = job.Parameters.Count;
            if (keys.Length < count)
            {
                keys = new string[count];
            }

            var n = 0;
            foreach (var key in job.Parameters.Keys)
            {
                keys[n++] = key;
            }

            if (n > 1)
            {
                Array.Sort(keys, 0, n, StringComparer.Ordinal);
            }

            for (var i = 0; i < n; i++)
            {
                h.Append('|').Append(keys[i]).Append('=').Append(job.Parameters[keys[i]]);
            }

            h.Append('\n');
        }

        return h.Finish();
    }

    private static Dictionary<string, string> BuildParameters(AccountRef account, AccountSettings? settings, int index)
    {
        var parameters = new Dictionary<string, string>(3 + (settings?.Ids.Count ?? 0), StringComparer.Ordinal)
        {
            [PlatformAccountIdParameter] = account.PlatformAccountId,
            [IndexParameter] = index.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (settings is not null)
        {
            if (!string.IsNullOrEmpty(settings.CredentialRef))
            {
                parameters[CredentialRefParameter] = settings.CredentialRef;
            }

            foreach (var (k, v) in settings.Ids)
            {
                parameters.TryAdd(k, v);
            }
        }

        return parameters;
    }
}
