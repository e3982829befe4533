namespace Rizquna.Connectors.TikTok;

/// <summary>
/// How a video is cut for <c>video/init</c> (<c>video_size</c>, <c>chunk_size</c>, <c>total_chunk_count</c>) and the
/// sequential <c>PUT</c>s that follow. Every chunk is <see cref="ChunkSize"/> bytes except the last, which takes the remainder.
/// </summary>
public readonly record struct ChunkPlan
{
    internal ChunkPlan(long videoSize, long chunkSize, int chunkCount)
    {
        VideoSize = videoSize;
        ChunkSize = chunkSize;
        ChunkCount = chunkCount;
    }

    /// <summary>The whole file, in bytes (<c>video_size</c>).</summary>
    public long VideoSize { get; }

    /// <summary>The declared chunk size (<c>chunk_size</c>); equals <see cref="VideoSize"/> for a one-piece upload.</summary>
    public long ChunkSize { get; }

    /// <summary>The number of PUTs (<c>total_chunk_count</c>).</summary>
    public int ChunkCount { get; }

    /// <summary>The chunk at <paramref name="index"/> (0-based); the last absorbs the remainder.</summary>
    public Chunk this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, ChunkCount);
            var offset = index * ChunkSize;
            var length = index == ChunkCount - 1 ? VideoSize - offset : ChunkSize;
            return new Chunk(index, offset, length, VideoSize);
        }
    }
}

/// <summary>One chunk of a <see cref="ChunkPlan"/>.</summary>
/// <param name="Index">0-based position.</param>
/// <param name="Offset">First byte.</param>
/// <param name="Length">Bytes in the chunk.</param>
/// <param name="TotalLength">Bytes in the whole file.</param>
public readonly record struct Chunk(int Index, long Offset, long Length, long TotalLength)
{
    /// <summary>The last byte (inclusive).</summary>
    public long LastByte => Offset + Length - 1;

    /// <summary>Whether this is the final chunk (answered with 201 rather than 206).</summary>
    public bool IsLast => Offset + Length == TotalLength;

    /// <summary>The <c>Content-Range</c> value: <c>bytes {first}-{last}/{total}</c>.</summary>
    public string ContentRange => $"bytes {Offset}-{LastByte}/{TotalLength}";
}
