using System.Buffers.Binary;

namespace Rizquna.Connectors.TikTok.Tests.Fakes;

/// <summary>Minimal ISO BMFF files: <c>ftyp</c>, <c>free</c>, then <c>moov</c> holding an <c>mvhd</c>.</summary>
internal static class Mp4Fixtures
{
    public static byte[] WithDuration(double seconds, int version = 0, uint timescale = 1000)
    {
        var stream = new MemoryStream();
        Box(stream, "ftyp", [.. "isom"u8, 0, 0, 2, 0, .. "isommp41"u8]);
        Box(stream, "free", new byte[37]);
        var mvhd = new MemoryStream();
        mvhd.Write([(byte)version, 0, 0, 0]);
        var duration = (ulong)(seconds * timescale);
        Span<byte> field = stackalloc byte[8];
        if (version == 1)
        {
            mvhd.Write(new byte[16]);
            BinaryPrimitives.WriteUInt32BigEndian(field, timescale);
            mvhd.Write(field[..4]);
            BinaryPrimitives.WriteUInt64BigEndian(field, duration);
            mvhd.Write(field);
        }
        else
        {
            mvhd.Write(new byte[8]);
            BinaryPrimitives.WriteUInt32BigEndian(field, timescale);
            mvhd.Write(field[..4]);
            BinaryPrimitives.WriteUInt32BigEndian(field, (uint)duration);
            mvhd.Write(field[..4]);
        }

        mvhd.Write(new byte[80]); // rate, volume, matrix … not read
        var moov = new MemoryStream();
        Box(moov, "mvhd", mvhd.ToArray());
        Box(stream, "moov", moov.ToArray());
        Box(stream, "mdat", new byte[64]);
        return stream.ToArray();
    }

    private static void Box(Stream stream, string type, byte[] payload)
    {
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)(payload.Length + 8));
        System.Text.Encoding.ASCII.GetBytes(type, header[4..]);
        stream.Write(header);
        stream.Write(payload);
    }
}
