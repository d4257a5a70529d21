using RelationalNeuro.Hrv;
using RelationalNeuro.Synchrony;

namespace RelationalNeuro.Gallery.Analyse;

/// <summary>The HRV reports "Analyse a recording" offers for download (<c>/analyse/export/{id}.json</c> and <c>.csv</c>).</summary>
internal sealed class ReportExports : ExportShelf<HrvReport>
{
    /// <summary>Maps the two download endpoints.</summary>
    public static void Map(IEndpointRouteBuilder app) =>
        Map<ReportExports>(app, "/analyse/export", ".hrv", r => r.ToJson(), r => HrvReport.ToCsv([r]));
}

/// <summary>The dyad reports "Analyse a dyad" offers for download (<c>/analyse/dyad/export/{id}.json</c> and <c>.csv</c>).</summary>
internal sealed class DyadExports : ExportShelf<DyadReport>
{
    /// <summary>Maps the two download endpoints.</summary>
    public static void Map(IEndpointRouteBuilder app) =>
        Map<DyadExports>(app, "/analyse/dyad/export", ".dyad", r => r.ToJson(), r => DyadReport.ToCsv([r]));
}
