"""Start-up from a source checkout and from an installed wheel: `hipdesk --smoke` shows the first page."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HIPDESK_DB=str(tmp_path / "smoke" / "hipdesk.db"))
    env.pop("PYTHONPATH", None)
    return env


def test_smoke_from_checkout(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "hipdesk", "--smoke"], env=_env(tmp_path),
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    db = tmp_path / "smoke" / "hipdesk.db"
    assert db.exists()
    assert db.stat().st_mode & 0o777 == 0o600
    assert db.parent.stat().st_mode & 0o777 == 0o700


def test_version_and_db_option(tmp_path: Path) -> None:
    version = subprocess.run([sys.executable, "-m", "hipdesk", "--version"], capture_output=True, text=True, timeout=30)
    assert version.stdout.strip().startswith("hipdesk ")
    chosen = tmp_path / "chosen.db"
    result = subprocess.run([sys.executable, "-m", "hipdesk", "--db", str(chosen), "--smoke"], env=_env(tmp_path),
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert chosen.exists() and not (tmp_path / "smoke" / "hipdesk.db").exists()


def test_broken_content_stops_start_up_with_a_message(tmp_path: Path) -> None:
    code = (
        "import sys, hipdesk.content.resources as r, pathlib\n"
        f"r.resources_dir = lambda: pathlib.Path({str(tmp_path)!r})\n"
        "from hipdesk.__main__ import main\n"
        "sys.exit(main(['--smoke']))\n"
    )
    (tmp_path / "questionnaire.json").write_text('{"version": 1}', encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", code], env=_env(tmp_path), capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "questionnaire.json" in result.stderr and "broken" in result.stderr


@pytest.mark.slow
def test_installed_wheel_starts(tmp_path: Path) -> None:
    """Build the wheel, install it (not editable) into a fresh venv and run its `hipdesk --smoke`."""
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheels), str(ROOT)],
                   check=True, timeout=300)
    wheel = next(wheels.glob("hipdesk-*.whl"))
    import zipfile

    shipped = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("licenses/index.json", "licenses/LGPL-3.txt", "licenses/GPL-3.txt", "licenses/Python-LICENSE.txt",
                   "licenses/pypdfium2-pdfium.txt", "help/user-guide.md", "desktop/org.hipdesk.HipDesk.desktop",
                   "icons/hipdesk.svg", "icons/hipdesk-256.png"):
        assert f"hipdesk/resources/{needed}" in shipped, needed
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    # The dependencies (PySide6, reportlab, msgspec) come from this environment's site-packages through a
    # .pth line; HipDesk itself only from the wheel (the editable install's own .pth is not processed there).
    python = str(venv / "bin" / "python")
    purelib = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    venv_site = Path(subprocess.run([python, "-c", purelib], capture_output=True, text=True, check=True).stdout.strip())
    subprocess.run([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "--no-deps",
                    "--quiet", str(wheel)], check=True, timeout=300)
    (venv_site / "zz_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    where = subprocess.run(
        [python, "-c", "import hipdesk, hipdesk.content.resources as r; print(hipdesk.__file__); print(r.resources_dir())"],
        capture_output=True, text=True, check=True, cwd=tmp_path,
    ).stdout.split()
    assert all(str(venv) in line for line in where), where
    result = subprocess.run([str(venv / "bin" / "hipdesk"), "--smoke"], env=_env(tmp_path), cwd=tmp_path,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
