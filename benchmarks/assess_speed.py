"""How fast the assessment engine answers: red flags after one answer, a whole assessment, and the CLI.

Run: .venv/bin/python benchmarks/assess_speed.py [ANSWERS_FILE]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from hipdesk.assessment import raised_red_flags
from hipdesk.content.questionnaire import load_questionnaire
from hipdesk.exchange.answers_file import read_answers_file

ROOT = Path(__file__).resolve().parents[1]


def _median_ms(call: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()  # type: ignore[operator]
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    """Print median times in milliseconds."""
    answers = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "vignettes" / "female_runner_stress_fracture.json"
    questionnaire = load_questionnaire()
    session = read_answers_file(questionnaire, answers)
    raised_red_flags(questionnaire, session)  # loads the rules once, as the app does
    print(f"raised_red_flags: {_median_ms(lambda: raised_red_flags(questionnaire, session), 2000):.3f} ms median")
    try:
        from hipdesk.assessment.engine import assess
    except ImportError:
        return
    assess(questionnaire, session)
    print(f"assess:           {_median_ms(lambda: assess(questionnaire, session), 500):.3f} ms median")
    exe = Path(sys.executable).with_name("hipdesk")
    if exe.exists():
        runs = []
        for _ in range(10):
            start = time.perf_counter()
            subprocess.run([str(exe), "assess", "--answers", str(answers)], check=True, capture_output=True)
            runs.append((time.perf_counter() - start) * 1000)
        print(f"hipdesk assess (whole process): {statistics.median(runs):.0f} ms median of 10")


if __name__ == "__main__":
    main()
