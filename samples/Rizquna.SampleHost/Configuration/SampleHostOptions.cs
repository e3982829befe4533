namespace Rizquna.SampleHost.Configuration;

/// <summary><c>Rizquna:Host</c> — where the host keeps its data and how it names itself in links.</summary>
public sealed class SampleHostOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Rizquna:Host";

    /// <summary>Folder of the embedded SQLite database (<c>rizquna.db</c>); relative paths are from the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The public base URL of this host, used for <c>/go/{id}</c> short links (e.g. <c>https://ops.example.com</c>).</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Shorten published links through <c>/go/{id}</c> (click tracking).</summary>
    public bool SelfHostedShortLinks { get; set; } = true;

    /// <summary>An ingested <c>publish_at</c> older than this is rejected as far in the past.</summary>
    public TimeSpan MaxPublishAtAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath => Path.Combine(Path.GetFullPath(DataDirectory), "rizquna.db");
}
