namespace Rizquna;

/// <summary>
/// Identifies a platform by a short lower-case name (<c>facebook</c>, <c>instagram</c>, <c>tiktok</c> …).
/// Open-ended on purpose: a new connector needs no change here.
/// </summary>
public readonly record struct PlatformId
{
    /// <summary>Facebook Pages.</summary>
    public static readonly PlatformId Facebook = new("facebook");
    /// <summary>Instagram professional accounts.</summary>
    public static readonly PlatformId Instagram = new("instagram");
    /// <summary>TikTok.</summary>
    public static readonly PlatformId TikTok = new("tiktok");
    /// <summary>Telegram channels and chats.</summary>
    public static readonly PlatformId Telegram = new("telegram");
    /// <summary>WhatsApp (through a WAHA gateway).</summary>
    public static readonly PlatformId WhatsApp = new("whatsapp");
    /// <summary>X (Twitter).</summary>
    public static readonly PlatformId X = new("x");
    /// <summary>Shopee marketplace.</summary>
    public static readonly PlatformId Shopee = new("shopee");
    /// <summary>Tokopedia / TikTok Shop marketplace.</summary>
    public static readonly PlatformId Tokopedia = new("tokopedia");

    private readonly string? _value;

    private PlatformId(string value) => _value = value;

    /// <summary>The lower-case name, e.g. <c>instagram</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Parses a platform name: letters, digits, '-' or '_', case-insensitive.</summary>
    /// <exception cref="ArgumentException">The name is empty or has other characters.</exception>
    public static PlatformId Parse(string value)
    {
        if (!TryParse(value, out var id))
        {
            throw new ArgumentException(
                $"'{value}' is not a platform id: use letters, digits, '-' or '_' (e.g. 'instagram').", nameof(value));
        }

        return id;
    }

    /// <summary>Parses a platform name without throwing.</summary>
    public static bool TryParse(string? value, out PlatformId id)
    {
        id = default;
        if (string.IsNullOrWhiteSpace(value) || value.Length > 32)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_')
            {
                return false;
            }
        }

        id = new PlatformId(value.ToLowerInvariant());
        return true;
    }

    /// <summary>True for the default (unset) value.</summary>
    public bool IsEmpty => string.IsNullOrEmpty(_value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
