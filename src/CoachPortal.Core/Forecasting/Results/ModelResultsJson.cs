using System.Text.Json;
using System.Text.Json.Serialization;
using CoachPortal.Core.Forecasting.Baselines;
using CoachPortal.Learning.Evaluation;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CoachPortal.Core.Forecasting.Results;

/// <summary>
/// The JSON the result columns hold, written and read in the shapes the training job has always stored, so rows
/// written before these types read back unchanged: metrics as one object, a forecast's test series as an array of
/// days, a classifier's as its confusion object, and the loss history as [epoch, training, validation] triples.
/// </summary>
public static class ModelResultsJson
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        PropertyNameCaseInsensitive = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new PromotionConverter(), new TestSeriesConverter(), new LossHistoryConverter() },
    };

    public static string Serialize<T>(T value)
        where T : class => JsonSerializer.Serialize(value, s_options);

    public static T Deserialize<T>(string json)
        where T : class => JsonSerializer.Deserialize<T>(json, s_options)
            ?? throw new JsonException($"A stored {typeof(T).Name} is null.");

    /// <summary>Maps a result type on its JSON text column.</summary>
    public static ValueConverter<T, string> Converter<T>()
        where T : class => new(v => Serialize(v), s => Deserialize<T>(s));

    /// <summary>Compares results by their JSON, so a change inside one is saved and an untouched one is not.</summary>
    public static ValueComparer<T> Comparer<T>()
        where T : class => new(
            (a, b) => a == null ? b == null : b != null && Serialize(a) == Serialize(b),
            v => Serialize(v).GetHashCode(StringComparison.Ordinal),
            v => Deserialize<T>(Serialize(v)));

    // { verdict, estimate, low, high, events, athletes, brierSkill, reason }, a statistic that is not finite as null.
    private sealed class PromotionConverter : JsonConverter<PromotionDecision>
    {
        public override PromotionDecision Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var doc = JsonDocument.ParseValue(ref reader);
            var p = doc.RootElement;
            if (!Enum.TryParse<PromotionVerdict>(Text(p, "verdict"), out var verdict))
            {
                throw new JsonException($"Unknown promotion verdict \"{Text(p, "verdict")}\".");
            }

            return new PromotionDecision(verdict, Number(p, "estimate"), Number(p, "low"), Number(p, "high"), Whole(p, "events"), Whole(p, "athletes"), Text(p, "reason") ?? "")
            {
                BrierSkill = Number(p, "brierSkill"),
            };
        }

        public override void Write(Utf8JsonWriter writer, PromotionDecision value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString("verdict", value.Verdict.ToString());
            WriteNumber(writer, "estimate", value.Estimate);
            WriteNumber(writer, "low", value.Low);
            WriteNumber(writer, "high", value.High);
            writer.WriteNumber("events", value.Events);
            writer.WriteNumber("athletes", value.Athletes);
            WriteNumber(writer, "brierSkill", value.BrierSkill);
            writer.WriteString("reason", value.Reason);
            writer.WriteEndObject();
        }

        private static void WriteNumber(Utf8JsonWriter writer, string name, double value)
        {
            if (double.IsFinite(value))
            {
                writer.WriteNumber(name, Math.Round(value, 4));
            }
            else
            {
                writer.WriteNull(name);
            }
        }

        private static string? Text(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        private static double Number(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN;

        private static int Whole(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : 0;
    }

    // A forecast's days as an array, a classifier's confusion as an object: the first token says which.
    private sealed class TestSeriesConverter : JsonConverter<ModelTestSeries>
    {
        public override ModelTestSeries Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.StartArray => ModelTestSeries.Of(JsonSerializer.Deserialize<List<TestSeriesPoint>>(ref reader, options) ?? []),
            JsonTokenType.StartObject => ModelTestSeries.Of(JsonSerializer.Deserialize<SessionClassConfusion>(ref reader, options)!),
            _ => throw new JsonException($"A test series is an array or an object, not {reader.TokenType}."),
        };

        public override void Write(Utf8JsonWriter writer, ModelTestSeries value, JsonSerializerOptions options)
        {
            if (value.Confusion is { } confusion)
            {
                JsonSerializer.Serialize(writer, confusion, options);
            }
            else
            {
                JsonSerializer.Serialize(writer, value.Points, options);
            }
        }
    }

    private sealed class LossHistoryConverter : JsonConverter<LossHistory>
    {
        public override LossHistory Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var rows = JsonSerializer.Deserialize<double?[][]>(ref reader, options) ?? [];
            return new LossHistory([.. rows.Select(r => new LossPoint((int)(r[0] ?? 0), r[1] ?? double.NaN, r.Length > 2 ? r[2] : null))]);
        }

        public override void Write(Utf8JsonWriter writer, LossHistory value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var p in value.Points)
            {
                writer.WriteStartArray();
                writer.WriteNumberValue(p.Epoch);
                writer.WriteNumberValue(p.TrainingLoss);
                if (p.ValidationLoss is { } validation)
                {
                    writer.WriteNumberValue(validation);
                }
                else
                {
                    writer.WriteNullValue();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }
    }
}
