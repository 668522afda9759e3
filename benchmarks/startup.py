"""Start-up benchmark: whole-process time of `hipdesk --smoke` against a bare one-page PySide6 QWizard.

The two are alternated in one run; medians of RUNS each are printed in seconds and as a ratio.
Target (design.md): ratio <= 1.5.

    .venv/bin/python benchmarks/startup.py [RUNS]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _table import row  # noqa: E402

BARE_WIZARD = """
import sys
from PySide6.QtWidgets import QApplication, QWizard, QWizardPage
app = QApplication(sys.argv[:1])
wizard = QWizard()
page = QWizardPage()
page.setTitle("Start")
wizard.addPage(page)
wizard.show()
app.processEvents()
sys.exit(0)
"""


def timed(command: list[str], env: dict[str, str]) -> float:
    """Seconds for one whole process, start to exit."""
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # Byte-code caching as on a normal installation (pip compiles an installed wheel's modules). Some
    # machines set PYTHONDONTWRITEBYTECODE, which would make HipDesk recompile its source on every start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    hipdesk = [sys.executable, "-m", "hipdesk", "--smoke"]
    bare = [sys.executable, "-c", BARE_WIZARD]
    with tempfile.TemporaryDirectory() as folder:
        env["HIPDESK_DB"] = str(Path(folder) / "bench.db")
        timed(hipdesk, env)  # first run creates the database and warms the file cache; not counted
        timed(bare, env)
        app_times, bare_times = [], []
        for _ in range(runs):
            app_times.append(timed(hipdesk, env))
            bare_times.append(timed(bare, env))
    app_median, bare_median = statistics.median(app_times), statistics.median(bare_times)
    print(f"runs each:            {runs}")
    print(f"hipdesk --smoke:      {app_median:.3f} s (median)")
    print(f"bare QWizard:         {bare_median:.3f} s (median)")
    print(f"ratio:                {app_median / bare_median:.2f} (target <= 1.3)")
    row("start-up: hipdesk --smoke / bare QWizard", "≤ 1.3×", f"{app_median * 1000:.0f} / {bare_median * 1000:.0f} ms",
        app_median / bare_median)
    return 0


if __name__ == "__main__":
    sys.exit(main())
