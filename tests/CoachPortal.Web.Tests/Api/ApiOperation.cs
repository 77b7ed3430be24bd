using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CoachPortal.Web.Tests.Api;

/// <summary>One path and method of the published OpenAPI document, and how to call it with chosen ids.</summary>
public sealed partial record ApiOperation(string Path, HttpMethod Method, string OperationId)
{
    public bool IsWrite => Method != HttpMethod.Get;

    public IReadOnlyList<string> IdParameters => [.. Parameter().Matches(Path).Select(m => m.Groups["name"].Value)];

    /// <summary>Every operation of <c>/openapi/v1.json</c>, read over HTTP as a client would.</summary>
    public static async Task<IReadOnlyList<ApiOperation>> ReadAllAsync(HttpClient client)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var operations = new List<ApiOperation>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject().Where(m => m.Value.ValueKind == JsonValueKind.Object && m.Value.TryGetProperty("responses", out _)))
            {
                var id = method.Value.TryGetProperty("operationId", out var op) ? op.GetString()! : $"{method.Name} {path.Name}";
                operations.Add(new ApiOperation(path.Name, new HttpMethod(method.Name.ToUpperInvariant()), id));
            }
        }

        return operations;
    }

    /// <summary>A request with each id parameter taken from <paramref name="ids"/> and a body the endpoint accepts.</summary>
    public HttpRequestMessage Request(IReadOnlyDictionary<string, int> ids, string? ifMatch = null)
    {
        var url = Parameter().Replace(Path, m => ids.TryGetValue(m.Groups["name"].Value, out var v)
            ? v.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"No id for {m.Value} in {Path}"));
        var request = new HttpRequestMessage(Method, url);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (Path.EndsWith("/uploads", StringComparison.Ordinal))
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes("seconds,hr\n0,120\n"));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            request.Content = new MultipartFormDataContent { { file, "file", "probe.csv" } };
        }
        else if (Path.EndsWith("/outcome", StringComparison.Ordinal))
        {
            request.Content = new StringContent("""{"status":"Done","rpe":5}""", Encoding.UTF8, "application/json");
        }
        else if (Method == HttpMethod.Put || Method == HttpMethod.Patch || Method == HttpMethod.Post)
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return request;
    }

    public override string ToString() => $"{Method} {Path}";

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)\}")]
    private static partial Regex Parameter();
}
