"""`hipdesk report` and `hipdesk export-fhir`: files written whole, private, clear errors, exit 2."""

from __future__ import annotations

import io
import json
import stat
from pathlib import Path

import pypdf
import pytest

from hipdesk.cli import main as cli
from hipdesk.cli import report as report_command
from hipdesk.exchange.answers_file import dumps as answers_dumps
from hipdesk.storage.store import SessionStore
from tests import samples


def fake_assess(questionnaire, session):
    return samples.typical_assessment()


@pytest.fixture
def answers_file(tmp_path, questionnaire) -> Path:
    path = tmp_path / "answers.json"
    path.write_bytes(answers_dumps(questionnaire, samples.typical_session()))
    return path


def run_report(argv: list[str]) -> int:
    args = cli.build_parser().parse_args(argv)
    assert args.run is report_command.run
    return report_command.run(args, assess=fake_assess)


def test_report_from_an_answers_file_is_a_private_pdf(tmp_path, answers_file):
    out = tmp_path / "out.pdf"
    assert run_report(["report", "--answers", str(answers_file), "-o", str(out)]) == 0
    text = pypdf.PdfReader(io.BytesIO(out.read_bytes())).pages[0].extract_text()
    assert "Anna Müller" in text
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["answers.json", "out.pdf"]


def test_report_from_a_stored_session_uses_the_letter_setting(tmp_path, questionnaire):
    db = tmp_path / "h.db"
    store = SessionStore(db)
    session_id = store.save_whole_session(samples.typical_session())
    store.set_setting("report.page_size", "Letter")
    store.close()
    out = tmp_path / "s.pdf"
    assert run_report(["--db", str(db), "report", "--session", str(session_id), "-o", str(out)]) == 0
    assert round(float(pypdf.PdfReader(out).pages[0].mediabox.width)) == 612
    assert run_report(["--db", str(db), "report", "--session", str(session_id), "--page-size", "A4", "-o", str(out)]) == 0
    assert round(float(pypdf.PdfReader(out).pages[0].mediabox.width)) == 595


def test_unknown_session_is_a_clear_error(tmp_path, capsys):
    assert run_report(["--db", str(tmp_path / "h.db"), "report", "--session", "99", "-o", str(tmp_path / "x.pdf")]) == 2
    assert "no HipDesk data file at" in capsys.readouterr().err, "a reading command does not create a database"
    assert not (tmp_path / "h.db").exists()
    SessionStore(tmp_path / "h.db").close()
    assert run_report(["--db", str(tmp_path / "h.db"), "report", "--session", "99", "-o", str(tmp_path / "x.pdf")]) == 2
    assert "no session with id 99" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_unwritable_target_keeps_the_old_file_and_leaves_no_temporary(tmp_path, answers_file, capsys):
    missing_folder = tmp_path / "no such folder" / "out.pdf"
    assert run_report(["report", "--answers", str(answers_file), "-o", str(missing_folder)]) == 2
    assert "Cannot write to" in capsys.readouterr().err
    # A target that is a folder: the rename fails; nothing else in the folder changes.
    folder = tmp_path / "taken.pdf"
    folder.mkdir()
    (folder / "keep.txt").write_text("old")
    before = sorted(p.name for p in tmp_path.iterdir())
    assert run_report(["report", "--answers", str(answers_file), "-o", str(folder)]) == 2
    assert "Cannot write" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert (folder / "keep.txt").read_text() == "old"


def test_failed_rename_leaves_the_previous_report_whole(tmp_path, answers_file, monkeypatch):
    out = tmp_path / "out.pdf"
    out.write_bytes(b"previous report")

    def refuse(*_args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("hipdesk.exchange.safe_write.os.replace", refuse)
    assert run_report(["report", "--answers", str(answers_file), "-o", str(out)]) == 2
    assert out.read_bytes() == b"previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["answers.json", "out.pdf"]


def test_bad_answers_file_is_a_clear_error(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    assert cli.main(["report", "--answers", str(bad), "-o", str(tmp_path / "o.pdf")]) == 2
    assert "bad.json" in capsys.readouterr().err


def test_export_fhir_writes_a_private_bundle(tmp_path, answers_file):
    out = tmp_path / "out.json"
    assert cli.main(["export-fhir", "--answers", str(answers_file), "-o", str(out)]) == 0
    bundle = json.loads(out.read_text(encoding="utf-8"))
    assert bundle["resourceType"] == "Bundle" and bundle["type"] == "collection"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_export_fhir_unwritable_target(tmp_path, answers_file, capsys):
    assert cli.main(["export-fhir", "--answers", str(answers_file), "-o", str(tmp_path / "nope" / "o.json")]) == 2
    assert "Cannot write to" in capsys.readouterr().err


def test_report_needs_a_source(capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["report", "-o", "x.pdf"])
    assert exit_info.value.code == 2


@pytest.mark.slow
def test_headless_commands_never_import_qt(tmp_path, answers_file):
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from hipdesk.cli import main as cli\n"
        f"assert cli.main(['export-fhir', '--answers', {str(answers_file)!r}, '-o', {str(tmp_path / 'o.json')!r}]) == 0\n"
        f"cli.main(['report', '--answers', {str(answers_file)!r}, '-o', {str(tmp_path / 'o.pdf')!r}])\n"
        "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))], 'Qt was imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_report_uses_the_assessment_engine_module_when_present(tmp_path, answers_file, monkeypatch):
    import sys
    import types

    engine = types.ModuleType("hipdesk.assessment.engine")
    engine.assess = fake_assess  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "hipdesk.assessment.engine", engine)
    out = tmp_path / "e.pdf"
    assert cli.main(["report", "--answers", str(answers_file), "-o", str(out)]) == 0
    assert "Gluteal tendon pain" in " ".join(p.extract_text() for p in pypdf.PdfReader(out).pages)
