namespace Rizquna.Content;

/// <summary>The rule for a utm_* parameter that is already in the base URL.</summary>
public enum UtmExistingParameters
{
    /// <summary>
    /// The builder's value wins: every existing occurrence of a parameter the builder writes is removed, and the builder's
    /// value is appended after the other parameters. A utm_* parameter the builder does not write (no value, or
    /// <c>utm_id</c>) is kept where it is.
    /// </summary>
    Replace,

    /// <summary>The link's own value wins: a parameter already present is left as is and the builder does not add it.</summary>
    Keep,
}
