using System.Globalization;

namespace CoachPortal.Analytics.Workouts;

/// <summary>
/// Parses the workout text syntax (docs/workout-syntax.md), e.g.
/// <c>10m warmup @Z1; 5x(3m @105% FTP, 2m @Z1); 10m cooldown @RPE3</c>. Errors name the character they stop at.
/// </summary>
public static class WorkoutParser
{
    /// <summary>Longest workout text accepted, in characters.</summary>
    public const int MaxLength = 2000;
    private const int MaxRepeat = 50;

    private static readonly Dictionary<string, WorkoutStepKind> s_labels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["warmup"] = WorkoutStepKind.Warmup,
        ["wu"] = WorkoutStepKind.Warmup,
        ["cooldown"] = WorkoutStepKind.Cooldown,
        ["cd"] = WorkoutStepKind.Cooldown,
        ["recovery"] = WorkoutStepKind.Recovery,
        ["rec"] = WorkoutStepKind.Recovery,
        ["easy"] = WorkoutStepKind.Recovery,
        ["rest"] = WorkoutStepKind.Rest,
        ["work"] = WorkoutStepKind.Active,
        ["interval"] = WorkoutStepKind.Active,
    };

    /// <summary>Parses workout text; throws <see cref="WorkoutSyntaxException"/> with the offending position.</summary>
    public static StructuredWorkout Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
        {
            throw new WorkoutSyntaxException($"A workout is at most {MaxLength} characters", MaxLength, 1);
        }

        var tokens = Tokenize(text);
        var p = new Cursor(tokens, text.Length);
        var segments = new List<WorkoutSegment>();
        if (p.AtEnd)
        {
            throw new WorkoutSyntaxException("The workout is empty: write at least one step, e.g. 30m @Z2", 0, 1);
        }

        while (!p.AtEnd)
        {
            segments.Add(ParseItem(p));
            if (p.AtEnd)
            {
                break;
            }

            p.Expect(";", "Expected ';' between steps");
        }

        return new StructuredWorkout(segments);
    }

    /// <summary>Parses, or returns the error instead of throwing (for live previews).</summary>
    public static bool TryParse(string text, out StructuredWorkout? workout, out WorkoutSyntaxException? error)
    {
        try
        {
            workout = Parse(text ?? "");
            error = null;
            return true;
        }
        catch (WorkoutSyntaxException ex)
        {
            workout = null;
            error = ex;
            return false;
        }
    }

    private static WorkoutSegment ParseItem(Cursor p)
    {
        // A repeat starts "N x (" — look ahead so "5x(" is not taken for a step of 5 of something.
        if (p.Peek.Kind == TokenKind.Number && p.PeekAt(1) is { Kind: TokenKind.Word } w
            && (w.Text.Equals("x", StringComparison.OrdinalIgnoreCase) || w.Text == "×"))
        {
            var countToken = p.Next();
            p.Next();
            if (countToken.Number is not (>= 1 and <= MaxRepeat) || countToken.Number != Math.Floor(countToken.Number))
            {
                throw new WorkoutSyntaxException($"A repeat count is a whole number from 1 to {MaxRepeat}", countToken.Position, countToken.Text.Length);
            }

            p.Expect("(", "Expected '(' after the repeat count, e.g. 5x(3m @Z4, 2m @Z1)");
            var steps = new List<WorkoutStepSpec> { ParseStep(p) };
            while (p.Peek.Text is "," or ";")
            {
                p.Next();
                steps.Add(ParseStep(p));
            }

            p.Expect(")", "Expected ',' or ')' in the repeat");
            return new WorkoutSegment((int)countToken.Number, true, steps);
        }

        return new WorkoutSegment(1, false, [ParseStep(p)]);
    }

    private static WorkoutStepSpec ParseStep(Cursor p)
    {
        var start = p.Peek;
        if (start.Kind != TokenKind.Number)
        {
            throw new WorkoutSyntaxException("Expected a duration (e.g. 10m, 1h30m, 90s) or a distance (e.g. 2km, 400mtr)", start.Position, start.Text.Length);
        }

        double? seconds = null;
        double? meters = null;
        while (p.Peek.Kind == TokenKind.Number)
        {
            var number = p.Next();
            var unit = p.Peek;
            if (unit.Kind != TokenKind.Word)
            {
                throw new WorkoutSyntaxException("Expected a unit after the number: s, m, h (time) or km, mtr, mi (distance)", unit.Position, unit.Text.Length);
            }

            p.Next();
            switch (unit.Text.ToLowerInvariant())
            {
                case "s" or "sec":
                    seconds = (seconds ?? 0) + number.Number;
                    break;
                case "m" or "min":
                    seconds = (seconds ?? 0) + number.Number * 60;
                    break;
                case "h":
                    seconds = (seconds ?? 0) + number.Number * 3600;
                    break;
                case "km":
                    meters = (meters ?? 0) + number.Number * 1000;
                    break;
                case "mtr":
                    meters = (meters ?? 0) + number.Number;
                    break;
                case "mi":
                    meters = (meters ?? 0) + number.Number * 1609.344;
                    break;
                default:
                    throw new WorkoutSyntaxException($"Unknown unit '{unit.Text}': use s, m, h (time) or km, mtr, mi (distance)", unit.Position, unit.Text.Length);
            }

            if (seconds is not null && meters is not null)
            {
                throw new WorkoutSyntaxException("A step has a duration or a distance, not both", unit.Position, unit.Text.Length);
            }
        }

        if (seconds is <= 0 || meters is <= 0 || seconds > 24 * 3600 || meters > 1_000_000)
        {
            throw new WorkoutSyntaxException("A step lasts more than zero and at most 24 h or 1000 km", start.Position, start.Text.Length);
        }

        var kind = WorkoutStepKind.Active;
        if (p.Peek.Kind == TokenKind.Word)
        {
            var label = p.Next();
            if (!s_labels.TryGetValue(label.Text, out kind))
            {
                throw new WorkoutSyntaxException($"Unknown step label '{label.Text}': use warmup, cooldown, recovery, rest or work", label.Position, label.Text.Length);
            }
        }

        var target = WorkoutTarget.None;
        if (p.Peek.Text == "@")
        {
            p.Next();
            target = ParseTarget(p);
        }

        return new WorkoutStepSpec(kind, seconds, meters, target);
    }

    private static WorkoutTarget ParseTarget(Cursor p)
    {
        var first = p.Peek;
        if (first.Kind == TokenKind.Word && first.Text.Equals("Z", StringComparison.OrdinalIgnoreCase))
        {
            p.Next();
            var low = Zone(p.Next(), first);
            var high = low;
            if (p.Peek.Text == "-")
            {
                p.Next();
                if (p.Peek.Kind == TokenKind.Word && p.Peek.Text.Equals("Z", StringComparison.OrdinalIgnoreCase))
                {
                    p.Next();
                }

                high = Zone(p.Next(), first);
            }

            return Ordered(WorkoutTargetKind.HeartRateZone, low, high);
        }

        if (first.Kind == TokenKind.Word && first.Text.Equals("RPE", StringComparison.OrdinalIgnoreCase))
        {
            p.Next();
            var value = p.Next();
            if (value.Kind != TokenKind.Number || value.Number is < 1 or > 10)
            {
                throw new WorkoutSyntaxException("RPE is a number from 1 to 10, e.g. @RPE3", value.Position, value.Text.Length);
            }

            return new WorkoutTarget(WorkoutTargetKind.Rpe, value.Number, value.Number);
        }

        if (first.Kind == TokenKind.Number)
        {
            if (p.PeekAt(1).Text == ":")
            {
                var low = Pace(p);
                var high = low;
                if (p.Peek.Text == "-")
                {
                    p.Next();
                    high = Pace(p);
                }

                var perKm = PaceUnit(p);
                return Ordered(WorkoutTargetKind.PaceSecondsPerKm, low * perKm, high * perKm);
            }

            var a = p.Next().Number;
            var b = a;
            if (p.Peek.Text == "-")
            {
                p.Next();
                var second = p.Next();
                if (second.Kind != TokenKind.Number)
                {
                    throw new WorkoutSyntaxException("Expected the upper percentage of the range, e.g. 95-105% FTP", second.Position, second.Text.Length);
                }

                b = second.Number;
            }

            p.Expect("%", "Expected '%' after the number, e.g. @105% FTP");
            if (p.Peek.Kind == TokenKind.Word && p.Peek.Text.Equals("FTP", StringComparison.OrdinalIgnoreCase))
            {
                p.Next();
            }

            if (a is < 20 or > 250 || b is < 20 or > 250)
            {
                throw new WorkoutSyntaxException("A power target is 20–250 % of FTP", first.Position, first.Text.Length);
            }

            return Ordered(WorkoutTargetKind.PercentFtp, a, b);
        }

        throw new WorkoutSyntaxException("Expected a target after '@': Z1–Z5, 105% FTP, 4:30/km or RPE1–10", first.Position, first.Text.Length);
    }

    private static WorkoutTarget Ordered(WorkoutTargetKind kind, double a, double b) => new(kind, Math.Min(a, b), Math.Max(a, b));

    private static int Zone(Token token, Token at)
    {
        if (token.Kind != TokenKind.Number || token.Number is not (1 or 2 or 3 or 4 or 5))
        {
            throw new WorkoutSyntaxException("A heart-rate zone is Z1 to Z5", token.Kind == TokenKind.End ? at.Position : token.Position, token.Text.Length);
        }

        return (int)token.Number;
    }

    private static double Pace(Cursor p)
    {
        var minutes = p.Next();
        p.Expect(":", "Expected a pace as minutes:seconds, e.g. 4:30/km");
        var seconds = p.Next();
        if (minutes.Kind != TokenKind.Number || seconds.Kind != TokenKind.Number || seconds.Number >= 60 || seconds.Text.Length != 2 || minutes.Number < 1 || minutes.Number > 30)
        {
            throw new WorkoutSyntaxException("A pace is minutes:seconds with two-digit seconds, e.g. 4:05/km", minutes.Position, seconds.Position + seconds.Text.Length - minutes.Position);
        }

        return minutes.Number * 60 + seconds.Number;
    }

    private static double PaceUnit(Cursor p)
    {
        p.Expect("/", "Expected '/km' or '/mi' after the pace");
        var unit = p.Next();
        return unit.Text.ToLowerInvariant() switch
        {
            "km" => 1,
            "mi" => 1 / 1.609344,
            _ => throw new WorkoutSyntaxException("A pace is per km or per mi, e.g. 4:30/km", unit.Position, unit.Text.Length),
        };
    }

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || (text[i] == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))))
                {
                    i++;
                }

                var s = text[start..i];
                if (!double.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
                {
                    throw new WorkoutSyntaxException($"'{s}' is not a number", start, s.Length);
                }

                tokens.Add(new Token(TokenKind.Number, s, value, start));
            }
            else if (char.IsLetter(c))
            {
                var start = i;
                while (i < text.Length && char.IsLetter(text[i]))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Word, text[start..i], 0, start));
            }
            else if (c == '×')
            {
                tokens.Add(new Token(TokenKind.Word, "×", 0, i));
                i++;
            }
            else if (";,()@%-/:".Contains(c, StringComparison.Ordinal))
            {
                tokens.Add(new Token(TokenKind.Symbol, c.ToString(), 0, i));
                i++;
            }
            else
            {
                throw new WorkoutSyntaxException($"Unexpected character '{c}'", i, 1);
            }
        }

        return tokens;
    }

    private enum TokenKind
    {
        Number,
        Word,
        Symbol,
        End,
    }

    private sealed record Token(TokenKind Kind, string Text, double Number, int Position);

    private sealed class Cursor(List<Token> tokens, int textLength)
    {
        private int _index;

        public bool AtEnd => _index >= tokens.Count;

        public Token Peek => PeekAt(0);

        public Token PeekAt(int offset) => _index + offset < tokens.Count
            ? tokens[_index + offset]
            : new Token(TokenKind.End, "", 0, textLength);

        public Token Next()
        {
            var t = Peek;
            _index++;
            return t;
        }

        public void Expect(string symbol, string message)
        {
            var t = Peek;
            if (t.Text != symbol)
            {
                var found = t.Kind == TokenKind.End ? "the end" : $"'{t.Text}'";
                throw new WorkoutSyntaxException($"{message}; found {found}", t.Position, t.Text.Length);
            }

            _index++;
        }
    }
}
