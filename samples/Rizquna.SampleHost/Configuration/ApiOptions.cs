namespace Rizquna.SampleHost.Configuration;

/// <summary><c>Rizquna:Api</c> — who may call the API and how much.</summary>
public sealed class ApiOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Rizquna:Api";

    /// <summary>Bearer tokens accepted by the API (<c>Authorization: Bearer &lt;token&gt;</c>). Empty: every authenticated endpoint answers 401.</summary>
    public List<string> Tokens { get; set; } = [];

    /// <summary>Largest request body accepted, in bytes; larger bodies get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Requests a client (token, or IP address when anonymous) may make per <see cref="RateLimitWindow"/>.</summary>
    public int RateLimitPermits { get; set; } = 600;

    /// <summary>The rate-limit window.</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Origins allowed by CORS; empty means no CORS headers at all.</summary>
    public List<string> CorsOrigins { get; set; } = [];
}
