#!/usr/bin/env bash
# The Dask recipe end to end on loopback: a scheduler and two workers, 24 partitions, one worker killed
# while it works; every input line must get exactly one output line, equal byte for byte to a plain
# `quote-extract --jsonl` run over the same partition, and a rerun must skip everything.
#
#   scripts/test-dask.sh [TOOL]     TOOL: the native quote-extract (default: $QUOTEEXTRACT_NATIVE_TOOL,
#                                   else artifacts/native/quote-extract)
#
# Installs Debian's python3-distributed where missing (root; .ci/run runs this). Bounded: after the
# install every step shares a 100 s budget (about 10 s are used here), and the processes it starts are
# stopped on any exit.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tool="${1:-${QUOTEEXTRACT_NATIVE_TOOL:-$root/artifacts/native/quote-extract}}"
python=/usr/bin/python3   # Debian's, which python3-distributed installs for
fail() { echo "test-dask: $*" >&2; exit 1; }
[ -x "$tool" ] || fail "no executable quote-extract at $tool (dotnet publish src/QuoteExtract.Cli -c Release -r linux-x64 -o artifacts/native)"
tool="$(realpath "$tool")"

if ! "$python" -c 'import distributed' 2> /dev/null; then
  [ "$(id -u)" = 0 ] || fail "python3-distributed is missing (apt-get install python3-distributed), and only root can install it here"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q --no-install-recommends python3-distributed > /dev/null ||
    { apt-get update -q > /dev/null && apt-get install -y -q --no-install-recommends python3-distributed > /dev/null; } ||
    fail "apt could not install python3-distributed"
fi

work="$(mktemp -d)"
pids=()
cleanup() {
  # TERM first: `timeout` passes it on to the run it watches; KILL for whatever is left.
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2> /dev/null || true; done
  sleep 0.5
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2> /dev/null || true; done
  wait 2> /dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
start=$SECONDS
deadline=$((start + 100))
# The seconds left of the budget, for `timeout`; at least 1, so a step over the budget fails with its own message.
left() { local s=$((deadline - SECONDS)); echo $((s > 1 ? s : 1)); }

# 24 partitions: the samples and generated articles (deterministic, written here), 40 documents each.
"$python" - "$root/samples" "$work/in" <<'EOF'
import json, pathlib, random, sys
samples = sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))
out = pathlib.Path(sys.argv[2]); out.mkdir()
rng = random.Random(16)
people = [("Margaret", "Okafor", "she"), ("Daniel", "Reyes", "he"), ("Priya", "Nandi", "she"), ("Tom", "Whitcombe", "he"),
          ("Aiko", "Tanaka", "she"), ("Luis", "Ferreira", "he")]
roles = ["council leader", "harbour master", "union organiser", "head teacher", "spokeswoman for the trust", "ferry captain"]
claims = ["the repairs were on schedule", "rents had doubled in five years", "the budget would not stretch to a second ferry",
          "the library would open on Saturdays", "nobody had asked the families first", "the strike could last a month"]
quotes = ["We are not there yet", "This is a promise kept", "Nobody wanted it to come to this", "It will take time",
          "We have done our part", "The numbers speak for themselves"]
