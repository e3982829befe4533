using System.Buffers;
using System.Text;
using Rizquna.Http;

namespace Rizquna.Content;

/// <summary>
/// Adds UTM campaign parameters to a link. Parameters already in the link keep their order and their original encoding,
/// the fragment is kept, and the values written are percent-encoded (RFC 3986, space as <c>%20</c>).
/// </summary>
/// <remarks>
/// Written in this order after the link's own parameters: <c>utm_source</c>, <c>utm_medium</c>, <c>utm_campaign</c>,
/// <c>utm_content</c>, <c>utm_term</c>. The rule for a utm_* parameter already in the link is
/// <see cref="UtmMeta.Existing"/>: by default (<see cref="UtmExistingParameters.Replace"/>) the builder's value replaces it.
/// </remarks>
public static class UtmBuilder
{
    /// <summary>Returns <paramref name="baseUrl"/> with the UTM parameters for <paramref name="platform"/> and <paramref name="meta"/>.</summary>
    /// <param name="baseUrl">An absolute http or https URL.</param>
    /// <param name="platform">Where the link is posted; the default <c>utm_source</c>.</param>
    /// <param name="meta">Campaign values; null writes only source and medium.</param>
    /// <exception cref="ArgumentException"><paramref name="baseUrl"/> is empty, relative or not http(s).</exception>
    public static string Build(string baseUrl, PlatformId platform, UtmMeta? meta = null)
    {
        var url = Validate(baseUrl);
        meta ??= Defaults;

        var source = Value(meta.Source) ?? (platform.IsEmpty ? null : platform.Value);
        var medium = Value(meta.Medium) ?? UtmMeta.DefaultMedium;
        var campaign = Value(meta.Campaign);
        var content = Value(meta.Content);
        var term = Value(meta.Term);

        var span = url.AsSpan();
        var hash = span.IndexOf('#');
        var fragment = hash >= 0 ? span[hash..] : [];
        var beforeFragment = hash >= 0 ? span[..hash] : span;
        var question = beforeFragment.IndexOf('?');
        var path = question >= 0 ? beforeFragment[..question] : beforeFragment;
        var query = question >= 0 ? beforeFragment[(question + 1)..] : [];

        var keep = meta.Existing == UtmExistingParameters.Keep;
        var present = Written.None;

        // One pass into a pooled buffer sized for the worst case (every value character as three %XX bytes).
        var capacity = url.Length + 80 + 9 * ((source?.Length ?? 0) + medium.Length + (campaign?.Length ?? 0) + (content?.Length ?? 0) + (term?.Length ?? 0));
        var rented = ArrayPool<char>.Shared.Rent(capacity);
        try
        {
            var buffer = new Writer(rented);
            buffer.Append(path);
            var separator = '?';

            while (!query.IsEmpty)
            {
                var amp = query.IndexOf('&');
                var parameter = amp >= 0 ? query[..amp] : query;
                query = amp >= 0 ? query[(amp + 1)..] : [];
                if (parameter.IsEmpty)
                {
                    continue;
                }

                var equals = parameter.IndexOf('=');
                var which = Classify(equals >= 0 ? parameter[..equals] : parameter);
                var writes = which switch
                {
                    Written.Source => source is not null,
                    Written.Medium => true,
                    Written.Campaign => campaign is not null,
                    Written.Content => content is not null,
                    Written.Term => term is not null,
                    _ => false,
                };

                if (writes)
                {
                    if (!keep)
                    {
                        continue; // replaced: the builder's value is appended below
                    }

                    present |= which;
                }

                buffer.Append(separator);
                buffer.Append(parameter);
                separator = '&';
            }

            Append(ref buffer, ref separator, "utm_source=", source, present, Written.Source);
            Append(ref buffer, ref separator, "utm_medium=", medium, present, Written.Medium);
            Append(ref buffer, ref separator, "utm_campaign=", campaign, present, Written.Campaign);
            Append(ref buffer, ref separator, "utm_content=", content, present, Written.Content);
            Append(ref buffer, ref separator, "utm_term=", term, present, Written.Term);
            buffer.Append(fragment);
            return buffer.ToString();
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    private static readonly UtmMeta Defaults = new();

    /// <summary>Checks that <paramref name="baseUrl"/> is an absolute http(s) URL; returns it trimmed (escaped when it had raw spaces or non-ASCII).</summary>
    internal static string Validate(string? baseUrl)
    {
        // Most links are plain ASCII http(s) URLs with a DNS host: recognised without building a Uri (the slow path
        // below gives the same answer for them, which a differential test checks).
        if (baseUrl is not null && baseUrl.Length > 0 && baseUrl[0] > ' ' && baseUrl[^1] > ' ' && UrlFastCheck.IsSimpleHttpUrl(baseUrl))
        {
            return baseUrl;
        }

        return ValidateWithUri(baseUrl);
    }

    /// <summary>The general check with <see cref="Uri"/>: what <see cref="Validate"/> does for links off its fast path.</summary>
    internal static string ValidateWithUri(string? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            throw new ArgumentException("baseUrl is required: an absolute http or https URL.", nameof(baseUrl));
        }

        var trimmed = baseUrl.Trim();
        // On Unix "/path" parses as an absolute file URI, so the scheme check is what rejects relative paths.
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.Host.Length == 0)
        {
            throw new ArgumentException(
                $"baseUrl must be an absolute http or https URL; '{SecretRedactor.RedactUrl(trimmed)}' is not.", nameof(baseUrl));
        }

        return NeedsEscaping(trimmed) ? uri.AbsoluteUri : trimmed;
    }

