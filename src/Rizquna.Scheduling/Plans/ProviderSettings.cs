namespace Rizquna.Scheduling.Plans;

/// <summary>One provider (platform) of a plan and the accounts it serves.</summary>
public sealed class ProviderSettings
{
    /// <summary>The platform id: <c>instagram</c>, <c>facebook</c>, <c>tiktok</c>, <c>telegram</c>, <c>whatsapp</c>, <c>x</c>, <c>shopee</c>, <c>tokopedia</c>, …</summary>
    public string Platform { get; set; } = string.Empty;

    /// <summary>Overrides <see cref="SchedulingOptions.JobPrefix"/> for this provider (required to differ when two providers share account keys).</summary>
    public string? JobPrefix { get; set; }

    /// <summary>
    /// The account keys: a range <c>001..010</c> (zero-padded width kept) or a list <c>001,003,007</c>.
    /// When empty, the keys of <see cref="Accounts"/> are used (in ordinal order).
    /// </summary>
    public string? AccountRange { get; set; }

    /// <summary>Each account's platform-side ids and credential reference, by account key.</summary>
    public Dictionary<string, AccountSettings> Accounts { get; set; } = new(StringComparer.Ordinal);
}