def article(i):
    first, last, pronoun = people[i % len(people)]
    role = roles[(i // 2) % len(roles)]
    paragraphs = [f"{role.capitalize()} {first} {last} said on Tuesday that {rng.choice(claims)}."]
    for _ in range(rng.randint(3, 8)):
        style = rng.randrange(3)
        if style == 0:
            paragraphs.append(f"“{rng.choice(quotes)},” {last} said. “{rng.choice(quotes)}.”")
        elif style == 1:
            paragraphs.append(f"‘{rng.choice(quotes)},’ {pronoun} told reporters, adding that {rng.choice(claims)}.")
        else:
            paragraphs.append(f"According to {last}, {rng.choice(claims)}, though officials said {rng.choice(claims)}.")
    return "\n\n".join(paragraphs)
n = 0
for p in range(24):
    with open(out / f"part-{p:02d}.jsonl", "w", encoding="utf-8") as f:
        for d in range(40):
            text = samples[n % len(samples)].read_text(encoding="utf-8") if n % 8 == 0 else article(n)
            f.write(json.dumps({"id": f"p{p}-d{d}", "text": text}, ensure_ascii=False) + "\n")
            n += 1
EOF

free_port() { "$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
port=$(free_port)
scheduler="tcp://127.0.0.1:$port"
cd "$work"   # dask-worker writes its spill folder in the working directory
dask-scheduler --host 127.0.0.1 --port "$port" --dashboard-address :0 > "$work/scheduler.log" 2>&1 &
pids+=($!)
for w in 1 2; do
  # --no-nanny: the worker is this process, so killing it loses it (a nanny would restart it in place).
  dask-worker "$scheduler" --no-nanny --nthreads 1 --host 127.0.0.1 --dashboard-address :0 --name "worker-$w" > "$work/worker-$w.log" 2>&1 &
  pids+=($!)
  eval "worker_$w=$!"
done
timeout "$(left)" "$python" - "$scheduler" <<'EOF' || fail "the scheduler and its two workers did not come up in time: $(tail -n 3 "$work/scheduler.log")"
import sys
from distributed import Client
client = Client(sys.argv[1], timeout=30)
client.wait_for_workers(2, timeout=30)
client.close()
EOF

# The run, with one worker killed while a partition is in its hands.
timeout "$(left)" "$python" "$root/scripts/dask_extract.py" --scheduler "$scheduler" --tool "$tool" --threads 1 "$work/in" "$work/out" > "$work/run.log" 2>&1 &
run=$!
pids+=($run)
killed=""
while [ -z "$killed" ] && [ "$SECONDS" -lt "$deadline" ] && kill -0 "$run" 2> /dev/null; do
  for temp in "$work"/out/.part-*.tmp; do
    [ -e "$temp" ] || continue
    pid="${temp%.tmp}"; pid="${pid##*.}"   # .part-NN.jsonl.HOST.PID.tmp
    [ "$pid" = "$worker_1" ] || [ "$pid" = "$worker_2" ] || continue
    kill -STOP "$pid"
    # Stopped, the worker cannot rename: its temporary file still there means the partition is unfinished.
    if [ -e "$temp" ]; then
      disown "$pid"   # no "Killed" job notice from bash: this death is the test
      kill -KILL "$pid"
      killed="$pid while it had $(basename "$temp")"
      break
    fi
    kill -CONT "$pid"
  done
  sleep 0.05
done
[ -n "$killed" ] || fail "no worker was caught with an unfinished partition: $(tail -n 5 "$work/run.log")"
echo "test-dask: killed worker $killed"
status=0
wait "$run" || status=$?
cat "$work/run.log"
[ "$status" != 124 ] || fail "the run did not finish within the budget"
[ "$status" = 0 ] || fail "dask_extract.py exited with $status"

# Every partition: one output line per input line, the same bytes as a plain run; no temporary file left.
for input in "$work"/in/*.jsonl; do
  name=$(basename "$input")
  [ -f "$work/out/$name" ] || fail "$name has no output"
  timeout "$(left)" "$tool" --jsonl "$input" -j 1 > "$work/expected.jsonl" || fail "the plain run over $name failed"
  [ "$(grep -c . "$input")" = "$(wc -l < "$work/out/$name")" ] || fail "$name: $(wc -l < "$work/out/$name") output lines for $(grep -c . "$input") inputs"
  cmp -s "$work/expected.jsonl" "$work/out/$name" || fail "$name differs from a plain quote-extract --jsonl run"
done
leftover=$(find "$work/out" -name '.*.tmp' | wc -l)
[ "$leftover" = 0 ] || fail "$leftover temporary files left in the output folder"

# A rerun skips every partition and changes nothing.
sums=$(cd "$work/out" && sha256sum ./*.jsonl)
timeout "$(left)" "$python" "$root/scripts/dask_extract.py" --scheduler "$scheduler" --tool "$tool" "$work/in" "$work/out" > "$work/rerun.log" 2>&1 ||
  fail "the rerun failed: $(tail -n 3 "$work/rerun.log")"
grep -q "24 already done, 0 to run" "$work/rerun.log" || fail "the rerun did not skip every partition: $(head -n 1 "$work/rerun.log")"
[ "$sums" = "$(cd "$work/out" && sha256sum ./*.jsonl)" ] || fail "the rerun changed an output"
echo "test-dask: 24 partitions, $(cat "$work"/in/*.jsonl | wc -l) documents, every line once and equal to a plain run, a worker killed mid-partition, rerun skipped all; $((SECONDS - start)) s"
