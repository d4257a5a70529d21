#!/usr/bin/env bash
# Refreshes the widget pictures in docs/images from the browser tests: the Playwright tests save each widget's
# screenshot as e2e-artifacts/widget-*.png (GalleryPage.ScreenshotWidgetAsync); this copies them into docs/images.
# Needs what ./build.sh test needs (Chromium). Usage: eng/update-doc-screenshots.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet build tests/RelationalNeuro.Gallery.Tests -c Release -nologo -v quiet
dotnet test tests/RelationalNeuro.Gallery.Tests -c Release --no-build --filter "FullyQualifiedName~PageTests"
mkdir -p docs/images
cp tests/RelationalNeuro.Gallery.Tests/bin/Release/net10.0/e2e-artifacts/widget-*.png docs/images/
ls -1 docs/images
