using Microsoft.Extensions.Options;

namespace Rizquna.SampleHost.Configuration;

/// <summary>Start-up checks whose messages name the setting to fix.</summary>
internal sealed class HostOptionsValidator : IValidateOptions<ApiOptions>, IValidateOptions<EventOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        var errors = new List<string>();
        if (options.MaxRequestBodyBytes is < 1024 or > 64 * 1024 * 1024)
        {
            errors.Add("Rizquna:Api:MaxRequestBodyBytes must be between 1024 and 67108864.");
        }

        if (options.RateLimitPermits < 1)
        {
            errors.Add("Rizquna:Api:RateLimitPermits must be at least 1.");
        }

        if (options.RateLimitWindow <= TimeSpan.Zero)
        {
            errors.Add("Rizquna:Api:RateLimitWindow must be positive (e.g. 00:01:00).");
        }

        for (var i = 0; i < options.Tokens.Count; i++)
        {
            if (options.Tokens[i] is { Length: > 0 and < 16 })
            {
                errors.Add($"Rizquna:Api:Tokens:{i} is shorter than 16 characters; use a long random token.");
            }
        }

        foreach (var origin in options.CorsOrigins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                errors.Add($"Rizquna:Api:CorsOrigins contains '{origin}', which is not an absolute http(s) origin.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public ValidateOptionsResult Validate(string? name, EventOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.Urls.Count; i++)
        {
            if (!Uri.TryCreate(options.Urls[i], UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                errors.Add($"Rizquna:Events:Urls:{i} must be an absolute http(s) URL.");
            }
        }

        if (options.Urls.Count > 0 && string.IsNullOrEmpty(options.Secret))
        {
            errors.Add("Rizquna:Events:Secret is required when Rizquna:Events:Urls is set (events are signed).");
        }

        if (options.MaxAttempts < 1)
        {
            errors.Add("Rizquna:Events:MaxAttempts must be at least 1.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
