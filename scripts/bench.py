"""`make bench`: run every benchmark in benchmarks/, show its output, then print one table of all figures.

    .venv/bin/python scripts/bench.py [NAME ...]     (names without .py; default: all)

Each benchmark prints table rows through benchmarks/_table.py; they are gathered here. The machine may be
shared: every figure is a median of several runs (see each script), measured side by side with its baseline.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PREFIX = "BENCH\t"


def main() -> int:
    """Run the benchmarks one after another; exit non-zero when one fails to run."""
    wanted = set(sys.argv[1:])
    scripts = [p for p in sorted((ROOT / "benchmarks").glob("*.py"))
               if not p.name.startswith("_") and (not wanted or p.stem in wanted)]
    rows: list[list[str]] = []
    failed = []
    for script in scripts:
        print(f"== {script.relative_to(ROOT)}", flush=True)
        run = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True)
        for line in run.stdout.splitlines():
            if line.startswith(PREFIX):
                rows.append(line[len(PREFIX):].split("\t"))
            else:
                print(line)
        if run.returncode != 0:
            failed.append(script.name)
            print(run.stderr[-2000:], file=sys.stderr)
    header = ["figure", "target", "measured", "ratio"]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(4)]
    print()
    for line in [header, ["-" * w for w in widths], *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip())
    if failed:
        print(f"\nexited non-zero (a target not met, or an error above): {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
