namespace Rizquna.Scheduling.Plans;

/// <summary>The triggers of the three daily lanes.</summary>
public sealed class LaneSettings
{
    /// <summary>Lane A: how often each account's inbox is polled. Default 60 s.</summary>
    public TimeSpan ReplyInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Lane B: 5-field Unix cron of the first account's post, in the plan's zone. Default <c>0 8 * * *</c>.</summary>
    public string PostCron { get; set; } = "0 8 * * *";

    /// <summary>Lane B: the i-th account (0-based) posts i × this later. Default 2 min.</summary>
    public TimeSpan PostStagger { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Lane C: 5-field Unix cron of the nightly report. Default <c>0 21 * * *</c>.</summary>
    public string ReportCron { get; set; } = "0 21 * * *";

    /// <summary>Whether lane A jobs are generated. Default true.</summary>
    public bool ReplyEnabled { get; set; } = true;

    /// <summary>Whether lane B jobs are generated. Default true.</summary>
    public bool PostEnabled { get; set; } = true;

    /// <summary>Whether the lane C job is generated. Default true.</summary>
    public bool ReportEnabled { get; set; } = true;
}
