using Microsoft.AspNetCore.Http.HttpResults;

namespace Rizquna.SampleHost.Errors;

/// <summary>RFC 7807 answers with a stable <c>type</c> per kind of problem, so n8n can branch on it.</summary>
internal static class Problems
{
    private const string Base = "https://rizquna.dev/problems/";

    public static ProblemHttpResult Of(int status, string kind, string title, string? detail = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: Base + kind);

    public static ProblemHttpResult Validation(IDictionary<string, string[]> errors) =>
        TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is invalid.",
            Type = Base + "validation",
            Detail = string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")),
            Extensions = { ["errors"] = errors },
        });

    public static ProblemHttpResult MalformedJson(string detail) =>
        Of(StatusCodes.Status400BadRequest, "malformed-json", "The body is not valid JSON.", detail);

    public static ProblemHttpResult TooLarge(long limit) =>
        Of(StatusCodes.Status413PayloadTooLarge, "body-too-large", "The request body is too large.", $"The limit is {limit} bytes.");

    public static ProblemHttpResult UnsupportedMediaType() =>
        Of(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Send the body as application/json.");

    public static ProblemHttpResult Unauthorized() =>
        Of(StatusCodes.Status401Unauthorized, "unauthorized", "A valid bearer token is required.",
            "Send 'Authorization: Bearer <token>' with one of the tokens configured in Rizquna:Api:Tokens.");

    public static ProblemHttpResult BadSignature(string detail) =>
        Of(StatusCodes.Status401Unauthorized, "bad-signature", "The signature is missing or wrong.", detail);

    public static ProblemHttpResult NotFound(string detail) =>
        Of(StatusCodes.Status404NotFound, "not-found", "Not found.", detail);

    public static ProblemHttpResult Conflict(string kind, string detail) =>
        Of(StatusCodes.Status409Conflict, kind, "Conflict.", detail);
}
