namespace Rizquna.Connectors.TikTok;

/// <summary>
/// The media-transfer limits a chunk plan must respect. The guide speaks of "MB" without saying whether it means
/// 10^6 or 2^20 bytes (its worked example is decimal), so the unit is a setting: see <see cref="TikTokOptions.MegabyteBytes"/>.
/// </summary>
/// <param name="MinChunkBytes">Smallest chunk (except a whole upload of a small file): 5 MB.</param>
/// <param name="MaxChunkBytes">Largest declared chunk size, and the largest file sent in one piece: 64 MB.</param>
/// <param name="MaxFinalChunkBytes">Largest final chunk, which absorbs the remainder: 128 MB.</param>
/// <param name="MaxChunkCount">Most chunks in one upload: 1,000.</param>
public sealed record ChunkRules(long MinChunkBytes, long MaxChunkBytes, long MaxFinalChunkBytes, int MaxChunkCount)
{
    /// <summary>The rules with "MB" read as <paramref name="megabyteBytes"/> bytes (1,000,000 or 1,048,576).</summary>
    public static ChunkRules For(int megabyteBytes) =>
        new(5L * megabyteBytes, 64L * megabyteBytes, 128L * megabyteBytes, 1_000);

    /// <summary>The rules with decimal megabytes, as in the guide's worked example.</summary>
    public static ChunkRules Decimal { get; } = For(1_000_000);
}
