namespace Rizquna.Connectors.TikTok;

/// <summary>
/// Cuts a video per the media-transfer guide: files under the minimum chunk size go whole; otherwise
/// <c>total_chunk_count = floor(video_size / chunk_size)</c> and the final chunk absorbs the remainder (so it may reach
/// almost twice the chunk size, within the 128 MB final-chunk limit); never more than 1,000 chunks.
/// </summary>
public static class ChunkPlanner
{
    /// <summary>Plans the upload of <paramref name="videoSize"/> bytes with chunks of about <paramref name="preferredChunkSize"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The size is not positive, or the file cannot be cut within the rules.</exception>
    public static ChunkPlan Plan(long videoSize, long preferredChunkSize, ChunkRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(videoSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(preferredChunkSize);

        var chunkSize = Math.Clamp(preferredChunkSize, rules.MinChunkBytes, rules.MaxChunkBytes);

        // Small files, and files no larger than one chunk, go in one piece (chunk_size = video_size).
        if (videoSize < rules.MinChunkBytes || videoSize <= chunkSize)
        {
            return new ChunkPlan(videoSize, videoSize, 1);
        }

        // A file over the largest chunk must go in at least two pieces, even when the preferred chunk would take it whole.
        if (videoSize > rules.MaxChunkBytes && videoSize / chunkSize < 2)
        {
            chunkSize = videoSize / 2;
        }

        // Too many chunks: grow the chunk until the count fits.
        if (videoSize / chunkSize > rules.MaxChunkCount)
        {
            chunkSize = (videoSize + rules.MaxChunkCount - 1) / rules.MaxChunkCount;
        }

        var count = videoSize / chunkSize;
        var finalChunk = videoSize - (count - 1) * chunkSize;
        if (chunkSize > rules.MaxChunkBytes || count > rules.MaxChunkCount || finalChunk > rules.MaxFinalChunkBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(videoSize), videoSize,
                $"A video of {videoSize} bytes cannot be cut into at most {rules.MaxChunkCount} chunks of at most {rules.MaxChunkBytes} bytes.");
        }

        return new ChunkPlan(videoSize, chunkSize, checked((int)count));
    }
}
