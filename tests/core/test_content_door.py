"""Every content file in resources/ goes through one door and fails the same way when broken.

Each file is broken once (a copy of resources/ with one file changed); the command line exits 2 and
the GUI start-up stops, both with one message naming the file, the entry and the problem, never a
traceback. The real `hipdesk` runs in a child process through tests/launch.py.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from hipdesk.actions.content_check import check_all_content, unchecked_files
from hipdesk.content.resources import resources_dir

ROOT = Path(__file__).resolve().parents[2]
LAUNCH = ROOT / "tests" / "launch.py"
ANSWERS = ROOT / "tests" / "vignettes" / "gtps_lateral_hip.json"


def _drop(key: str) -> Callable[[dict[str, Any]], None]:
    return lambda entry: entry.pop(key)


#: file → (how to break it, the entry the message must name, words of the problem it must give)
BREAKS: dict[str, tuple[Callable[[Any], None], str, str]] = {
    "questionnaire.json": (lambda d: d["pages"][1]["items"][0].pop("label"), "name", "missing required field `label`"),
    "exam_tests.json": (lambda d: d["tests"][3].pop("how_to"), "fader_r", "missing required field `how_to`"),
    "body/regions.json": (lambda d: d["regions"][0].pop("snomed"), "outer_hip", "missing required field `snomed`"),
    "kiosk.json": (lambda d: d.update(idle_text="Cleared in {secs} seconds"), "idle_text", "unknown placeholder"),
    "done.json": (lambda d: d.pop("where"), "where", "missing required field `where`"),
    "library.json": (lambda d: d["texts"].pop("title"), "texts.title", "missing"),
    "report.json": (lambda d: d["labels"].pop("weekly_change"), "labels.weekly_change", "missing"),
    "watch_files.json": (lambda d: d.pop("panel_title"), "panel_title", "missing required field `panel_title`"),
    "licenses/index.json": (lambda d: next(c for c in d if c["name"] == "reportlab").pop("licence"), "reportlab",
                            "missing required field `licence`"),
    "rules/names.json": (lambda d: d["values"].pop("bmi"), "values", "no name for bmi"),
    "rules/red_flags.json": (lambda d: d["flags"][0].update(level="later"), "fracture_after_fall", "level must be"),
    "rules/causes.json": (lambda d: d["causes"][0].pop("source"), "gtps", "'source' is missing"),
    "rules/advice.json": (lambda d: d["advice"][0].pop("text"), "stop_running_now", "'text' is missing"),
    "rules/wording.json": (lambda d: d["triage"].pop("urgent"), "urgent", "no wording for this triage level"),
}
#: The files `hipdesk report` reads for an answers file (the library's only for a stored session's trend).
REPORT_READS = ["questionnaire.json", "exam_tests.json", "body/regions.json", "report.json", "watch_files.json",
                "rules/names.json",
                "rules/red_flags.json", "rules/causes.json", "rules/advice.json"]


def test_every_content_file_is_checked_and_the_real_ones_are_fine() -> None:
    assert unchecked_files() == []
    checked = {path.relative_to(resources_dir()).as_posix() for path in check_all_content()}
    assert checked == set(BREAKS)  # each file in resources/ is broken once below


@pytest.fixture
def broken(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    """A copy of resources/ with the file named by the test's parameter broken."""
    folder = tmp_path / "resources"
    shutil.copytree(resources_dir(), folder, ignore=shutil.ignore_patterns("fonts"))
    (folder / "fonts").symlink_to(resources_dir() / "fonts")
    name: str = request.param
    target = folder / name
    data = json.loads(target.read_text(encoding="utf-8"))
    BREAKS[name][0](data)
    target.write_text(json.dumps(data), encoding="utf-8")
    return folder


def _hipdesk(resources: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HIPDESK_DB": str(resources.parent / "hipdesk.db")}
    return subprocess.run([sys.executable, str(LAUNCH), "--resources", str(resources), "--", *args],
                          env=env, capture_output=True, text=True, timeout=120)


def _assert_names_the_fault(result: subprocess.CompletedProcess[str], name: str) -> None:
    _break, entry, problem = BREAKS[name]
    assert "Traceback" not in result.stderr, result.stderr
    lines = [line for line in result.stderr.splitlines() if name in line]
    assert len(lines) == 1, result.stderr
    assert f"'{entry}'" in lines[0] and problem in lines[0], lines[0]


@pytest.mark.slow
@pytest.mark.parametrize("broken", list(BREAKS), indirect=True)
def test_a_broken_file_stops_check_content_with_exit_2(broken: Path, request: pytest.FixtureRequest) -> None:
    name = request.node.callspec.params["broken"]
    result = _hipdesk(broken, "check-content")
    assert result.returncode == 2
    _assert_names_the_fault(result, name)


@pytest.mark.slow
@pytest.mark.parametrize("broken", list(BREAKS), indirect=True)
def test_a_broken_file_stops_gui_start_up_with_the_message(broken: Path, request: pytest.FixtureRequest) -> None:
    name = request.node.callspec.params["broken"]
    result = _hipdesk(broken, "--smoke")
    assert result.returncode == 1
    assert "A content file is broken" in result.stderr
    _assert_names_the_fault(result, name)


@pytest.mark.slow
@pytest.mark.parametrize("broken", REPORT_READS, indirect=True)
def test_a_broken_file_ends_the_report_command_with_exit_2(broken: Path, request: pytest.FixtureRequest) -> None:
    name = request.node.callspec.params["broken"]
    out = broken.parent / "report.pdf"
    result = _hipdesk(broken, "report", "--answers", str(ANSWERS), "-o", str(out))
    assert result.returncode == 2
    _assert_names_the_fault(result, name)
    assert not out.exists()


@pytest.mark.slow
@pytest.mark.parametrize("broken", ["kiosk.json"], indirect=True)
def test_a_broken_kiosk_file_stops_kiosk_start_up_with_the_message(broken: Path) -> None:
    result = _hipdesk(broken, "--kiosk", "--smoke")
    assert result.returncode == 1
    _assert_names_the_fault(result, "kiosk.json")


def test_the_same_files_checked_twice_are_not_checked_at_the_next_start(tmp_path: Path) -> None:
    """The start-up check is skipped only while the files are unchanged; any change checks again."""
    from hipdesk.actions.content_check import check_content_at_start
    from hipdesk.content.questionnaire import load_questionnaire
    from hipdesk.storage.settings import CONTENT_CHECKED_SETTING
    from hipdesk.storage.store import SessionStore

    store = SessionStore(tmp_path / "hipdesk.db")
    check_content_at_start(store, load_questionnaire())
    stamp = store.get_setting(CONTENT_CHECKED_SETTING)
    assert stamp
    store.set_setting(CONTENT_CHECKED_SETTING, "other files")
    check_content_at_start(store, load_questionnaire())
    assert store.get_setting(CONTENT_CHECKED_SETTING) == stamp
    store.close()
