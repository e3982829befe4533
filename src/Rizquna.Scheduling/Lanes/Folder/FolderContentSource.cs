using Microsoft.Extensions.Options;

namespace Rizquna.Scheduling.Lanes.Folder;

/// <summary>
/// Reads lane B's content from local folders: <c>&lt;root&gt;/&lt;platform&gt;/&lt;account&gt;/</c> when it exists, else
/// <c>&lt;root&gt;/&lt;account&gt;/</c>. Each entry is a media file (with an optional <c>&lt;name&gt;.txt</c> caption beside it)
/// or a folder with media plus <c>caption.txt</c> or <c>manifest.json</c>/<c>manifest.yaml</c>. Names starting with
/// <c>.</c> or <c>_</c> are ignored (drafts). The format is described in the Lanes README.
/// </summary>
public sealed class FolderContentSource : IContentSource
{
    private static readonly string[] ManifestNames = ["manifest.json", "manifest.yaml", "manifest.yml"];
    private static readonly string[] CaptionNames = ["caption.txt", "caption.md"];

    private readonly IOptionsMonitor<FolderContentOptions> _options;

    /// <summary>Creates the source.</summary>
    public FolderContentSource(IOptionsMonitor<FolderContentOptions> options) => _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>The folder holding <paramref name="account"/>'s items (it may not exist).</summary>
    public string FolderFor(AccountRef account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var root = _options.CurrentValue.Root;
        var byPlatform = Path.Combine(root, account.Platform.Value, account.Key);
        return Directory.Exists(byPlatform) ? byPlatform : Path.Combine(root, account.Key);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ContentEntry>> ListAsync(AccountRef account, CancellationToken cancellationToken = default)
    {
        var folder = FolderFor(account);
        if (!Directory.Exists(folder))
        {
            return Task.FromResult<IReadOnlyList<ContentEntry>>([]);
        }

        var entries = new List<ContentEntry>();
        foreach (var path in Directory.EnumerateFileSystemEntries(folder))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = Path.GetFileName(path);
            if (name.StartsWith('.') || name.StartsWith('_'))
            {
                continue;
            }

            if (Directory.Exists(path))
            {
                entries.Add(ReadFolder(name, path));
            }
            else if (MediaTypes.KindFromExtension(name) is { } kind)
            {
                entries.Add(ReadFile(name, path, kind));
            }
        }

        var byDate = _options.CurrentValue.Order == ContentOrder.ManifestDate;
        entries.Sort((a, b) =>
        {
            if (byDate)
            {
                var (da, db) = (a.Item?.Date, b.Item?.Date);
                if (da != db)
                {
                    return da is null ? 1 : db is null ? -1 : da.Value.CompareTo(db.Value);
                }
            }

            return string.CompareOrdinal(a.Id, b.Id);
        });
        return Task.FromResult<IReadOnlyList<ContentEntry>>(entries);
    }

    private static ContentEntry ReadFile(string name, string path, MediaKind kind)
    {
        try
        {
            var sidecar = Path.ChangeExtension(path, ".txt");
            return new ContentEntry(name, new ContentItem
            {
                Id = name,
                SourcePath = path,
                Text = File.Exists(sidecar) ? File.ReadAllText(sidecar).Trim() : null,
                Media = [MediaItem.FromFile(kind, path)],
            }, null);
        }
        catch (IOException exception)
        {
            return new ContentEntry(name, null, $"{name}: {exception.Message}");
        }
    }

    private static ContentEntry ReadFolder(string name, string path)
    {
        try
        {
            var manifestPath = ManifestNames.Select(m => Path.Combine(path, m)).FirstOrDefault(File.Exists);
            var captionPath = CaptionNames.Select(c => Path.Combine(path, c)).FirstOrDefault(File.Exists);
            var manifest = manifestPath is null ? new ContentManifest() : ContentManifestReader.Read(manifestPath);
            if (manifest.Text is not null && captionPath is not null)
            {
                return new ContentEntry(name, null, $"{name}: the caption is given twice ({Path.GetFileName(captionPath)} and the manifest's 'text'); keep one.");
            }

            var files = Directory.GetFiles(path).Select(Path.GetFileName).OfType<string>()
                .Where(f => !f.StartsWith('.') && MediaTypes.KindFromExtension(f) is not null)
                .Order(StringComparer.Ordinal)
                .ToList();
            var media = new List<MediaItem>();
            if (manifest.Media is { } listed)
            {
                for (var i = 0; i < listed.Count; i++)
                {
                    var file = listed[i];
                    var full = Path.Combine(path, file);
                    if (file.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(file) || !File.Exists(full))
                    {
                        return new ContentEntry(name, null, $"{name}: manifest field 'media[{i}]' names '{file}', which is not a file in the item folder.");
                    }

                    if (MediaTypes.KindFromExtension(file) is not { } kind)
                    {
                        return new ContentEntry(name, null, $"{name}: manifest field 'media[{i}]' names '{file}', which is not an image or video.");
                    }

                    media.Add(MediaItem.FromFile(kind, full));
                }
            }
            else
            {
                media.AddRange(files.Select(f => MediaItem.FromFile(MediaTypes.KindFromExtension(f)!.Value, Path.Combine(path, f))));
            }

            var text = manifest.Text ?? (captionPath is null ? null : File.ReadAllText(captionPath).Trim());
            if (media.Count == 0 && string.IsNullOrWhiteSpace(text) && manifest.Template is null)
            {
                return new ContentEntry(name, null, $"{name}: the folder has no media, no caption and no template.");
            }

            return new ContentEntry(name, new ContentItem
            {
                Id = name,
                SourcePath = path,
                Text = string.IsNullOrWhiteSpace(text) ? null : text,
                Link = manifest.Link,
                Template = manifest.Template,
                Variant = manifest.Variant,
                Data = manifest.Data,
                Hashtags = manifest.Hashtags,
                Date = manifest.Date,
                Placement = manifest.Placement ?? PostPlacement.Feed,
                Media = media,
            }, null);
        }
        catch (FormatException exception)
        {
            return new ContentEntry(name, null, exception.Message.StartsWith(name, StringComparison.Ordinal) ? exception.Message : $"{name}/{exception.Message}");
        }
        catch (IOException exception)
        {
            return new ContentEntry(name, null, $"{name}: {exception.Message}");
        }
    }
}
