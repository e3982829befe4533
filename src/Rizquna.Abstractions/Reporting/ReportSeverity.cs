namespace Rizquna;

/// <summary>How urgent a report is.</summary>
public enum ReportSeverity
{
    /// <summary>A routine report (the nightly recap).</summary>
    Info,
    /// <summary>Something needs attention soon (a token expiring, a cooldown).</summary>
    Warning,
    /// <summary>Something is broken now (a token invalid, a session needing a QR scan).</summary>
    Critical,
}
