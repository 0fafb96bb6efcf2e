#!/usr/bin/env bash
# Whole-process speed of QuoteExtract against wink-nlp over one JSON Lines file, pinned to one core.
#
#   scripts/speed-compare.sh [-n ROUNDS] [-c CORE] [FILE.jsonl]
#
# Defaults: 3 rounds, core 1, ../shared/data/quotes/polnear/train.jsonl (beside the repository).
# Four kinds of run, each a whole process started afresh (start-up, model loading and JIT included):
#   native    the Native AOT tool:   DIR/quote-extract --jsonl FILE
#   dotnet    the .NET tool:         dotnet src/QuoteExtract.Cli/bin/Release/net10.0/quote-extract.dll --jsonl FILE
#   consumer  a library user's app (benchmarks/ConsumerFirstPass) on the packed QuoteExtract package:
#             ExtractorPipeline.Default.Analyze once on each article, default JIT settings
#   wink      the peer, wink-nlp (../shared/eval/peers): node wink_jsonl.js FILE
# Everything is built first, outside the timing; then each round runs the four (in a rotating order),
# each under `taskset -c CORE`, timed with bash's `time` (wall clock, and CPU time). Any non-zero exit
# stops the script. The tools' standard output goes to a file in the work folder (not /dev/null) so
# that what each run produced can be counted: the three QuoteExtract runs must agree.
#
# Work files (native build, package feed, packages, the app, npm's node_modules, outputs, the report) go
# to ${QX_SPEED_WORK:-${TMPDIR:-/tmp}/qx-speed}; in the repository only the ignored bin/ and obj/ change.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rounds=3
core=1
while getopts "n:c:h" option; do
  case "$option" in
    n) rounds="$OPTARG" ;;
    c) core="$OPTARG" ;;
    *) sed -n '2,4p' "$0" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
file="${1:-$root/../shared/data/quotes/polnear/train.jsonl}"
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "speed-compare.sh: -n wants a positive number of rounds" >&2; exit 2; }
[ -f "$file" ] || { echo "speed-compare.sh: no such file: $file" >&2; exit 2; }
file="$(cd "$(dirname "$file")" && pwd)/$(basename "$file")"
work="${QX_SPEED_WORK:-${TMPDIR:-/tmp}/qx-speed}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

say() { echo "== $*" >&2; }
fail() { echo "speed-compare.sh: $*" >&2; exit 1; }

mkdir -p "$work"
rm -rf "$work/native" "$work/feed" "$work/pack-artifacts" "$work/packages" "$work/consumer" "$work/out"
mkdir -p "$work/out"

# --- Build (not timed) ---------------------------------------------------------------------------------

say "native tool: dotnet publish src/QuoteExtract.Cli -c Release -r linux-x64 -o $work/native"
native_note=""
if ! (cd "$root" && dotnet publish src/QuoteExtract.Cli -c Release -r linux-x64 -o "$work/native" -nodeReuse:false -v q > "$work/out/publish.log" 2>&1); then
  # Until the Native AOT publish lands, the plain command stops at NETSDK1129 (two target frameworks).
  native_note="built with the FALLBACK 'dotnet publish ... -f net10.0 -p:PublishAot=true' (the plain command failed)"
  echo "WARNING: the plain publish failed (see $work/out/publish.log); trying -f net10.0 -p:PublishAot=true" >&2
  grep -m 3 'error' "$work/out/publish.log" >&2 || true
  (cd "$root" && dotnet publish src/QuoteExtract.Cli -c Release -r linux-x64 -o "$work/native" -f net10.0 -p:PublishAot=true -nodeReuse:false -v q >&2) \
    || fail "the fallback publish failed too"
fi
native="$work/native/quote-extract"
[ -x "$native" ] || fail "the publish made no $native"
[ ! -e "$work/native/quote-extract.dll" ] || fail "$work/native holds quote-extract.dll: the publish was not Native AOT"

say "the .NET tool: dotnet build src/QuoteExtract.Cli -c Release -f net10.0"
(cd "$root" && dotnet build src/QuoteExtract.Cli -c Release -f net10.0 -nodeReuse:false -v q >&2) || fail "the .NET tool's build failed"
tool_dll="$root/src/QuoteExtract.Cli/bin/Release/net10.0/quote-extract.dll"
[ -f "$tool_dll" ] || fail "no $tool_dll"

