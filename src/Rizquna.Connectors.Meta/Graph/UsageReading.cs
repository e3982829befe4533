namespace Rizquna.Connectors.Meta.Graph;

/// <summary>
/// What one response's usage headers say: the highest percentage of the app-wide header (<c>X-App-Usage</c>), of the
/// account's headers (<c>X-Business-Use-Case-Usage</c>, <c>X-Page-Usage</c>), and the longest
/// <c>estimated_time_to_regain_access</c>. A percentage of -1 means the header was absent.
/// </summary>
internal readonly record struct UsageReading(double AppPercent, double AccountPercent, TimeSpan? RegainAccessIn)
{
    public static UsageReading None => new(-1, -1, null);

    public bool IsEmpty => AppPercent < 0 && AccountPercent < 0 && RegainAccessIn is null;
}
