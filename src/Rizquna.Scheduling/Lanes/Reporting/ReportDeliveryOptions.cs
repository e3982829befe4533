namespace Rizquna.Scheduling.Lanes.Reporting;

/// <summary>How the nightly report is cut for each reporter (section <c>Rizquna:Lanes:ReportDelivery</c>).</summary>
public sealed class ReportDeliveryOptions
{
    /// <summary>
    /// The longest message each reporter takes, by <see cref="IReporter.Name"/>; longer reports are split between lines.
    /// Defaults: <c>telegram</c> 4,096, <c>whatsapp</c> 4,096 (readable chat messages). Reporters not listed get one message.
    /// </summary>
    public Dictionary<string, int> MessageLimits { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["telegram"] = 4_096,
        ["whatsapp"] = 4_096,
    };
}
