using System.ComponentModel.DataAnnotations;

namespace Rizquna.Scheduling.Lanes;

/// <summary>Settings of the three daily lanes (section <c>Rizquna:Lanes</c> by convention).</summary>
public sealed class LanesOptions
{
    /// <summary>The configuration section name used by hosts by convention.</summary>
    public const string SectionName = "Rizquna:Lanes";

    /// <summary>Lane A: at most this many stored items are answered per run (the rest wait for the next tick). Default 50.</summary>
    [Range(1, 10_000)]
    public int MaxRepliesPerRun { get; set; } = 50;

    /// <summary>Lane A: polled items are stored (and the cursor advanced) in batches of this size. Default 100.</summary>
    [Range(1, 10_000)]
    public int PollBatchSize { get; set; } = 100;

    /// <summary>Lane B: the caption template used when an item names none and has no caption text; null posts the item's text as is.</summary>
    public string? DefaultTemplate { get; set; }

    /// <summary>Lane B: <c>utm_campaign</c> of every link (source = platform, medium = social, content = item id). Default <c>daily</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Campaign { get; set; } = "daily";

    /// <summary>Lane B: whether links go through the registered URL shortener after UTM tagging.</summary>
    public bool ShortenLinks { get; set; }

    /// <summary>Lane C: the report's title prefix. Default <c>Rizquna daily report</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string ReportTitle { get; set; } = "Rizquna daily report";

    /// <summary>Lane C: how many distinct errors the report lists. Default 5.</summary>
    [Range(1, 100)]
    public int TopErrors { get; set; } = 5;
}
