using System.Security.Cryptography;
using System.Text;

namespace Rizquna.Scheduling.Plans;

/// <summary>
/// SHA-256 over the UTF-8 of a canonical text that is appended piece by piece through a small buffer, so a plan of
/// 30,000 jobs is hashed without building its multi-megabyte text. Gives exactly the digest of the whole text.
/// </summary>
internal sealed class FingerprintHasher : IDisposable
{
    private const int Chunk = 4096;

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    // Stateful: a surrogate pair split across two chunks is encoded as Encoding.UTF8.GetBytes(string) would.
    private readonly Encoder _encoder = Encoding.UTF8.GetEncoder();
    private readonly char[] _chars = new char[Chunk];
    private readonly byte[] _bytes = new byte[Encoding.UTF8.GetMaxByteCount(Chunk)];
    private int _count;

    public FingerprintHasher Append(char c)
    {
        if (_count == Chunk)
        {
            Flush(false);
        }

        _chars[_count++] = c;
        return this;
    }

    public FingerprintHasher Append(string? text)
    {
        var rest = text.AsSpan();
        while (rest.Length > 0)
        {
            if (_count == Chunk)
            {
                Flush(false);
            }

            var take = Math.Min(rest.Length, Chunk - _count);
            rest[..take].CopyTo(_chars.AsSpan(_count));
            _count += take;
            rest = rest[take..];
        }

        return this;
    }

    /// <summary>Formats like <see cref="StringBuilder.Append(long)"/> (current culture, default format).</summary>
    public FingerprintHasher Append(long value)
    {
        if (Chunk - _count < 64)
        {
            Flush(false);
        }

        if (value.TryFormat(_chars.AsSpan(_count), out var written, default, null))
        {
            _count += written;
            return this;
        }

        return Append(value.ToString((IFormatProvider?)null));
    }

    /// <summary>The first 16 bytes of the digest as lower-case hex (32 characters).</summary>
    public string Finish()
    {
        Flush(true);
        Span<byte> digest = stackalloc byte[32];
        _hash.GetHashAndReset(digest);
        return Convert.ToHexStringLower(digest[..16]);
    }

    public void Dispose() => _hash.Dispose();

    private void Flush(bool final)
    {
        var length = _encoder.GetBytes(_chars.AsSpan(0, _count), _bytes, final);
        _hash.AppendData(_bytes.AsSpan(0, length));
        _count = 0;
    }
}
