using Rizquna.Connectors.TikTok;

namespace Rizquna.Connectors.TikTok.Tests.Upload;

public sealed class ChunkPlannerTests
{
    private static readonly ChunkRules Rules = ChunkRules.Decimal;

    [Fact]
    public void Official_worked_example_is_five_chunks_with_the_remainder_in_the_last()
    {
        var plan = ChunkPlanner.Plan(50_000_123, 10_000_000, Rules);

        Assert.Equal(50_000_123, plan.VideoSize);
        Assert.Equal(10_000_000, plan.ChunkSize);
        Assert.Equal(5, plan.ChunkCount);
        Assert.Equal("bytes 0-9999999/50000123", plan[0].ContentRange);
        Assert.Equal("bytes 30000000-39999999/50000123", plan[3].ContentRange);
        Assert.Equal("bytes 40000000-50000122/50000123", plan[4].ContentRange);
        Assert.Equal(10_000_123, plan[4].Length);
        Assert.True(plan[4].IsLast);
        Assert.False(plan[3].IsLast);
    }

    [Fact]
    public void A_file_under_five_megabytes_goes_in_one_piece()
    {
        var plan = ChunkPlanner.Plan(3_000_000, 10_000_000, Rules);

        Assert.Equal(1, plan.ChunkCount);
        Assert.Equal(3_000_000, plan.ChunkSize);
        Assert.Equal("bytes 0-2999999/3000000", plan[0].ContentRange);
    }

    [Fact]
    public void A_file_no_larger_than_one_chunk_goes_in_one_piece()
    {
        var plan = ChunkPlanner.Plan(8_000_000, 10_000_000, Rules);

        Assert.Equal(1, plan.ChunkCount);
        Assert.Equal(8_000_000, plan.ChunkSize);
    }

    [Fact]
    public void Two_hundred_megabytes_go_in_twenty_chunks()
    {
        var plan = ChunkPlanner.Plan(200_000_000, 10_000_000, Rules);

        Assert.Equal(20, plan.ChunkCount);
        Assert.Equal("bytes 190000000-199999999/200000000", plan[19].ContentRange);
    }

    [Fact]
    public void Chunk_size_is_clamped_to_the_five_to_sixty_four_megabyte_range()
    {
        Assert.Equal(5_000_000, ChunkPlanner.Plan(100_000_000, 1_000, Rules).ChunkSize);
        Assert.Equal(64_000_000, ChunkPlanner.Plan(1_000_000_000, 500_000_000, Rules).ChunkSize);
    }

    [Fact]
    public void Final_chunk_absorbs_a_remainder_larger_than_a_chunk_but_stays_within_128_megabytes()
    {
        var plan = ChunkPlanner.Plan(127_999_999, 50_000_000, Rules);

        Assert.Equal(2, plan.ChunkCount);
        Assert.Equal(50_000_000, plan.ChunkSize);
        Assert.Equal(77_999_999, plan[1].Length); // larger than chunk_size: it takes the remainder
        Assert.True(plan[1].Length <= Rules.MaxFinalChunkBytes);
    }

    [Fact]
    public void A_file_over_64_megabytes_is_never_sent_whole_even_with_a_64_megabyte_chunk()
    {
        var plan = ChunkPlanner.Plan(127_999_999, 64_000_000, Rules);

        Assert.Equal(2, plan.ChunkCount);
        Assert.All([plan[0], plan[1]], c => Assert.InRange(c.Length, Rules.MinChunkBytes, Rules.MaxChunkBytes));
    }

    [Fact]
    public void Never_more_than_a_thousand_chunks()
    {
        // 6 GB at 5 MB would be 1,200 chunks: the chunk grows instead.
        var plan = ChunkPlanner.Plan(6_000_000_000, 5_000_000, Rules);

        Assert.True(plan.ChunkCount <= 1_000);
        Assert.Equal(6_000_000, plan.ChunkSize);
        Assert.Equal(1_000, plan.ChunkCount);
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(4_999_999L)]
    [InlineData(5_000_000L)]
    [InlineData(64_000_001L)]
    [InlineData(50_000_123L)]
    [InlineData(999_999_937L)]
    [InlineData(4_294_967_296L)]
    [InlineData(127_999_999L)]
    [InlineData(64_000_000L)]
    public void Every_plan_respects_the_rules_and_covers_the_file_exactly(long size)
    {
        foreach (var preferred in new long[] { 1, 5_000_000, 10_000_000, 64_000_000, 100_000_000 })
        {
            AssertValid(ChunkPlanner.Plan(size, preferred, Rules), size);
        }
    }

    private static void AssertValid(ChunkPlan plan, long size)
    {
        long next = 0;
        for (var i = 0; i < plan.ChunkCount; i++)
        {
            var chunk = plan[i];
            Assert.Equal(next, chunk.Offset);
            if (plan.ChunkCount > 1)
            {
                Assert.InRange(chunk.Length, Rules.MinChunkBytes, chunk.IsLast ? Rules.MaxFinalChunkBytes : Rules.MaxChunkBytes);
            }

            next += chunk.Length;
        }

        Assert.Equal(size, next);
        Assert.Equal(size / plan.ChunkSize, plan.ChunkCount);
        Assert.InRange(plan.ChunkCount, 1, Rules.MaxChunkCount);
        if (plan.ChunkCount == 1)
        {
            Assert.InRange(size, 1, Rules.MaxChunkBytes); // only files up to 64 MB go whole
        }
    }

    [Fact]
    public void Binary_megabytes_are_supported()
    {
        var rules = ChunkRules.For(1_048_576);

        var plan = ChunkPlanner.Plan(5_000_000, 10_485_760, rules);

        Assert.Equal(1, plan.ChunkCount); // under 5 MiB: whole
        Assert.Equal(5L * 1_048_576, rules.MinChunkBytes);
    }

    [Fact]
    public void Rejects_an_empty_file()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ChunkPlanner.Plan(0, 10_000_000, Rules));
    }
}
