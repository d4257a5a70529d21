using Microsoft.AspNetCore.Mvc;

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

    /// <summary>The theme to write on &lt;html&gt;, or null to follow the operating system.</summary>
    public static string? Theme(HttpContext? context) =>
        Allowed(context?.Request.Cookies[ThemeCookie], Themes) is { } t and not "system" ? t : null;

    /// <summary>"reduce" when the reader asked for reduced motion here, else null (the OS preference applies).</summary>
    public static string? Motion(HttpContext? context) =>
        Allowed(context?.Request.Cookies[MotionCookie], Motions) is "reduce" ? "reduce" : null;

    public static IEndpointRouteBuilder MapPreferenceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/preferences/theme", ([FromForm] string theme, [FromForm] string? returnUrl, HttpContext context) =>
            Save(context, ThemeCookie, Allowed(theme, Themes), returnUrl));
        endpoints.MapPost("/preferences/motion", ([FromForm] string motion, [FromForm] string? returnUrl, HttpContext context) =>
            Save(context, MotionCookie, Allowed(motion, Motions), returnUrl));
        return endpoints;
    }

    private static IResult Save(HttpContext context, string cookie, string? value, string? returnUrl)
    {
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
        var target = returnUrl is { Length: > 0 } && returnUrl[0] == '/' && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
        return Results.LocalRedirect(target);
    }

    private static string? Allowed(string? value, string[] allowed) =>
        value is not null && Array.IndexOf(allowed, value) >= 0 ? value : null;
}
