using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DolphinScheduler.Sandbox.Execution;

/// <summary>
/// DS parameter substitution for task scripts (ParameterUtils / BusinessTimeUtils / TimePlaceholderUtils, reasonably):
/// built-in <c>system.*</c> parameters, global parameters (start parameters override them), task local parameters,
/// <c>${name}</c> placeholders and <c>$[yyyyMMdd-1]</c>-style time expressions. Unknown <c>${x}</c> stay as they are.
/// </summary>
public static partial class ParameterResolver
{
    public sealed record Context(
        DateTime? ScheduleTime,
        DateTime Now,
        string ExecutePath,
        int TaskInstanceId,
        long TaskCode,
        string TaskName,
        int WorkflowInstanceId,
        long WorkflowDefinitionCode,
        string WorkflowDefinitionName,
        long ProjectCode,
        string? ProjectName);

    /// <summary>The parameter map a task sees: system &lt; global (with start overrides) &lt; local.</summary>
    public static Dictionary<string, string> Build(Context c, string? globalParamsJson, IReadOnlyDictionary<string, string> startParams, JsonObject? taskParams)
    {
        var baseTime = c.ScheduleTime ?? c.Now;
        var map = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["system.biz.date"] = baseTime.AddDays(-1).ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            ["system.biz.curdate"] = baseTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            ["system.datetime"] = baseTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture),
            ["system.task.execute.path"] = c.ExecutePath,
            ["system.task.instance.id"] = c.TaskInstanceId.ToString(CultureInfo.InvariantCulture),
            ["system.task.definition.code"] = c.TaskCode.ToString(CultureInfo.InvariantCulture),
            ["system.task.definition.name"] = c.TaskName,
            ["system.workflow.instance.id"] = c.WorkflowInstanceId.ToString(CultureInfo.InvariantCulture),
            ["system.workflow.definition.code"] = c.WorkflowDefinitionCode.ToString(CultureInfo.InvariantCulture),
            ["system.workflow.definition.name"] = c.WorkflowDefinitionName,
            ["system.project.code"] = c.ProjectCode.ToString(CultureInfo.InvariantCulture),
        };
        if (c.ProjectName is not null)
            map["system.project.name"] = c.ProjectName;

        var globals = ReadProperties(globalParamsJson);
        foreach (var (name, value) in startParams)
            globals[name] = value;
        foreach (var (name, value) in globals)
            map[name] = Resolve(value, map, baseTime);

        if (taskParams?["localParams"] is JsonArray local)
        {
            foreach (var (name, value) in ReadProperties(local))
                map[name] = Resolve(value, map, baseTime);
        }
        return map;
    }

    /// <summary>Replaces <c>${name}</c> from the map and evaluates <c>$[…]</c> time expressions.</summary>
    public static string Resolve(string text, IReadOnlyDictionary<string, string> map, DateTime baseTime)
    {
        if (string.IsNullOrEmpty(text))
            return text;
        var replaced = PlaceholderRegex().Replace(text, m => map.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);
        return TimeExpressionRegex().Replace(replaced, m => EvaluateTime(m.Groups[1].Value, baseTime) ?? m.Value);
    }

    /// <summary>Property list (JSON array of {prop, direct, type, value}) as name → value; only IN properties.</summary>
    public static Dictionary<string, string> ReadProperties(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
            return new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            return JsonNode.Parse(json) is JsonArray a ? ReadProperties(a) : new Dictionary<string, string>(StringComparer.Ordinal);
        }
        catch (System.Text.Json.JsonException)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }
    }

    public static Dictionary<string, string> ReadProperties(JsonArray array)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in array.OfType<JsonObject>())
        {
            var name = Text(item["prop"]);
            if (string.IsNullOrEmpty(name) || string.Equals(Text(item["direct"]), "OUT", StringComparison.Ordinal))
                continue;
            result[name] = Text(item["value"]) ?? "";
        }
        return result;
    }

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    // ---- $[...] time expressions (TimePlaceholderUtils) ----

    private static string? EvaluateTime(string expression, DateTime baseTime)
    {
        expression = expression.Trim();
        try
        {
            var fn = FunctionRegex().Match(expression);
            if (fn.Success)
            {
                var args = fn.Groups[2].Value.Split(',').Select(a => a.Trim()).ToArray();
                var format = args[0];
                var n = args.Length > 1 ? (int)Arithmetic(args[1]) : 0;
                var date = fn.Groups[1].Value switch
                {
                    "add_months" => baseTime.AddMonths(n),
                    "this_day" => baseTime,
                    "last_day" => baseTime.AddDays(-1),
                    "month_begin" => new DateTime(baseTime.Year, baseTime.Month, 1).AddMonths(n),
                    "month_end" => new DateTime(baseTime.Year, baseTime.Month, 1).AddMonths(n + 1).AddDays(-1),
                    "week_begin" => WeekBegin(baseTime).AddDays(7 * n),
                    "week_end" => WeekBegin(baseTime).AddDays(7 * n + 6),
                    "year_week" => baseTime,
                    _ => (DateTime?)null,
                };
                if (date is null)
                    return null;
                if (fn.Groups[1].Value == "year_week")
                    return $"{ISOWeek.GetYear(baseTime)}{ISOWeek.GetWeekOfYear(baseTime):00}";
                return Format(date.Value.Date + (fn.Groups[1].Value is "this_day" or "last_day" or "add_months" ? baseTime.TimeOfDay : TimeSpan.Zero), format);
            }

            // <format>[+-]<arithmetic in days>
            var split = FormatOffsetRegex().Match(expression);
            if (!split.Success)
                return null;
            var offsetDays = split.Groups[2].Success && split.Groups[2].Value.Length > 0 ? Arithmetic(split.Groups[2].Value) : 0;
            return Format(baseTime.AddDays(offsetDays), split.Groups[1].Value);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException or DivideByZeroException)
        {
            return null;
        }
    }

    private static DateTime WeekBegin(DateTime d) => d.Date.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    /// <summary>Java date pattern letters → .NET custom format (S = fraction, quotes kept).</summary>
    private static string Format(DateTime value, string javaPattern)
    {
        var sb = new StringBuilder();
        foreach (var ch in javaPattern)
        {
            switch (ch)
            {
                case 'S': sb.Append('f'); break;
                case 'y' or 'M' or 'd' or 'H' or 'h' or 'm' or 's' or 'a' or '\'': sb.Append(ch); break;
                case 'E': sb.Append("ddd"); break;
                default:
                    if (char.IsLetter(ch))
                        sb.Append('\\').Append(ch);
                    else if (ch is '\\' or '%' or '"')
                        sb.Append('\\').Append(ch);
                    else
                        sb.Append(ch);
                    break;
            }
        }
        return value.ToString(sb.ToString(), CultureInfo.InvariantCulture);
    }

    /// <summary>+, -, *, / over decimals (e.g. <c>-1/24</c> = one hour back), left to right with * / first.</summary>
    private static double Arithmetic(string text)
    {
        var tokens = ArithmeticTokenRegex().Matches(text.Replace(" ", "", StringComparison.Ordinal)).Select(m => m.Value).ToList();
        if (tokens.Count == 0)
            throw new FormatException(text);
        var pos = 0;
        double Term()
        {
            var sign = 1.0;
            while (pos < tokens.Count && tokens[pos] is "+" or "-")
                sign *= tokens[pos++] == "-" ? -1 : 1;
            var value = double.Parse(tokens[pos++], CultureInfo.InvariantCulture);
            while (pos < tokens.Count && tokens[pos] is "*" or "/")
            {
                var op = tokens[pos++];
                var rhs = double.Parse(tokens[pos++], CultureInfo.InvariantCulture);
                value = op == "*" ? value * rhs : value / rhs;
            }
            return sign * value;
        }
        var total = Term();
        while (pos < tokens.Count)
        {
            var op = tokens[pos];
            if (op is not ("+" or "-"))
                throw new FormatException(text);
            total += Term();
        }
        return total;
    }

    [GeneratedRegex(@"\$\{([^${}]+)\}")]
    private static partial Regex PlaceholderRegex();

    [GeneratedRegex(@"\$\[([^\[\]]+)\]")]
    private static partial Regex TimeExpressionRegex();

    [GeneratedRegex(@"^(add_months|this_day|last_day|month_begin|month_end|week_begin|week_end|year_week)\((.*)\)$")]
    private static partial Regex FunctionRegex();

    [GeneratedRegex(@"^([A-Za-z:_ .'/\-]*?[A-Za-z'])\s*([+\-][0-9+\-*/. ]+)?$")]
    private static partial Regex FormatOffsetRegex();

    [GeneratedRegex(@"\d+(?:\.\d+)?|[+\-*/]")]
    private static partial Regex ArithmeticTokenRegex();
}
