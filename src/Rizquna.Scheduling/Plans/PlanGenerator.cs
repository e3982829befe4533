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
        var reportPlatforms = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var replyTrigger = TriggerSpec.Every(lanes.ReplyInterval);

        // First the providers' keys (and their errors, in provider order), so the jobs go into one exactly sized array.
        var resolved = new (ProviderSettings Provider, PlatformId Platform, string Prefix, IReadOnlyList<string> Keys)[options.Providers.Count];
        var accounts = 0;
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
            resolved[p] = (provider, platform, prefix, keys);
            accounts += keys.Count;
        }

        // Per lane in key order: with one prefix and a range, posts + replies + report is already in name order.
        var postCount = lanes.PostEnabled ? accounts : 0;
        var replyCount = lanes.ReplyEnabled ? accounts : 0;
        var jobs = new JobDefinition[postCount + replyCount + (lanes.ReportEnabled ? reportPlatforms.Count : 0)];
        int post = 0, reply = postCount;
        foreach (var (provider, platform, prefix, keys) in resolved)
        {
            for (var i = 0; i < keys.Count; i++)
            {
                var key = keys[i];
                provider.Accounts.TryGetValue(key, out var settings);
                var account = new AccountRef(platform, key, settings?.PlatformAccountId is { Length: > 0 } id ? id : key);
                var parameters = new AccountParameters(account.PlatformAccountId, i, settings);
                if (lanes.ReplyEnabled)
                {
                    jobs[reply++] = new JobDefinition { Name = string.Concat(prefix, "_reply_", key), Lane = LaneKind.Reply, Account = account, Trigger = replyTrigger, Parameters = parameters };
                }

                if (lanes.PostEnabled)
                {
                    jobs[post++] = new JobDefinition
                    {
                        Name = string.Concat(prefix, "_post_", key),
                        Lane = LaneKind.Post,
                        Account = account,
                        Trigger = TriggerSpec.AtCron(lanes.PostCron, lanes.PostStagger * i),
                        Parameters = parameters,
                    };
                }
            }
        }

        if (lanes.ReportEnabled)
        {
            var reportTrigger = TriggerSpec.AtCron(lanes.ReportCron);
            var report = postCount + replyCount;
            foreach (var (prefix, platforms) in reportPlatforms)
            {
                jobs[report++] = new JobDefinition
                {
                    Name = $"{prefix}_report_night",
                    Lane = LaneKind.Report,
                    Trigger = reportTrigger,
                    Parameters = new Dictionary<string, string>(1) { [PlatformsParameter] = string.Join(',', platforms) },
                };
            }
        }

        if (!IsSortedByName(jobs))
        {
            Array.Sort(jobs, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        }

        return jobs;
    }

    private static bool IsSortedByName(JobDefinition[] jobs)
    {
        for (var i = 1; i < jobs.Length; i++)
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
        var pairs = new KeyValuePair<string, string>[4];
        for (var j = 0; j < jobs.Count; j++)
        {
            var job = jobs[j];
            h.Append(job.Name).Append('|').Append((int)job.Lane).Append('|')
                .Append(job.Account?.Platform.Value).Append('|').Append(job.Account?.Key).Append('|').Append(job.Account?.PlatformAccountId).Append('|')
                .Append((int)job.Trigger.Kind).Append('|').Append(job.Trigger.Interval.Ticks).Append('|').Append(job.Trigger.Cron).Append('|').Append(job.Trigger.Offset.Ticks);
            if (job.Parameters is AccountParameters { Ids.Length: 0 } fixedOnly)
            {
                // A generated account job without other ids: its three keys, already in ordinal order, written directly.
                if (fixedOnly.CredentialRef is { } credentialRef)
                {
                    h.Append("|" + CredentialRefParameter + "=").Append(credentialRef);
                }

                h.Append("|" + IndexParameter + "=").Append(fixedOnly.Index)
                    .Append("|" + PlatformAccountIdParameter + "=").Append(fixedOnly.PlatformAccountId);
            }
            else
            {
                var n = CopyPairs(job.Parameters, ref pairs);
                SortByKey(pairs, n);
                for (var i = 0; i < n; i++)
                {
                    h.Append('|').Append(pairs[i].Key).Append('=').Append(pairs[i].Value);
                }
            }

            h.Append('\n');
        }

        return h.Finish();
    }

    private static int CopyPairs(IReadOnlyDictionary<string, string> parameters, ref KeyValuePair<string, string>[] pairs)
    {
        if (pairs.Length < parameters.Count)
        {
            pairs = new KeyValuePair<string, string>[parameters.Count];
        }

        var n = 0;
        switch (parameters)
        {
            case Dictionary<string, string> dictionary:
                // The struct enumerator: no allocation per job.
                foreach (var pair in dictionary)
                {
                    pairs[n++] = pair;
                }

                break;
            case AccountParameters account:
                pairs[n++] = new(PlatformAccountIdParameter, account.PlatformAccountId);
                pairs[n++] = new(IndexParameter, account.IndexText);
                if (account.CredentialRef is { } credentialRef)
                {
                    pairs[n++] = new(CredentialRefParameter, credentialRef);
                }

                foreach (var pair in account.Ids)
                {
                    pairs[n++] = pair;
                }

                break;
            default:
                foreach (var pair in parameters)
                {
                    pairs[n++] = pair;
                }

                break;
        }

        return n;
    }

    // Insertion sort: a job has a handful of parameters, and Array.Sort with a comparer allocates a delegate per call.
    private static void SortByKey(KeyValuePair<string, string>[] pairs, int count)
    {
        for (var i = 1; i < count; i++)
        {
            var pair = pairs[i];
            var j = i - 1;
            while (j >= 0 && string.CompareOrdinal(pairs[j].Key, pair.Key) > 0)
            {
                pairs[j + 1] = pairs[j];
                j--;
            }

            pairs[j + 1] = pair;
        }
    }
}
