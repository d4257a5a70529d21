#!/usr/bin/env bash
# Adds every public symbol the build reports as undeclared (RS0016) to PublicAPI.Unshipped.txt of the two
# packable projects. Works for Razor-generated symbols too, which `dotnet format` cannot fix.
# Review the diff: a symbol that should not be public is a design decision, not a listing chore.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# Usage: eng/update-public-api.sh [project-dir ...]   (default: every packable project under src/)
projects=("$@")
[ ${#projects[@]} -gt 0 ] || projects=(src/RelationalNeuro.Core src/RelationalNeuro.Components src/RelationalNeuro.Storage.Sqlite)
for project in "${projects[@]}"; do
  file="$project/PublicAPI.Unshipped.txt"
  for _ in 1 2 3; do
    # Only this project's diagnostics: a referenced project's RS0016 lines name that project's .csproj.
    missing=$(dotnet build "$project" -c Release --no-incremental -p:TreatWarningsAsErrors=false 2>&1 \
      | grep -F "$(basename "$project").csproj]" \
      | grep -oP "RS0016: Symbol '\K.*?(?=' is not part of the declared public API)" | sort -u || true)
    [ -z "$missing" ] && break
    { cat "$file"; printf '%s\n' "$missing"; } | grep -v '^#nullable enable$' | sort -u | { echo '#nullable enable'; cat; } > "$file.tmp"
    mv "$file.tmp" "$file"
  done
  # Symbols that no longer exist (RS0017) are removed.
  stale=$(dotnet build "$project" -c Release --no-incremental -p:TreatWarningsAsErrors=false 2>&1 \
    | grep -F "$(basename "$project").csproj]" \
    | grep -oP "RS0017: Symbol '\K.*?(?=' is part of the declared API)" | sort -u || true)
  if [ -n "$stale" ]; then
    grep -vxFf <(printf '%s\n' "$stale") "$file" > "$file.tmp" || true
    mv "$file.tmp" "$file"
  fi
done
