#!/usr/bin/python3
"""Runs quote-extract over an archive of JSON Lines files on a Dask cluster, one file per task.

    /usr/bin/python3 scripts/dask_extract.py --scheduler tcp://HOST:PORT --tool PATH/quote-extract IN_DIR OUT_DIR

Every IN_DIR/*.jsonl is one partition. A worker runs `quote-extract --jsonl` on it, streaming into a
temporary file in OUT_DIR, checks that the output has one line per input document and that the tool
succeeded, and renames the file to OUT_DIR/<same name> (atomic on one file system). So a rerun skips
the partitions that have their output, and a worker lost mid-run costs only the partitions it was
working on, which the scheduler gives to another worker. The tool and both folders must be at the same
paths on every worker (a shared file system). Exit code 0 only when every partition has its output.

Needs Dask distributed: Debian's python3-distributed installs it for /usr/bin/python3 (a python3 earlier
on the PATH, such as a pyenv one, may not see it); the workers need the same.
"""
import argparse
import ctypes
import glob
import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

SUFFIX = ".jsonl"
# The tool's exit codes that are its verdict on the partition (1: documents it refused, 2: usage), the same on
# every worker, so reported rather than retried. Anything else (3: a file it could not read, a signal) may be
# this worker's trouble: the task raises and Dask tries it again.
VERDICT_EXIT_CODES = {1: "documents refused", 2: "usage error"}


def _die_with_parent():
    """For the tool's process: SIGKILL it when the worker that started it dies (Linux), so no orphan writes on.
    libc is loaded here, in the worker, not in the forked child (a child of a threaded process should not dlopen)."""
    try:
        prctl = ctypes.CDLL("libc.so.6", use_errno=True).prctl
    except OSError:
        return None
    return lambda: prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def temp_files(out_dir, name):
    """The temporary files of every attempt at partition `name`: .NAME.HOST.PID.tmp in the output folder."""
    return Path(out_dir).glob(f".{glob.escape(name)}.*.tmp")


def count_documents(path):
    """The non-blank lines of a JSON Lines file: the documents quote-extract --jsonl answers one line each."""
    with open(path, "rb") as f:
        return sum(1 for line in f if line.strip())


def run_partition(in_path, out_dir, tool, tool_args):
    """One task: the tool over one partition. Returns a summary; raises for what a retry may fix."""
    in_path, out_dir = Path(in_path), Path(out_dir)
    out = out_dir / in_path.name
    if out.exists():
        return {"name": in_path.name, "skipped": True, **summarize(out)}
    # What an earlier attempt at this partition left behind (its worker lost): never renamed, so never an output.
    for stale in temp_files(out_dir, in_path.name):
        stale.unlink(missing_ok=True)
    temp = out_dir / f".{in_path.name}.{socket.gethostname()}.{os.getpid()}.tmp"
    started = time.monotonic()
    with open(temp, "wb") as sink:
        proc = subprocess.run([tool, "--jsonl", str(in_path), *tool_args], stdout=sink, stderr=subprocess.PIPE,
                              preexec_fn=_die_with_parent(), check=False)
    if proc.returncode != 0:
        temp.unlink(missing_ok=True)
        reason = f"exit code {proc.returncode}: " + " | ".join(proc.stderr.decode("utf-8", "replace").strip().splitlines()[:5])
        if proc.returncode in VERDICT_EXIT_CODES:
            return {"name": in_path.name, "failed": f"{VERDICT_EXIT_CODES[proc.returncode]}, {reason}"}
        raise RuntimeError(f"{in_path.name}: the tool failed on {socket.gethostname()}, {reason}")
    documents = count_documents(in_path)
    summary = summarize(temp)
    if summary["documents"] != documents:
        temp.unlink(missing_ok=True)
        raise RuntimeError(f"{in_path.name}: {summary['documents']} output lines for {documents} documents")
    os.replace(temp, out)
    return {"name": in_path.name, "skipped": False, "seconds": time.monotonic() - started, **summary}


