using Rizquna.Scheduling.Lanes.Folder;

namespace Rizquna.Scheduling.Tests.Lanes;

public sealed class FolderContentSourceTests : IDisposable
{
    private static readonly AccountRef Account = new(PlatformId.Instagram, "001", "ig-1");
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private FolderContentSource Source(ContentOrder order = ContentOrder.Name) =>
        new(new StaticOptionsMonitor<FolderContentOptions>(new FolderContentOptions { Root = _folder.Path, Order = order }));

    [Fact]
    public async Task Reads_files_folders_yaml_and_json_manifests_in_name_order_and_ignores_drafts()
    {
        _folder.File("001/b-photo.jpg");
        _folder.File("001/b-photo.txt", " Caption beside the photo \n");
        _folder.File("001/a-folder/2.jpg");
        _folder.File("001/a-folder/1.png");
        _folder.File("001/a-folder/manifest.yaml", "text: Hi {{who}}\nlink: https://x.example/a\ntemplate: daily\nvariant: B\ndata:\n  who: you\n  rtp: 96.50\nhashtags: \"one #two\"\ndate: 2026-12-05\nplacement: story\n");
        _folder.File("001/c-json/clip.mp4");
        _folder.File("001/c-json/manifest.json", """{"media":["clip.mp4"],"hashtags":["a","b"],"data":{"n":1}}""");
        _folder.File("001/_draft.jpg");
        _folder.File("001/.hidden/x.jpg");
        _folder.File("001/notes.md");

        var entries = await Source().ListAsync(Account);

        Assert.Equal(["a-folder", "b-photo.jpg", "c-json"], entries.Select(e => e.Id));
        Assert.All(entries, e => Assert.Null(e.Error));
        var a = entries[0].Item!;
        Assert.Equal("Hi {{who}}", a.Text);
        Assert.Equal("https://x.example/a", a.Link);
        Assert.Equal("daily", a.Template);
        Assert.Equal("B", a.Variant);
        Assert.Equal("you", a.Data["who"]);
        Assert.Equal("96.50", a.Data["rtp"]);
        Assert.Equal(["one", "#two"], a.Hashtags);
        Assert.Equal(new DateOnly(2026, 12, 5), a.Date);
        Assert.Equal(PostPlacement.Story, a.Placement);
        Assert.Equal(["1.png", "2.jpg"], a.Media.Select(m => Path.GetFileName(m.LocalPath!)));
        Assert.Equal("Caption beside the photo", entries[1].Item!.Text);
        var c = entries[2].Item!;
        Assert.Equal(MediaKind.Video, Assert.Single(c.Media).Kind);
        Assert.Equal("1", c.Data["n"]);
    }

    [Fact]
    public async Task Uses_the_platform_folder_when_it_exists()
    {
        _folder.File("001/generic.jpg");
        _folder.File("instagram/001/specific.jpg");
        Assert.Equal(["specific.jpg"], (await Source().ListAsync(Account)).Select(e => e.Id));
    }

    [Fact]
    public async Task A_bad_manifest_is_reported_naming_the_file_and_the_field()
    {
        _folder.File("001/x/a.jpg");
        _folder.File("001/x/manifest.json", """{"text":"t","colour":"red"}""");
        _folder.File("001/y/a.jpg");
        _folder.File("001/y/manifest.yaml", "link: ftp://nope\n");
        _folder.File("001/z/a.jpg");
        _folder.File("001/z/caption.txt", "one");
        _folder.File("001/z/manifest.yml", "text: two\n");
        _folder.File("001/w/manifest.yaml", "media: [missing.jpg]\n");

        var errors = (await Source().ListAsync(Account)).ToDictionary(e => e.Id, e => e.Error);

        Assert.Contains("manifest.json: unknown field 'colour'", errors["x"], StringComparison.Ordinal);
        Assert.Contains("manifest.yaml: field 'link'", errors["y"], StringComparison.Ordinal);
        Assert.Contains("caption is given twice", errors["z"], StringComparison.Ordinal);
        Assert.Contains("'media[0]'", errors["w"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manifest_date_order_puts_dated_items_first()
    {
        _folder.File("001/a/manifest.yaml", "text: a\ndate: 2026-12-09\n");
        _folder.File("001/b/manifest.yaml", "text: b\n");
        _folder.File("001/c/manifest.json", """{"text":"c","date":"2026-12-01"}""");
        Assert.Equal(["c", "a", "b"], (await Source(ContentOrder.ManifestDate).ListAsync(Account)).Select(e => e.Id));
        Assert.Equal(["a", "b", "c"], (await Source().ListAsync(Account)).Select(e => e.Id));
    }
}
