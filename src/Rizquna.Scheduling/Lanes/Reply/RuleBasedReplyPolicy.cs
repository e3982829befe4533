using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Rizquna.Content;

namespace Rizquna.Scheduling.Lanes.Reply;

/// <summary>
/// The shipped reply policy: ignore own messages, respect quiet hours (defer), cap replies per customer, then the first
/// keyword/regex rule that matches is answered with its template, rendered by the content templater and fitted to the
/// platform's text limit. Whether the reply needs approval is the approval policy's call, made by lane A.
/// </summary>
public sealed class RuleBasedReplyPolicy : IReplyPolicy
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(200);

    private readonly ICaptionTemplater _templater;
    private readonly IOptionsMonitor<RuleBasedReplyOptions> _options;
    private CompiledRules? _compiled;

    /// <summary>Creates the policy.</summary>
    public RuleBasedReplyPolicy(ICaptionTemplater templater, IOptionsMonitor<RuleBasedReplyOptions> options)
    {
        _templater = templater ?? throw new ArgumentNullException(nameof(templater));
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <inheritdoc />
    public async ValueTask<ReplyDecision> DecideAsync(ReplyPolicyContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = _options.CurrentValue;
        var item = context.Item;
        if (options.IgnoreOwnMessages && item.IsFromSelf)
        {
            return ReplyDecision.NoReply("own message");
        }

        if (InQuietHours(options, context, out var quietEnd))
        {
            return ReplyDecision.Defer("quiet hours", quietEnd);
        }

        var rules = Compile(options);
        foreach (var rule in rules.Rules)
        {
            if (!rule.Matches(item, out var match))
            {
                continue;
            }

            if (options.MaxRepliesPerCustomer > 0 && item.From is { } author)
            {
                var sent = await context.Inbox.CountRepliesToAsync(item.Account.ToString(), author.Id, context.Now - options.CustomerWindow, cancellationToken).ConfigureAwait(false);
                if (sent >= options.MaxRepliesPerCustomer)
                {
                    return ReplyDecision.NoReply($"rate limit: {sent} replies to this customer within {options.CustomerWindow}");
                }
            }

            var data = CaptionData.From(new Dictionary<string, object?>
            {
                ["text"] = item.Text,
                ["name"] = item.From?.DisplayName,
                ["author_id"] = item.From?.Id,
                ["platform"] = item.Account.Platform.Value,
                ["account"] = item.Account.Key,
                ["kind"] = item.Kind.ToString(),
            });
            if (match is not null)
            {
                foreach (Group group in match.Groups)
                {
                    if (group.Success && !int.TryParse(group.Name, out _))
                    {
                        data = data.With(group.Name, group.Value);
                    }
                }
            }

            var rendered = _templater.Render(rule.Source.Template, item.Account.Platform, data, VariantChoice.ByKey(item.Id));
            var limits = KnownPlatformLimits.For(item.Account.Platform);
            var text = limits is null ? rendered.Text : TextLimiter.Fit(rendered.Text, limits).Text;
            return string.IsNullOrWhiteSpace(text)
                ? ReplyDecision.NoReply($"rule '{rule.Source.Name}' rendered an empty reply")
                : ReplyDecision.Reply(text, $"rule '{rule.Source.Name}'");
        }

        return ReplyDecision.NoReply("no rule matched");
    }

    private static bool InQuietHours(RuleBasedReplyOptions options, ReplyPolicyContext context, out DateTimeOffset? end)
    {
        end = null;
        if (options.QuietHoursStart is not { } start || options.QuietHoursEnd is not { } stop || start == stop)
        {
            return false;
        }

        var local = TimeZoneInfo.ConvertTime(context.Now, context.TimeZone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var inside = start < stop ? time >= start && time < stop : time >= start || time < stop;
        if (!inside)
        {
            return false;
        }

        var endDate = DateOnly.FromDateTime(local.DateTime);
        if (time >= stop)
        {
            endDate = endDate.AddDays(1);
        }

        var endLocal = endDate.ToDateTime(stop);
        end = new DateTimeOffset(endLocal, context.TimeZone.GetUtcOffset(endLocal));
        return true;
    }

    private CompiledRules Compile(RuleBasedReplyOptions options)
    {
        var compiled = _compiled;
        if (compiled is not null && ReferenceEquals(compiled.Options, options))
        {
            return compiled;
        }

        // Options change rarely (configuration reload): compile each rule's regex once per options instance.
        compiled = new CompiledRules(options, options.Rules.Select(static r => new CompiledRule(r)).ToArray());
        _compiled = compiled;
        return compiled;
    }

    private sealed record CompiledRules(RuleBasedReplyOptions Options, CompiledRule[] Rules);

    private sealed class CompiledRule(ReplyRule rule)
    {
        private readonly Regex? _regex = string.IsNullOrWhiteSpace(rule.Pattern)
            ? null
            : new Regex(rule.Pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeout);

        public ReplyRule Source => rule;

        public bool Matches(InboxItem item, out Match? match)
        {
            match = null;
            if (rule.Kinds.Count > 0 && !rule.Kinds.Contains(item.Kind))
            {
                return false;
            }

            if (rule.Platforms.Count > 0 && !rule.Platforms.Exists(p => string.Equals(p, item.Account.Platform.Value, StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }

            var text = item.Text ?? string.Empty;
            foreach (var keyword in rule.Keywords)
            {
                if (!string.IsNullOrWhiteSpace(keyword) && text.Contains(keyword, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            if (_regex is null)
            {
                return false;
            }

            try
            {
                var found = _regex.Match(text);
                match = found.Success ? found : null;
                return found.Success;
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }
    }
}
