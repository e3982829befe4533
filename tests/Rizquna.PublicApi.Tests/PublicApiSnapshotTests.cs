using System.Reflection;

namespace Rizquna.PublicApi.Tests;

/// <summary>
/// Each package's public surface is kept in <c>approved/&lt;Package&gt;.txt</c>, so that a change to it shows up as a
/// reviewed diff. To accept a change: <c>RIZQUNA_UPDATE_API=1 dotnet test tests/Rizquna.PublicApi.Tests</c>, then commit.
/// </summary>
public sealed class PublicApiSnapshotTests
{
    public static TheoryData<string> Packages() =>
    [
        "Rizquna.Abstractions", "Rizquna.Content", "Rizquna.Http", "Rizquna.Scheduling",
        "Rizquna.Connectors.Meta", "Rizquna.Connectors.TikTok", "Rizquna.Connectors.Telegram", "Rizquna.Connectors.Waha",
    ];

    [Theory]
    [MemberData(nameof(Packages))]
    public void Public_surface_matches_the_approved_file(string package)
    {
        var actual = PublicSurface.Describe(Assembly.Load(package));
        var approvedPath = Path.Combine(AppContext.BaseDirectory, "approved", package + ".txt");

        if (Environment.GetEnvironmentVariable("RIZQUNA_UPDATE_API") == "1")
        {
            var sourcePath = Path.Combine(FindRepoRoot(), "tests", "Rizquna.PublicApi.Tests", "approved", package + ".txt");
            Directory.CreateDirectory(Path.GetDirectoryName(sourcePath)!);
            File.WriteAllText(sourcePath, actual);
            return;
        }

        Assert.True(File.Exists(approvedPath), $"No approved public API for {package}; run with RIZQUNA_UPDATE_API=1 and commit.");
        var approved = File.ReadAllText(approvedPath).ReplaceLineEndings("\n");
        if (approved != actual)
        {
            var approvedLines = approved.Split('\n').ToHashSet(StringComparer.Ordinal);
            var actualLines = actual.Split('\n').ToHashSet(StringComparer.Ordinal);
            var added = actualLines.Except(approvedLines).Take(20).Select(l => "+ " + l);
            var removed = approvedLines.Except(actualLines).Take(20).Select(l => "- " + l);
            Assert.Fail($"Public API of {package} changed (accept with RIZQUNA_UPDATE_API=1):\n{string.Join('\n', removed.Concat(added))}");
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Rizquna.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Rizquna.slnx not found above the test output folder.");
    }
}
