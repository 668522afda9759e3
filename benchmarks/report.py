"""Benchmark: PDF of a complete (maximal) session. Target: median ≤ 300 ms.

Run: .venv/bin/python benchmarks/report.py [--runs N] [--page-size A4|Letter]
The first render (fonts parsed, CJK font loaded) is shown apart; the median is over the warm renders.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from hipdesk.content.questionnaire import load_questionnaire
from hipdesk.report import ReportRenderer
from hipdesk.report.body_figure import figure_drawing

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's tests/ (the sample sessions)
from _table import row  # noqa: E402

from tests import samples  # noqa: E402

TARGET_MS = 300.0


def main() -> int:
    """Render the maximal sample session N times and print the timings in ms."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--page-size", default="A4", choices=["A4", "Letter"])
    args = parser.parse_args()
    started = time.perf_counter()
    questionnaire = load_questionnaire()
    session, assessment = samples.maximal_session(questionnaire), samples.maximal_assessment()
    renderer = ReportRenderer(questionnaire, page_size=args.page_size, figure=figure_drawing)
    data = renderer.render(session, assessment)
    first_ms = (time.perf_counter() - started) * 1000
    times = []
    for _ in range(max(10, args.runs)):
        start = time.perf_counter()
        renderer.render(session, assessment)
        times.append((time.perf_counter() - start) * 1000)
    median = statistics.median(times)
    print(f"report PDF (maximal session, {len(data)} bytes, {args.page_size}): first {first_ms:.0f} ms incl. "
          f"loading; median {median:.0f} ms, min {min(times):.0f}, max {max(times):.0f} over {len(times)} runs; "
          f"target ≤ {TARGET_MS:.0f} ms: {'OK' if median <= TARGET_MS else 'OVER'}")
    row("report PDF, maximal session (warm median)", f"≤ {TARGET_MS:.0f} ms", f"{median:.0f} ms", median / TARGET_MS)
    return 0 if median <= TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
