using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Rizquna.Scheduling.Lanes.Reply;

/// <summary>Checks the reply rules at start; messages name the setting (<c>Rules:2:Pattern</c>).</summary>
internal sealed class RuleBasedReplyOptionsValidator : IValidateOptions<RuleBasedReplyOptions>
{
    public ValidateOptionsResult Validate(string? name, RuleBasedReplyOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.Rules.Count; i++)
        {
            var rule = options.Rules[i];
            if (string.IsNullOrWhiteSpace(rule.Template))
            {
                failures.Add($"Rizquna:Lanes:Reply:Rules:{i}:Template is required (the caption template rendered as the reply).");
            }

            if (rule.Keywords.TrueForAll(string.IsNullOrWhiteSpace) && string.IsNullOrWhiteSpace(rule.Pattern))
            {
                failures.Add($"Rizquna:Lanes:Reply:Rules:{i} needs Keywords or a Pattern.");
            }

            if (!string.IsNullOrWhiteSpace(rule.Pattern))
            {
                try
                {
                    _ = new Regex(rule.Pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
                }
                catch (ArgumentException exception)
                {
                    failures.Add($"Rizquna:Lanes:Reply:Rules:{i}:Pattern is not a valid regular expression: {exception.Message}");
                }
            }
        }

        if ((options.QuietHoursStart is null) != (options.QuietHoursEnd is null))
        {
            failures.Add("Rizquna:Lanes:Reply:QuietHoursStart and QuietHoursEnd must be set together.");
        }

        if (options.MaxRepliesPerCustomer < 0)
        {
            failures.Add("Rizquna:Lanes:Reply:MaxRepliesPerCustomer must not be negative.");
        }

        if (options.CustomerWindow <= TimeSpan.Zero)
        {
            failures.Add("Rizquna:Lanes:Reply:CustomerWindow must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
