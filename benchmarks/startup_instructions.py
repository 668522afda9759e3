"""Start-up in instructions, not milliseconds: `hipdesk --smoke` against the bare one-page QWizard of startup.py.

Wall times on a shared machine vary by a third from one minute to the next (the bare wizard took 155-250 ms
within one afternoon here), and HipDesk's ratio moves with them. Instructions counted by valgrind do not depend
on the load: this figure says whether a change made start-up cheaper. The target is startup.py's (1.3×); the
wall-time rows there stay the figures of record.

Under valgrind everything runs ~50× slower, so the wizard's build-ahead timer (50 ms after the first page)
fires inside the smoke run's one processEvents(), which a real start never waits for. Its instructions (the
subtree of QTimerInfoList::activateTimers) are left out.

    .venv/bin/python benchmarks/startup_instructions.py      (needs valgrind; prints a note and exits 0 without it)
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _dbcache import working_copy  # noqa: E402
from _table import row  # noqa: E402
from startup import BARE_WIZARD  # noqa: E402

TARGET = 1.3
TIMERS = "QTimerInfoList::activateTimers()"


def counted(command: list[str], env: dict[str, str], folder: Path) -> int:
    """Instructions of one run of `command` (after a warm-up run), minus those of timers that fired."""
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    out = folder / "callgrind.out"
    subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *command], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    report = subprocess.run(["callgrind_annotate", "--inclusive=yes", str(out)], check=True, capture_output=True,
                            text=True).stdout
    total = timers = 0
    for line in report.splitlines():
        found = re.match(r"\s*([\d,]+) \(.*?\)\s+(.*)", line)
        if not found:
            continue
        count, name = int(found.group(1).replace(",", "")), found.group(2)
        if "PROGRAM TOTALS" in name:
            total = count
        elif name.startswith(f"???:{TIMERS}") and not timers:
            timers = count
    return total - timers


def main() -> int:
    """Count the bare wizard and HipDesk on an empty database and on 100,000 sessions; print the table rows."""
    if not shutil.which("valgrind") or not shutil.which("callgrind_annotate"):
        print("valgrind is not installed (apt-get install valgrind): instruction counts skipped")
        return 0
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONHASHSEED="0")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # byte-code cached, as on an installed copy
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        bare = counted([sys.executable, "-c", BARE_WIZARD], env, folder)
        for case, db in (("empty database", folder / "empty.db"), ("100k sessions", working_copy(100_000, folder))):
            app = counted([sys.executable, "-m", "hipdesk", "--smoke"], dict(env, HIPDESK_DB=str(db)), folder)
            print(f"{case:16s} hipdesk --smoke {app / 1e6:.0f} M instructions, bare QWizard {bare / 1e6:.0f} M: "
                  f"ratio {app / bare:.2f} (target <= {TARGET})")
            row(f"start-up instructions (valgrind, load-independent), {case} / bare QWizard", f"≤ {TARGET}×",
                f"{app / 1e6:.0f} / {bare / 1e6:.0f} M", app / bare)
    return 0


if __name__ == "__main__":
    sys.exit(main())
