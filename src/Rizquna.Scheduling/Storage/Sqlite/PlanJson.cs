using System.Text.Json;
using System.Text.Json.Serialization;
using Rizquna.Scheduling.Engine;
using Rizquna.Scheduling.Plans;

namespace Rizquna.Scheduling.Storage.Sqlite;

/// <summary>A plan's jobs as stored JSON.</summary>
internal static class PlanJson
{
    public static string Serialize(IReadOnlyList<JobDefinition> jobs)
    {
        var list = new List<StoredJob>(jobs.Count);
        foreach (var j in jobs)
        {
            list.Add(new StoredJob
            {
                Name = j.Name,
                Lane = j.Lane,
                Platform = j.Account?.Platform.Value,
                Key = j.Account?.Key,
                PlatformAccountId = j.Account?.PlatformAccountId,
                Kind = j.Trigger.Kind,
                IntervalTicks = j.Trigger.Interval.Ticks,
                Cron = j.Trigger.Cron,
                OffsetTicks = j.Trigger.Offset.Ticks,
                Parameters = j.Parameters as Dictionary<string, string> ?? new Dictionary<string, string>(j.Parameters),
            });
        }

        return JsonSerializer.Serialize(list, PlanJsonContext.Default.ListStoredJob);
    }

    public static IReadOnlyList<JobDefinition> Deserialize(string json)
    {
        var list = JsonSerializer.Deserialize(json, PlanJsonContext.Default.ListStoredJob) ?? [];
        var jobs = new List<JobDefinition>(list.Count);
        foreach (var s in list)
        {
            jobs.Add(new JobDefinition
            {
                Name = s.Name,
                Lane = s.Lane,
                Account = s.Platform is null ? null : new AccountRef(PlatformId.Parse(s.Platform), s.Key!, s.PlatformAccountId!),
                Trigger = new TriggerSpec(s.Kind, TimeSpan.FromTicks(s.IntervalTicks), s.Cron, TimeSpan.FromTicks(s.OffsetTicks)),
                Parameters = s.Parameters ?? new Dictionary<string, string>(0),
            });
        }

        return jobs;
    }
}

/// <summary>The stored shape of one job.</summary>
internal sealed class StoredJob
{
    public string Name { get; set; } = string.Empty;

    public LaneKind Lane { get; set; }

    public string? Platform { get; set; }

    public string? Key { get; set; }

    public string? PlatformAccountId { get; set; }

    public TriggerKind Kind { get; set; }

    public long IntervalTicks { get; set; }

    public string? Cron { get; set; }

    public long OffsetTicks { get; set; }

    public Dictionary<string, string>? Parameters { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(List<StoredJob>))]
internal sealed partial class PlanJsonContext : JsonSerializerContext;
