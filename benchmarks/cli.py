"""Whole-process time of the headless commands, each against its baseline, alternated in one run.

    .venv/bin/python benchmarks/cli.py [RUNS]      (default 9; medians)

- `hipdesk report` against a minimal reportlab script (one TTF font registered, one Paragraph through
  SimpleDocTemplate, written to a file). Target: ≤ 2×.
- `hipdesk export-fhir`, `hipdesk --version`, `hipdesk --help` against `hipdesk assess`. Target: ≤ 1.3×.
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

ROOT = Path(__file__).resolve().parents[1]
ANSWERS = ROOT / "tests" / "vignettes" / "female_runner_stress_fracture.json"
FONT = ROOT / "resources" / "fonts" / "DejaVuSans.ttf"
MINIMAL_REPORTLAB = """
import sys
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate
pdfmetrics.registerFont(TTFont("Body", sys.argv[1]))
SimpleDocTemplate(sys.argv[2]).build([Paragraph("Outer hip pain after running.", ParagraphStyle("body", fontName="Body"))])
"""


def main() -> int:
    """Time every command RUNS times, round-robin, and print medians and ratios."""
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    exe = Path(sys.executable).with_name("hipdesk")
    hipdesk = [str(exe)] if exe.exists() else [sys.executable, "-m", "hipdesk"]
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # byte-code cached, as on an installed copy
    with tempfile.TemporaryDirectory() as folder:
        env["HIPDESK_DB"] = str(Path(folder) / "cli.db")
        commands = {
            "minimal reportlab": [sys.executable, "-c", MINIMAL_REPORTLAB, str(FONT), f"{folder}/minimal.pdf"],
            "hipdesk report": [*hipdesk, "report", "--answers", str(ANSWERS), "-o", f"{folder}/report.pdf"],
            "hipdesk assess": [*hipdesk, "assess", "--answers", str(ANSWERS)],
            "hipdesk export-fhir": [*hipdesk, "export-fhir", "--answers", str(ANSWERS), "-o", f"{folder}/fhir.json"],
            "hipdesk --version": [*hipdesk, "--version"],
            "hipdesk --help": [*hipdesk, "--help"],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for number in range(runs + 1):
            for name, command in commands.items():
                start = time.perf_counter()
                subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
                if number:  # the first round warms the file cache and byte-code; not counted
                    times[name].append(time.perf_counter() - start)
    median = {name: statistics.median(values) * 1000 for name, values in times.items()}
    for name, value in median.items():
        print(f"{name:22s} {value:7.0f} ms (median of {runs})")
    base = median["minimal reportlab"]
    row("hipdesk report / minimal reportlab", "≤ 2×", f"{median['hipdesk report']:.0f} / {base:.0f} ms",
        median["hipdesk report"] / base)
    for name in ("hipdesk export-fhir", "hipdesk --version", "hipdesk --help"):
        row(f"{name} / hipdesk assess", "≤ 1.3×", f"{median[name]:.0f} / {median['hipdesk assess']:.0f} ms",
            median[name] / median["hipdesk assess"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
