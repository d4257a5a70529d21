namespace RelationalNeuro.Packaging.Tests;

/// <summary>The consumer app's only page: what a team embedding the widgets writes.</summary>
internal static class ConsumerPage
{
    public const string Markup = """
        @page "/"
        <!DOCTYPE html>
        <html lang="en">
        <head>
            <meta charset="utf-8" />
            <title>Consumer</title>
            <link rel="stylesheet" href="_content/RelationalNeuro.Components/relationalneuro.css" />
            <link rel="stylesheet" href="Consumer.styles.css" />
        </head>
        <body>
            <h1>Consumer</h1>
            <HrvGauge Value="42" Label="RMSSD" Unit="ms" />
        </body>
        </html>
        """;
}