# The package gets a version of its own and the app restores into its own packages folder, so no
# QuoteExtract package from some cache can stand in for this one (the same as ConsumerAppTests).
version="0.1.0-speed.$(date -u +%Y%m%d%H%M%S)"
for project in QuoteExtract.Models QuoteExtract; do
  say "the library's packages: dotnet pack src/$project -c Release ($version, into $work/feed)"
  (cd "$root" && dotnet pack "src/$project" -c Release -o "$work/feed" --artifacts-path "$work/pack-artifacts" \
    "-p:Version=$version" -nodeReuse:false -v q >&2) || fail "the pack of $project failed"
done

say "the consumer app (benchmarks/ConsumerFirstPass) on that package"
cp -r "$root/benchmarks/ConsumerFirstPass" "$work/consumer"
rm -rf "$work/consumer/bin" "$work/consumer/obj"
# The feed first and only for QuoteExtract and its models; nuget.org for its dependencies, which the user's package
# cache (read only, as a fallback folder) usually holds already.
user_cache="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
fallback=""
[ -d "$user_cache" ] && fallback="<fallbackPackageFolders><add key=\"user-cache\" value=\"$user_cache\" /></fallbackPackageFolders>"
cat > "$work/consumer/nuget.config" <<EOF
<configuration>
  <packageSources>
    <clear />
    <add key="speed-feed" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="speed-feed"><package pattern="QuoteExtract" /><package pattern="QuoteExtract.Models" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
  $fallback
</configuration>
EOF
(cd "$work/consumer" && NUGET_PACKAGES="$work/packages" dotnet build -c Release "-p:QuoteExtractVersion=$version" -nodeReuse:false -v q >&2) \
  || fail "the consumer app's build failed"
consumer_dll="$work/consumer/bin/Release/net10.0/ConsumerFirstPass.dll"
cmp -s "$work/consumer/bin/Release/net10.0/QuoteExtract.dll" "$work/packages/quoteextract/$version/lib/net10.0/QuoteExtract.dll" \
  || fail "the consumer app does not carry the packed QuoteExtract.dll"

say "wink-nlp: npm install in $work/peers"
mkdir -p "$work/peers"
cp "$root/../shared/eval/peers/package.json" "$root/../shared/eval/peers/wink_jsonl.js" "$work/peers/"
chmod u+w "$work/peers/package.json" "$work/peers/wink_jsonl.js"
(cd "$work/peers" && npm install --no-audit --no-fund --loglevel=error >&2) || fail "npm install failed"
wink_version="$(node -p "require('$work/peers/node_modules/wink-nlp/package.json').version")"

# --- Time ----------------------------------------------------------------------------------------------

kinds=(native dotnet consumer wink)
declare -A label=(
  [native]="native tool (Native AOT)"
  [dotnet]=".NET tool (dotnet quote-extract.dll)"
  [consumer]="consumer app, first pass (package)"
  [wink]="wink-nlp $wink_version (node)"
)

# Runs one kind on $2, pinned; prints its wall-clock and CPU (user + system) seconds, from bash's `time`.
# Output in $work/out/KIND.stdout and .stderr. On a busy machine the wall clock also counts the time the
# process waited for its core; the CPU time does not.
run() {
  local kind="$1" input="$2" status TIMEFORMAT='%3R %3U %3S'
  local -a command
  case "$kind" in
    native) command=("$native" --jsonl "$input") ;;
    dotnet) command=(dotnet "$tool_dll" --jsonl "$input") ;;
    consumer) command=(dotnet "$consumer_dll" "$input") ;;
    wink) command=(node "$work/peers/wink_jsonl.js" "$input") ;;
  esac
  { time taskset -c "$core" "${command[@]}" > "$work/out/$kind.stdout" 2> "$work/out/$kind.stderr"; } 2> "$work/out/$kind.time" \
    && status=0 || status=$?
  if [ "$status" -ne 0 ]; then
    tail -n 5 "$work/out/$kind.stderr" >&2
    fail "${label[$kind]} exited with $status: ${command[*]}"
  fi
  awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' "$work/out/$kind.time"
}

# What a run produced, so that a failed run cannot pass for a fast one: the tools' JSON Lines counted
# in the consumer app's terms (it prints "articles N quotes N entities N"), wink-nlp's token count.
output_of() {
  case "$1" in
    native | dotnet) node -e '
      const lines = require("fs").readFileSync(process.argv[1], "utf8").split("\n").filter(Boolean);
      let quotes = 0, entities = 0;
      for (const line of lines) { const d = JSON.parse(line); quotes += d.quotes.length; entities += d.entities.length; }
      console.log(`articles ${lines.length} quotes ${quotes} entities ${entities}`);' "$work/out/$1.stdout" ;;
    consumer | wink) tail -n 1 "$work/out/$1.stderr" ;;
  esac
}

