using System.Buffers.Binary;

namespace Rizquna.Connectors.TikTok;

/// <summary>
/// Reads a video's length from the <c>moov/mvhd</c> box of an MP4 or MOV file (ISO BMFF), so an over-long video is
/// refused before a single byte is uploaded. Reads only box headers and the mvhd fields, seeking past everything else.
/// </summary>
internal static class Mp4Duration
{
    /// <summary>The duration in seconds, or null when the stream is not seekable or no mvhd box is found.</summary>
    public static double? TryRead(Stream stream)
    {
        if (!stream.CanSeek)
        {
            return null;
        }

        var start = stream.Position;
        try
        {
            return FindIn(stream, stream.Length, "moov"u8) is { } moov && FindIn(stream, moov, "mvhd"u8) is not null
                ? ReadMvhd(stream)
                : null;
        }
        catch (EndOfStreamException)
        {
            return null;
        }
        finally
        {
            stream.Position = start;
        }
    }

    /// <summary>Walks sibling boxes until <paramref name="end"/>; leaves the stream after the header of the box found and returns its end.</summary>
    private static long? FindIn(Stream stream, long end, ReadOnlySpan<byte> type)
    {
        Span<byte> header = stackalloc byte[16];
        while (stream.Position + 8 <= end)
        {
            var boxStart = stream.Position;
            stream.ReadExactly(header[..8]);
            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            if (size == 1)
            {
                stream.ReadExactly(header.Slice(8, 8));
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(header.Slice(8, 8));
            }
            else if (size == 0)
            {
                size = end - boxStart;
            }

            if (size < 8 || boxStart + size > end)
            {
                return null;
            }

            if (header.Slice(4, 4).SequenceEqual(type))
            {
                return boxStart + size;
            }

            stream.Position = boxStart + size;
        }

        return null;
    }

    private static double? ReadMvhd(Stream stream)
    {
        Span<byte> buffer = stackalloc byte[32];
        stream.ReadExactly(buffer[..4]);
        var version = buffer[0];
        uint timescale;
        ulong duration;
        if (version == 1)
        {
            stream.ReadExactly(buffer[..28]); // creation(8) modification(8) timescale(4) duration(8)
            timescale = BinaryPrimitives.ReadUInt32BigEndian(buffer.Slice(16, 4));
            duration = BinaryPrimitives.ReadUInt64BigEndian(buffer.Slice(20, 8));
        }
        else
        {
            stream.ReadExactly(buffer[..16]); // creation(4) modification(4) timescale(4) duration(4)
            timescale = BinaryPrimitives.ReadUInt32BigEndian(buffer.Slice(8, 4));
            duration = BinaryPrimitives.ReadUInt32BigEndian(buffer.Slice(12, 4));
        }

        return timescale == 0 ? null : (double)duration / timescale;
    }
}
