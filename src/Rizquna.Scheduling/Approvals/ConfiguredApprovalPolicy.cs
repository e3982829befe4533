using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Rizquna.Scheduling.Approvals;

/// <summary>
/// The default <see cref="IApprovalPolicy"/>, driven by <see cref="ApprovalOptions"/>: always-sensitive action types
/// (default <c>delete</c>), the first publish to an account, configured keywords, and replies quoting a price.
/// </summary>
public sealed partial class ConfiguredApprovalPolicy : IApprovalPolicy
{
    /// <summary>The fact lanes set on a publish to an account that has never published: <c>first_publish=true</c>.</summary>
    public const string FirstPublishFact = "first_publish";

    private readonly IOptionsMonitor<SchedulingOptions> _options;

    /// <summary>Creates the policy over the kernel's options.</summary>
    public ConfiguredApprovalPolicy(IOptionsMonitor<SchedulingOptions> options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <inheritdoc />
    public string? GetSensitivity(ApprovalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var o = _options.CurrentValue.Approvals;
        if (!o.Enabled)
        {
            return null;
        }

        foreach (var action in o.AlwaysSensitiveActions ?? ["delete"])
        {
            if (string.Equals(action, request.ActionType, StringComparison.OrdinalIgnoreCase))
            {
                return $"every '{request.ActionType}' needs approval";
            }
        }

        if (o.FirstPublish && string.Equals(request.ActionType, "publish", StringComparison.OrdinalIgnoreCase)
            && request.Facts.TryGetValue(FirstPublishFact, out var first) && string.Equals(first, "true", StringComparison.OrdinalIgnoreCase))
        {
            return "first publish to this account";
        }

        if (request.Text is { Length: > 0 } text)
        {
            foreach (var keyword in o.Keywords ?? [])
            {
                if (!string.IsNullOrWhiteSpace(keyword) && text.Contains(keyword, StringComparison.OrdinalIgnoreCase))
                {
                    return $"text contains '{keyword}'";
                }
            }

            if (o.RepliesQuotingPrice && string.Equals(request.ActionType, "reply", StringComparison.OrdinalIgnoreCase) && Price().IsMatch(text))
            {
                return "the reply quotes a price";
            }
        }

        return null;
    }

    // Rp 150.000 / IDR 20k / $20 / 20 USD / 150rb / 2 juta
    [GeneratedRegex(@"(?:\b(?:rp|idr|usd|eur|sgd|myr)\.?\s?\d|[$€£]\s?\d|\d[\d.,]*\s?(?:rb|ribu|k|jt|juta|usd|idr|rupiah)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Price();
}