    private static bool NeedsEscaping(string url)
    {
        foreach (var c in url)
        {
            if (c <= ' ' || c >= '\u007f' || c is '"' or '<' or '>' or '\\' or '^' or '`' or '{' or '|' or '}')
            {
                return true;
            }
        }

        return false;
    }

    private static string? Value(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void Append(ref Writer buffer, ref char separator, string key, string? value, Written present, Written which)
    {
        if (value is null || (present & which) != 0)
        {
            return;
        }

        buffer.Append(separator);
        buffer.Append(key);
        buffer.AppendPercentEncoded(value);
        separator = '&';
    }

    private static Written Classify(ReadOnlySpan<char> name)
    {
        if (name.Length < 8 || !name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase))
        {
            return Written.None;
        }

        var rest = name[4..];
        if (rest.Equals("source", StringComparison.OrdinalIgnoreCase)) return Written.Source;
        if (rest.Equals("medium", StringComparison.OrdinalIgnoreCase)) return Written.Medium;
        if (rest.Equals("campaign", StringComparison.OrdinalIgnoreCase)) return Written.Campaign;
        if (rest.Equals("content", StringComparison.OrdinalIgnoreCase)) return Written.Content;
        if (rest.Equals("term", StringComparison.OrdinalIgnoreCase)) return Written.Term;
        return Written.None;
    }

    [Flags]
    private enum Written
    {
        None = 0,
        Source = 1,
        Medium = 2,
        Campaign = 4,
        Content = 8,
        Term = 16,
    }

    /// <summary>Appends to a buffer known to be large enough.</summary>
    private ref struct Writer(Span<char> buffer)
    {
        private readonly Span<char> _buffer = buffer;
        private int _length;

        public void Append(char c) => _buffer[_length++] = c;

        public void Append(scoped ReadOnlySpan<char> text)
        {
            text.CopyTo(_buffer[_length..]);
            _length += text.Length;
        }

        /// <summary>RFC 3986: unreserved characters as they are, everything else as %XX of its UTF-8 bytes.</summary>
        public void AppendPercentEncoded(string value)
        {
            Span<byte> utf8 = stackalloc byte[4];
            var text = value.AsSpan();
            while (!text.IsEmpty)
            {
                // Runs of unreserved characters are copied as they are.
                var run = text.IndexOfAnyExcept(Unreserved);
                if (run != 0)
                {
                    var safe = run < 0 ? text : text[..run];
                    Append(safe);
                    text = text[safe.Length..];
                    continue;
                }

                var c = text[0];
                if (char.IsAscii(c))
                {
                    AppendEscaped((byte)c);
                    text = text[1..];
                    continue;
                }

                // A lone surrogate becomes U+FFFD, as Uri.EscapeDataString does.
                Rune.DecodeFromUtf16(text, out var rune, out var consumed);
                var bytes = rune.EncodeToUtf8(utf8);
                foreach (var b in utf8[..bytes])
                {
                    AppendEscaped(b);
                }

                text = text[consumed..];
            }
        }

        private void AppendEscaped(byte b)
        {
            _buffer[_length++] = '%';
            _buffer[_length++] = HexUpper[b >> 4];
            _buffer[_length++] = HexUpper[b & 0xF];
        }

        public override readonly string ToString() => new(_buffer[.._length]);

        private static ReadOnlySpan<char> HexUpper => "0123456789ABCDEF";

        private static readonly SearchValues<char> Unreserved =
            SearchValues.Create("-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~");
    }
}
