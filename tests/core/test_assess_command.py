"""`hipdesk assess --answers FILE`: JSON on stdout, no Qt imported, exit 2 with a clear message on bad files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

VIGNETTES = Path(__file__).resolve().parents[1] / "vignettes"

# Runs the real entry point, then reports any Qt module that got imported on the way.
RUNNER = """
import sys
from hipdesk.cli.main import main
code = main(sys.argv[1:])
qt = sorted(name for name in sys.modules if name.split(".")[0] in ("PySide6", "shiboken6"))
print("QT-MODULES:" + ",".join(qt), file=sys.stderr)
sys.exit(code)
"""


def run_assess(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", RUNNER, "assess", *args],
        capture_output=True, text=True, encoding="utf-8", timeout=60, check=False, env=env,
    )


@pytest.mark.slow
def test_assess_prints_the_assessment_as_json_without_qt() -> None:
    done = run_assess("--answers", str(VIGNETTES / "female_runner_stress_fracture.json"))
    assert done.returncode == 0, done.stderr
    assert [line for line in done.stderr.splitlines() if line.startswith("QT-MODULES:")] == ["QT-MODULES:"]
    result = json.loads(done.stdout)
    assert result["triage"] == "urgent"
    assert [flag["id"] for flag in result["red_flags"]] == ["femoral_stress_fracture"]
    first = result["causes"][0]
    assert first["id"] == "femoral_stress_fracture"
    assert {"id", "for", "against"} <= set(first)
    assert any(entry["ref"] == "pain_on_impact" for entry in first["for"])
    assert "may raise the risk" in result["training_note"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{ not json", "not valid JSON"),
        ('{"format": "hipdesk-answers", "format_version": 1, "answers": {"shoe_colour": "red"}}',
         "unknown item id 'shoe_colour'"),
        ('{"format": "hipdesk-answers", "format_version": 1, "answers": {}, "regions": '
         '[{"region": "elbow", "side": "left", "intensity": 3}]}', "unknown region id 'elbow'"),
        ('{"format": "hipdesk-answers", "format_version": 1, "answers": {"rf_fever": "perhaps"}}', "answers.rf_fever"),
    ],
)
def test_a_bad_answers_file_exits_2_with_a_clear_message(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "answers.json"
    path.write_text(content, encoding="utf-8")
    done = run_assess("--answers", str(path))
    assert done.returncode == 2
    assert done.stdout == ""
    assert message in done.stderr and str(path) in done.stderr


@pytest.mark.slow
def test_a_missing_file_exits_2(tmp_path: Path) -> None:
    done = run_assess("--answers", str(tmp_path / "nowhere.json"))
    assert done.returncode == 2
    assert "cannot be read" in done.stderr


@pytest.mark.slow
def test_output_is_utf8_even_on_an_ascii_console() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "LC_ALL": "C"}
    done = run_assess("--answers", str(VIGNETTES / "saddle_numbness.json"), env=env)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["triage"] == "emergency"
    assert any(" — " in e["text"] for e in result["red_flags"][0]["because"])
