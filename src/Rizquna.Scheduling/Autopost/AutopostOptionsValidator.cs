using Microsoft.Extensions.Options;

namespace Rizquna.Scheduling.Autopost;

/// <summary>Cross-field checks of <see cref="AutopostOptions"/>; messages name the setting.</summary>
internal sealed class AutopostOptionsValidator : IValidateOptions<AutopostOptions>
{
    public ValidateOptionsResult Validate(string? name, AutopostOptions options)
    {
        var failures = new List<string>();
        foreach (var (channel, accountId) in options.Channels)
        {
            if (AutopostChannels.Normalize(channel) is null)
            {
                failures.Add($"Rizquna:Autopost:Channels:{channel} is not a channel name: use platform/account, e.g. facebook/001.");
            }

            if (string.IsNullOrWhiteSpace(accountId))
            {
                failures.Add($"Rizquna:Autopost:Channels:{channel} needs the platform-side account id (Page id, chat id…).");
            }
        }

        for (var i = 0; i < options.DefaultChannels.Count; i++)
        {
            if (AutopostChannels.Normalize(options.DefaultChannels[i]) is not { } channel || !options.Channels.ContainsKey(channel))
            {
                failures.Add($"Rizquna:Autopost:DefaultChannels:{i} ('{options.DefaultChannels[i]}') is not one of Rizquna:Autopost:Channels.");
            }
        }

        foreach (var platform in options.Templates.Keys)
        {
            if (!PlatformId.TryParse(platform, out _))
            {
                failures.Add($"Rizquna:Autopost:Templates:{platform} is not a platform name.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
