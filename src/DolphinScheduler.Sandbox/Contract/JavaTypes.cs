namespace DolphinScheduler.Sandbox.Contract;

/// <summary>
/// Java parameter types as Spring names them in binding errors. endpoints.json only says int32/int64; DS
/// controllers declare <c>pageNo</c>/<c>pageSize</c> as <c>Integer</c> and most other numbers as primitives,
/// which is the approximation used here (the text only appears after the error code's template).
/// </summary>
internal static class JavaTypes
{
    public static string SimpleName(DsParam p, string? enumJavaType) => p.Type switch
    {
        "string" => "String",
        "int32" => IsBoxed(p) ? "Integer" : "int",
        "int64" => "long",
        "boolean" => "boolean",
        "file" => "MultipartFile",
        _ when enumJavaType is not null => enumJavaType[(enumJavaType.LastIndexOf('.') + 1)..],
        _ => p.Type,
    };

    public static string QualifiedName(DsParam p, string? enumJavaType) => p.Type switch
    {
        "string" => "java.lang.String",
        "int32" => IsBoxed(p) ? "java.lang.Integer" : "int",
        "int64" => "long",
        "boolean" => "boolean",
        _ => enumJavaType ?? p.Type,
    };

    private static bool IsBoxed(DsParam p) => p.WireName is "pageNo" or "pageSize";
}