def summarize(path):
    """Documents and quotes of an output file."""
    documents = quotes = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                documents += 1
                quotes += len(json.loads(line).get("quotes", []))
    return {"documents": documents, "quotes": quotes}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scheduler", required=True, help="the Dask scheduler, tcp://HOST:PORT")
    parser.add_argument("--tool", required=True, help="the quote-extract executable (the native build), same path on every worker")
    parser.add_argument("--threads", type=int, help="documents the tool analyses at once in one task (its -j; default: the worker's cores)")
    parser.add_argument("--retries", type=int, default=2, help="times a task that raised is tried again (default 2)")
    parser.add_argument("--connect-timeout", type=float, default=20, help="seconds to wait for the scheduler, and then for a worker (default 20)")
    parser.add_argument("in_dir", type=Path)
    parser.add_argument("out_dir", type=Path)
    args = parser.parse_args(argv)

    try:
        from distributed import Client, as_completed
    except ImportError:
        sys.exit("dask_extract: Dask distributed is missing for this python (Debian: apt-get install python3-distributed; run /usr/bin/python3)")

    tool = Path(args.tool).resolve()
    if not tool.is_file() or not os.access(tool, os.X_OK):
        sys.exit(f"dask_extract: no executable quote-extract at {tool}")
    if not args.in_dir.is_dir():
        sys.exit(f"dask_extract: no input folder {args.in_dir}")
    partitions = sorted(p.resolve() for p in args.in_dir.glob("*" + SUFFIX))
    if not partitions:
        sys.exit(f"dask_extract: no *{SUFFIX} files in {args.in_dir}")
    out_dir = args.out_dir.resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    tool_args = ["-j", str(args.threads)] if args.threads else []

    try:
        client = Client(args.scheduler, timeout=args.connect_timeout)
    except (OSError, TimeoutError) as e:
        sys.exit(f"dask_extract: cannot reach the scheduler {args.scheduler} in {args.connect_timeout:g} s: {e}")
    try:
        # Without a worker the tasks would wait for ever.
        client.wait_for_workers(1, timeout=args.connect_timeout)
    except TimeoutError:
        client.close()
        sys.exit(f"dask_extract: no worker joined the scheduler {args.scheduler} in {args.connect_timeout:g} s (start dask-worker {args.scheduler})")

    started = time.monotonic()
    todo = [p for p in partitions if not (out_dir / p.name).exists()]
    print(f"{len(partitions)} partitions in {args.in_dir}: {len(partitions) - len(todo)} already done, {len(todo)} to run "
          f"on {len(client.scheduler_info()['workers'])} workers", flush=True)
    # A key of its own per partition and run: a rerun's tasks are new tasks; a task's retries keep its key.
    futures = [client.submit(run_partition, str(p), str(out_dir), str(tool), tool_args, key=f"quote-extract-{p.name}-{uuid.uuid4().hex}",
                             retries=args.retries, pure=False) for p in todo]
    results, failures = [], []
    for future in as_completed(futures):
        try:
            result = future.result()
        except Exception as e:  # a task that failed every attempt, or whose workers all died (KilledWorker)
            failures.append(f"{future.key}: {type(e).__name__}: {e}")
            continue
        if "failed" in result:
            failures.append(f"{result['name']}: {result['failed']}")
        else:
            results.append(result)
            print(f"  {result['name']}: {result['documents']} documents, {result['quotes']} quotes in {result.get('seconds', 0):.1f} s", flush=True)
    elapsed = time.monotonic() - started
    client.close()

    done = {p.name for p in partitions if (out_dir / p.name).exists()}
    missing = [p.name for p in partitions if p.name not in done]
    for name in done:
        for temp in temp_files(out_dir, name):
            temp.unlink(missing_ok=True)  # a lost attempt's file; the partition was done elsewhere
    documents = sum(r["documents"] for r in results)
    quotes = sum(r["quotes"] for r in results)
    print(f"documents {documents}, quotes {quotes}, {documents / elapsed if elapsed > 0 else 0:.1f} documents/s "
          f"({len(results)} partitions run in {elapsed:.1f} s)")
    for failure in failures:
        print(f"dask_extract: failed: {failure}", file=sys.stderr)
    if missing:
        print(f"dask_extract: {len(missing)} partitions have no output: {', '.join(missing[:10])}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
