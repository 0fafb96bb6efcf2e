#!/usr/bin/env bash
# Renders an article with `quote-extract --html` and takes a headless Chromium screenshot of the page.
#
#   scripts/screenshot.sh [ARTICLE.txt [OUT.png [WIDTHxHEIGHT]]]
#
# Defaults: samples/article.txt -> docs/sample-view.png at 1400x1000. The HTML page is written next to
# the PNG's temporary files and removed afterwards. Installs nothing: it needs Chromium on the PATH
# (Debian: apt-get install chromium) and the .NET SDK to build the tool.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
article="${1:-$root/samples/article.txt}"
out="${2:-$root/docs/sample-view.png}"
size="${3:-1400x1000}"

browser=""
for name in chromium chromium-browser google-chrome; do
  if command -v "$name" > /dev/null; then browser="$name"; break; fi
done
if [ -z "$browser" ]; then
  echo "screenshot.sh: Chromium is not installed; on Debian: apt-get install chromium" >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
page="$work/view.html"
dotnet run --project "$root/src/QuoteExtract.Cli" -f net10.0 -v q -- --html "$article" -o "$page"

mkdir -p "$(dirname "$out")"
# No network, no profile, no first-run work: the page is self-contained and the browser is thrown away.
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --hide-scrollbars --user-data-dir="$work/profile" \
  --screenshot="$(realpath -m "$out")" --window-size="${size/x/,}" "file://$page" 2> "$work/browser.log" ||
  { cat "$work/browser.log" >&2; exit 1; }
echo "screenshot.sh: $article -> $out"
