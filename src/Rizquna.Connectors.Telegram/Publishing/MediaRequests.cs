using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Rizquna.Connectors.Telegram.BotApi;

namespace Rizquna.Connectors.Telegram;

/// <summary>
/// Sends photos, videos and albums, by URL (JSON body) or by local-file upload (multipart; album parts referenced as
/// <c>attach://fileN</c>). Bodies are built per attempt because an upload stream is consumed by the send.
/// </summary>
internal sealed class MediaRequests(BotApiClient api)
{
    public Task<Message[]> SendAsync(
        AccountRef account, string chatId, IReadOnlyList<MediaItem> media, string? captionHtml, bool silent, CancellationToken cancellationToken) =>
        media.Count == 1
            ? SendSingleAsync(account, chatId, media[0], captionHtml, silent, cancellationToken)
            : SendAlbumAsync(account, chatId, media, captionHtml, silent, cancellationToken);

    private async Task<Message[]> SendSingleAsync(
        AccountRef account, string chatId, MediaItem item, string? captionHtml, bool silent, CancellationToken cancellationToken)
    {
        var isVideo = item.Kind == MediaKind.Video;
        var method = isVideo ? "sendVideo" : "sendPhoto";
        var silentFlag = silent ? true : (bool?)null;
        if (item.Url is { } url)
        {
            var message = isVideo
                ? await api.CallAsync(account, method,
                    new SendVideoRequest(chatId, url.AbsoluteUri) { Caption = captionHtml, DisableNotification = silentFlag },
                    BotApiJsonContext.Wire.SendVideoRequest, BotApiJsonContext.Wire.ApiResponseMessage, createsContent: true,
                    cancellationToken).ConfigureAwait(false)
                : await api.CallAsync(account, method,
                    new SendPhotoRequest(chatId, url.AbsoluteUri) { Caption = captionHtml, DisableNotification = silentFlag },
                    BotApiJsonContext.Wire.SendPhotoRequest, BotApiJsonContext.Wire.ApiResponseMessage, createsContent: true,
                    cancellationToken).ConfigureAwait(false);
            return [message];
        }

        var form = NewForm(chatId, silent);
        AddCaption(form, captionHtml);
        if (isVideo)
        {
            form.Add(new StringContent("true"), "supports_streaming");
        }

        AddFile(form, isVideo ? "video" : "photo", item);
        return [await api.CallMultipartAsync(account, method, form, BotApiJsonContext.Wire.ApiResponseMessage, cancellationToken).ConfigureAwait(false)];
    }

    private async Task<Message[]> SendAlbumAsync(
        AccountRef account, string chatId, IReadOnlyList<MediaItem> media, string? captionHtml, bool silent, CancellationToken cancellationToken)
    {
        var inputs = new InputMedia[media.Count];
        var anyLocal = false;
        for (var i = 0; i < media.Count; i++)
        {
            var item = media[i];
            anyLocal |= item.IsLocal;
            var reference = item.Url?.AbsoluteUri ?? "attach://" + PartName(i);
            // Only the first item's caption is shown as the album caption.
            inputs[i] = new InputMedia(item.Kind == MediaKind.Video ? "video" : "photo", reference)
            {
                Caption = i == 0 ? captionHtml : null,
                ParseMode = i == 0 && captionHtml is not null ? "HTML" : null,
                SupportsStreaming = item.Kind == MediaKind.Video ? true : null,
            };
        }

        if (!anyLocal)
        {
            return await api.CallAsync(account, "sendMediaGroup",
                new SendMediaGroupRequest(chatId, inputs) { DisableNotification = silent ? true : null },
                BotApiJsonContext.Wire.SendMediaGroupRequest, BotApiJsonContext.Wire.ApiResponseMessageArray, createsContent: true,
                cancellationToken).ConfigureAwait(false);
        }

        var form = NewForm(chatId, silent);
        form.Add(new StringContent(JsonSerializer.Serialize(inputs, BotApiJsonContext.Wire.IReadOnlyListInputMedia)), "media");
        for (var i = 0; i < media.Count; i++)
        {
            if (media[i].IsLocal)
            {
                AddFile(form, PartName(i), media[i]);
            }
        }

        return await api.CallMultipartAsync(account, "sendMediaGroup", form, BotApiJsonContext.Wire.ApiResponseMessageArray, cancellationToken)
            .ConfigureAwait(false);
    }

    private static string PartName(int index) => "file" + index.ToString(CultureInfo.InvariantCulture);

    private static MultipartFormDataContent NewForm(string chatId, bool silent)
    {
        var form = new MultipartFormDataContent { { new StringContent(chatId), "chat_id" } };
        if (silent)
        {
            form.Add(new StringContent("true"), "disable_notification");
        }

        return form;
    }

    private static void AddCaption(MultipartFormDataContent form, string? captionHtml)
    {
        if (captionHtml is not null)
        {
            form.Add(new StringContent(captionHtml), "caption");
            form.Add(new StringContent("HTML"), "parse_mode");
        }
    }

    private static void AddFile(MultipartFormDataContent form, string name, MediaItem item)
    {
        // Disposed with the form, after the send.
        var file = new StreamContent(File.OpenRead(item.LocalPath!));
        file.Headers.ContentType = new MediaTypeHeaderValue(item.ContentType ?? "application/octet-stream");
        form.Add(file, name, Path.GetFileName(item.LocalPath!));
    }
}
