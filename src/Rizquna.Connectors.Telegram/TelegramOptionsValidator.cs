using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Rizquna.Connectors.Telegram.BotApi;
using Rizquna.Http;

namespace Rizquna.Connectors.Telegram;

/// <summary>Checks the settings on start, with messages that name the setting.</summary>
internal sealed class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    private const string Prefix = TelegramOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        var failures = new List<string>();
        if (OptionChecks.AbsoluteHttpUrl(options.BaseAddress, Prefix + nameof(TelegramOptions.BaseAddress)) is { } baseAddress)
        {
            failures.Add(baseAddress);
        }

        if (!string.IsNullOrWhiteSpace(options.ChatId) && !TelegramChatId.IsValid(options.ChatId))
        {
            failures.Add($"{Prefix}ChatId must be @channelusername or a numeric chat id; '{options.ChatId}' is neither.");
        }

        if (!string.IsNullOrEmpty(options.BotToken) && !BotTokenSource.HasTokenShape(options.BotToken))
        {
            failures.Add($"{Prefix}BotToken is malformed (expected '<bot id>:<secret>' as issued by @BotFather).");
        }

        if (options.MaxCaptionLength > options.MaxTextLength)
        {
            failures.Add($"{Prefix}MaxCaptionLength ({options.MaxCaptionLength}) must not exceed {Prefix}MaxTextLength ({options.MaxTextLength}).");
        }

        if (options.WebhookSecretToken is { } secret && !IsValidSecretToken(secret))
        {
            failures.Add($"{Prefix}WebhookSecretToken must be 1–256 characters of A-Z, a-z, 0-9, '_' and '-'.");
        }

        foreach (var chat in options.Reporter.AdminChatIds)
        {
            if (!TelegramChatId.IsValid(chat))
            {
                failures.Add($"{Prefix}Reporter:AdminChatIds contains '{chat}', which is neither @channelusername nor a numeric chat id.");
            }
        }

        if (TimeSpan.FromSeconds(options.Inbox.LongPollTimeoutSeconds) >= options.Resilience.AttemptTimeout)
        {
            failures.Add($"{Prefix}Inbox:LongPollTimeoutSeconds ({options.Inbox.LongPollTimeoutSeconds}) must be shorter than {Prefix}Resilience:AttemptTimeout ({options.Resilience.AttemptTimeout}).");
        }

        Annotate(options, Prefix, failures);
        Annotate(options.Pacing, Prefix + "Pacing:", failures);
        Annotate(options.Inbox, Prefix + "Inbox:", failures);
        Annotate(options.Resilience, Prefix + "Resilience:", failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static bool IsValidSecretToken(string secret)
    {
        if (secret.Length is < 1 or > 256)
        {
            return false;
        }

        foreach (var c in secret)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '-')
            {
                return false;
            }
        }

        return true;
    }

    private static void Annotate(object settings, string prefix, List<string> failures)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(settings, new ValidationContext(settings), results, validateAllProperties: true))
        {
            foreach (var result in results)
            {
                failures.Add($"{prefix}{string.Join(",", result.MemberNames)}: {result.ErrorMessage}");
            }
        }
    }
}
