namespace Rizquna.Scheduling.Autopost;

/// <summary>
/// A queue request was rejected as a whole; nothing was written. <see cref="Errors"/> names each field
/// (snake_case, as in the HTTP API: <c>image_url</c>, <c>channels[1]</c>) with its problems, ready for a
/// validation-problem response.
/// </summary>
public sealed class AutopostValidationException : ArgumentException
{
    /// <summary>Creates the exception from field errors.</summary>
    public AutopostValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base(BuildMessage(errors))
    {
        Errors = errors;
    }

    /// <summary>Problems by field name.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    private static string BuildMessage(IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var parts = new List<string>(errors.Count);
        foreach (var (field, problems) in errors)
        {
            parts.Add($"{field}: {string.Join(" ", problems)}");
        }

        return "The autopost request is invalid. " + string.Join("; ", parts);
    }
}
