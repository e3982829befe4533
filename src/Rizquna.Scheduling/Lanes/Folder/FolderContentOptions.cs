using System.ComponentModel.DataAnnotations;

namespace Rizquna.Scheduling.Lanes.Folder;

/// <summary>Where lane B finds content: <c>&lt;Root&gt;/&lt;platform&gt;/&lt;account&gt;/</c> or <c>&lt;Root&gt;/&lt;account&gt;/</c>.</summary>
public sealed class FolderContentOptions
{
    /// <summary>The content root folder.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Root { get; set; } = "content";

    /// <summary>Publishing order: by name (default) or by manifest date.</summary>
    public ContentOrder Order { get; set; } = ContentOrder.Name;
}
