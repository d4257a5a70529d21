using Microsoft.AspNetCore.Antiforgery;

namespace RelationalNeuro.Gallery;

/// <summary>
/// The reader's display preferences (theme, motion), kept in cookies so the server renders the right
/// <c>data-theme</c> / <c>data-motion</c> on &lt;html&gt; in the very first response: no flash of the
/// wrong theme and no script. The toggles are plain forms that post here, so they work without a circuit.
/// </summary>
internal static class Preferences
{
    public const string ThemeCookie = "rn-theme";
    public const string MotionCookie = "rn-motion";

    public static readonly string[] Themes = ["system", "light", "dark"];
    public static readonly string[] Motions = ["system", "reduce"];

    /// <summary>
    /// The theme to write on &lt;html&gt;: "light" or "dark" as chosen, else "auto", the widgets' opt-in to follow the
    /// operating system (without an attribute they stay light, as a light-only host page needs).
    /// </summary>
    public static string Theme(HttpContext? context) =>
        Allowed(context?.Request.Cookies[ThemeCookie], Themes) is { } t and not "system" ? t : "auto";

    /// <summary>"reduce" when the reader asked for reduced motion here, else null (the OS preference applies).</summary>
    public static string? Motion(HttpContext? context) =>
        Allowed(context?.Request.Cookies[MotionCookie], Motions) is "reduce" ? "reduce" : null;

    public static IEndpointRouteBuilder MapPreferenceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // The token is checked here rather than by form binding: a missing or forged token is a plain 400
        // (binding would throw, and the error page would be asked to handle a POST).
        endpoints.MapPost("/preferences/theme", (HttpContext context, IAntiforgery antiforgery) =>
            SaveAsync(context, antiforgery, "theme", ThemeCookie, Themes)).DisableAntiforgery();
        endpoints.MapPost("/preferences/motion", (HttpContext context, IAntiforgery antiforgery) =>
            SaveAsync(context, antiforgery, "motion", MotionCookie, Motions)).DisableAntiforgery();
        return endpoints;
    }

    /// <summary>
    /// Whether <paramref name="returnUrl"/> is a path on this site: starts with one '/', and has no second '/' or
    /// '\' after it, no control character and no whitespace (browsers drop tabs and newlines, which would turn
    /// "/\t/evil" into "//evil").
    /// </summary>
    internal static bool IsLocalPath(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl[0] == '/'
        && !(returnUrl.Length > 1 && returnUrl[1] is '/' or '\\')
        && !returnUrl.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\');

    private static async Task<IResult> SaveAsync(HttpContext context, IAntiforgery antiforgery, string field, string cookie, string[] allowed)
    {
        if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
        {
            return Results.BadRequest();
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var value = Allowed(form[field].ToString(), allowed);
        if (value is null)
        {
            return Results.BadRequest();
        }

        context.Response.Cookies.Append(cookie, value, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(365),
            Path = "/",
        });
        // Only local paths: never an open redirect.
        var returnUrl = form["returnUrl"].ToString();
        return Results.Redirect(IsLocalPath(returnUrl) ? returnUrl : "/");
    }

    private static string? Allowed(string? value, string[] allowed) =>
        value is not null && Array.IndexOf(allowed, value) >= 0 ? value : null;
}
