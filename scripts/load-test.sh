#!/usr/bin/env bash
# Load test of `quote-extract serve` on loopback: requests/s and p50/p99 latency for POST /v1/analyze.
#
#   scripts/load-test.sh [-n REQUESTS] [-c CLIENTS] [-t SECONDS] [--tool PATH]   (PATH: the native executable or quote-extract.dll)
#
# Defaults: 2,000 requests per body from 32 concurrent clients, at most 120 s per run. The tool is
# artifacts/native/quote-extract when it exists (publish it with
#   dotnet publish src/QuoteExtract.Cli -c Release -r linux-x64 -o artifacts/native),
# else the .NET tool, built here. The service gets a free loopback port, the machine's cores as its
# concurrency and a queue of 4 x CLIENTS, so that no request is refused; the bodies are the samples. The
# load generator is `hey` (Debian package hey), installed with apt where missing. Not part of CI's tests.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
requests=2000 clients=32 seconds=120 tool=""
while [ $# -gt 0 ]; do
  case "$1" in
    -n) requests="$2"; shift 2 ;;
    -c) clients="$2"; shift 2 ;;
    -t) seconds="$2"; shift 2 ;;
    --tool) tool="$2"; shift 2 ;;
    *) echo "usage: $0 [-n REQUESTS] [-c CLIENTS] [-t SECONDS] [--tool PATH]" >&2; exit 2 ;;
  esac
done
fail() { echo "load-test: $*" >&2; exit 1; }
# hey sends a whole number of requests per client.
requests=$(( (requests / clients) * clients ))
[ "$requests" -gt 0 ] || fail "fewer requests than clients"

if ! command -v hey > /dev/null; then
  [ "$(id -u)" = 0 ] || fail "hey is not installed (Debian: apt-get install hey), and only root can install it here"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q --no-install-recommends hey > /dev/null ||
    { apt-get update -q > /dev/null && apt-get install -y -q --no-install-recommends hey > /dev/null; } || fail "apt could not install hey"
fi

if [ -z "$tool" ] && [ -x "$root/artifacts/native/quote-extract" ]; then
  tool="$root/artifacts/native/quote-extract"
fi
if [ -z "$tool" ]; then
  (cd "$root" && dotnet build src/QuoteExtract.Cli -c Release -f net10.0 -v q -nologo > /dev/null) || fail "the .NET tool's build failed"
  command=(dotnet "$root/src/QuoteExtract.Cli/bin/Release/net10.0/quote-extract.dll")
else
  [ -f "$tool" ] || fail "no tool at $tool"
  # A .dll is the .NET tool, run by dotnet; anything else is run as it is (the native executable).
  if [[ $tool == *.dll ]]; then command=(dotnet "$tool"); else command=("$tool"); fi
fi

work="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2> /dev/null && wait "$server" 2> /dev/null; rm -rf "$work"; }
trap cleanup EXIT

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
url="http://127.0.0.1:$port"
"${command[@]}" serve --urls "$url" --queue $((4 * clients)) 2> "$work/service.log" &
server=$!
for _ in $(seq 1 600); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/health" || true)" = 200 ] && break
  kill -0 "$server" 2> /dev/null || fail "the service exited: $(tail -n 3 "$work/service.log")"
  sleep 0.1
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$url/health")" = 200 ] || fail "the service did not become ready in 60 s"

echo "load test: ${command[*]} serve on $url; $requests requests per body, $clients clients, at most $seconds s each"
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), nproc $(nproc), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| body | characters | requests/s | p50 ms | p99 ms | answers |"
echo "|---|---:|---:|---:|---:|---|"
for sample in "$root"/samples/*.txt; do
  name=$(basename "$sample")
  python3 -c 'import json, sys; print(json.dumps({"id": sys.argv[2], "text": open(sys.argv[1], encoding="utf-8").read()}, ensure_ascii=False))' "$sample" "$name" > "$work/body.json"
  timeout "$seconds" hey -n "$requests" -c "$clients" -t 60 -m POST -T application/json -D "$work/body.json" "$url/v1/analyze" > "$work/hey.txt" ||
    fail "hey stopped (time limit $seconds s or an error): $(tail -n 5 "$work/hey.txt")"
  rps=$(awk '/Requests\/sec:/ { printf "%.0f", $2 }' "$work/hey.txt")
  p50=$(awk '/ 50% in / { printf "%.1f", $3 * 1000 }' "$work/hey.txt")
  p99=$(awk '/ 99% in / { printf "%.1f", $3 * 1000 }' "$work/hey.txt")
  codes=$(awk '/Status code distribution:/ { on = 1; next } on && /\[[0-9]+\]/ { gsub(/[][]/, "", $1); printf "%s%s x %s", sep, $1, $2; sep = ", " } on && /^$/ { on = 0 }' "$work/hey.txt")
  echo "| $name | $(python3 -c 'import sys; print(len(open(sys.argv[1], encoding="utf-8").read()))' "$sample") | $rps | $p50 | $p99 | $codes |"
  [ "$codes" = "200 x $requests" ] || fail "not every request was answered 200: $codes"
done
curl -s -o /dev/null -w '%{http_code}' "$url/health" | grep -qx 200 || fail "the service is not healthy after the load"