# A check on a few articles (also brings the programs and the file into the page cache).
head -n 5 "$file" > "$work/out/check.jsonl"
cat "$file" > /dev/null
for kind in "${kinds[@]}"; do
  run "$kind" "$work/out/check.jsonl" > /dev/null
done
articles=$(grep -c . "$file")

# Runtime settings from the environment would make the .NET runs other than a user's default.
for var in $(env | grep -o -i -E '^(DOTNET|COMPlus)_(Tiered|TC_|ReadyToRun|OSR|JIT|gc|PGO)[A-Za-z0-9_]*' || true); do
  echo "WARNING: $var is set in the environment: the .NET runs are not on default settings" >&2
done
load_before="$(cut -d ' ' -f 1-3 /proc/loadavg)"
declare -A seconds_of cpu_of outputs
for ((round = 0; round < rounds; round++)); do
  for ((i = 0; i < ${#kinds[@]}; i++)); do
    kind="${kinds[(round + i) % ${#kinds[@]}]}"
    measured="$(run "$kind" "$file")"
    read -r seconds cpu <<< "$measured"
    output="$(output_of "$kind")"
    if [ -n "${outputs[$kind]:-}" ] && [ "${outputs[$kind]}" != "$output" ]; then
      fail "${label[$kind]}: round $((round + 1)) gave '$output', an earlier round '${outputs[$kind]}'"
    fi
    outputs[$kind]="$output"
    seconds_of[$kind]="${seconds_of[$kind]:-} $seconds"
    cpu_of[$kind]="${cpu_of[$kind]:-} $cpu"
    say "round $((round + 1))/$rounds: ${label[$kind]}: $seconds s, CPU $cpu s ($output)"
  done
done
load_after="$(cut -d ' ' -f 1-3 /proc/loadavg)"
[ "${outputs[native]}" = "${outputs[dotnet]}" ] && [ "${outputs[native]}" = "${outputs[consumer]}" ] \
  || fail "the three QuoteExtract runs disagree: ${outputs[native]} / ${outputs[dotnet]} / ${outputs[consumer]}"

# --- Report --------------------------------------------------------------------------------------------

median() { tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
minimum() { tr ' ' '\n' | grep . | sort -n | head -n 1; }
maximum() { tr ' ' '\n' | grep . | sort -n | tail -n 1; }
wink_median="$(median <<< "${seconds_of[wink]}")"
wink_cpu="$(median <<< "${cpu_of[wink]}")"
commit="$(git -C "$root" rev-parse --short HEAD)"
[ -z "$(git -C "$root" status --porcelain)" ] || commit="$commit (with uncommitted changes)"

{
  echo "Whole processes over $file ($articles articles), pinned with taskset -c $core, $rounds rounds"
  echo "commit $commit; $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine: $(grep -m 1 'model name' /proc/cpuinfo | cut -d ':' -f 2- | sed 's/^ *//'), nproc $(nproc)," \
    "$(. /etc/os-release && echo "$PRETTY_NAME"), dotnet $(dotnet --version), node $(node --version)"
  echo "load average before $load_before, after $load_after"
  [ -z "$native_note" ] || echo "native tool: $native_note"
  echo
  echo "Wall-clock seconds, and the ratio of wink-nlp's median to this run's (2.00x: twice as fast as wink-nlp);"
  echo "CPU seconds (user + system), the same way."
  echo
  echo "| run | median s | min s | max s | wink-nlp / this | CPU median s | wink-nlp / this, CPU | output |"
  echo "|---|---:|---:|---:|---:|---:|---:|---|"
  for kind in "${kinds[@]}"; do
    m="$(median <<< "${seconds_of[$kind]}")"
    c="$(median <<< "${cpu_of[$kind]}")"
    printf '| %s | %.2f | %.2f | %.2f | %.2fx | %.2f | %.2fx | %s |\n' "${label[$kind]}" "$m" \
      "$(minimum <<< "${seconds_of[$kind]}")" "$(maximum <<< "${seconds_of[$kind]}")" \
      "$(awk -v w="$wink_median" -v m="$m" 'BEGIN { print w / m }')" "$c" \
      "$(awk -v w="$wink_cpu" -v c="$c" 'BEGIN { print w / c }')" "${outputs[$kind]}"
  done
  echo
  echo "wall-clock seconds, then CPU seconds, per round:"
  for kind in "${kinds[@]}"; do
    echo "  ${label[$kind]}:${seconds_of[$kind]};${cpu_of[$kind]}"
  done
} | tee "$work/report.txt"
echo "(report also in $work/report.txt)" >&2
