using Microsoft.Extensions.Options;
using Rizquna.Http;

namespace Rizquna.Connectors.TikTok;

/// <summary>Cross-field checks of <see cref="TikTokOptions"/>, with messages that name the setting.</summary>
internal sealed class TikTokOptionsValidator : IValidateOptions<TikTokOptions>
{
    private const string Prefix = TikTokOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, TikTokOptions options)
    {
        var failures = new List<string>();
        if (OptionChecks.AbsoluteHttpUrl(options.BaseAddress, Prefix + nameof(TikTokOptions.BaseAddress)) is { } url)
        {
            failures.Add(url);
        }

        if (string.IsNullOrWhiteSpace(options.ClientKey))
        {
            failures.Add($"{Prefix}{nameof(TikTokOptions.ClientKey)} is required (the app's client key, used to refresh tokens).");
        }

        if (string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            failures.Add($"{Prefix}{nameof(TikTokOptions.ClientSecret)} is required (the app's client secret, used to refresh tokens).");
        }

        if (options.MegabyteBytes is not (1_000_000 or 1_048_576))
        {
            failures.Add($"{Prefix}{nameof(TikTokOptions.MegabyteBytes)} must be 1000000 or 1048576; it is {options.MegabyteBytes}.");
        }
        else
        {
            var rules = options.ChunkRules;
            if (options.ChunkSize < rules.MinChunkBytes || options.ChunkSize > rules.MaxChunkBytes)
            {
                failures.Add($"{Prefix}{nameof(TikTokOptions.ChunkSize)} must be between {rules.MinChunkBytes} and {rules.MaxChunkBytes} bytes; it is {options.ChunkSize}.");
            }
        }

        if (!TikTokPrivacyLevels.IsKnown(options.DefaultPrivacyLevel))
        {
            failures.Add($"{Prefix}{nameof(TikTokOptions.DefaultPrivacyLevel)} must be one of {string.Join(", ", TikTokPrivacyLevels.All)}; it is '{options.DefaultPrivacyLevel}'.");
        }

        if (!Enum.IsDefined(options.DefaultPostMode))
        {
            failures.Add($"{Prefix}{nameof(TikTokOptions.DefaultPostMode)} must be DirectPost or Inbox.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
