"""The core never imports Qt: every module outside hipdesk/ui (and app.py) is checked two ways."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import hipdesk

PACKAGE = Path(hipdesk.__file__).parent
QT_ROOTS = {"PySide6", "shiboken6", "PyQt5", "PyQt6"}


def core_modules() -> list[Path]:
    return [
        path for path in PACKAGE.rglob("*.py")
        if "ui" not in path.relative_to(PACKAGE).parts[:1] and path.name != "app.py"
    ]


def qt_imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        found += [name for name in names if name.split(".")[0] in QT_ROOTS]
    return found


def test_no_core_module_mentions_qt_imports() -> None:
    offenders = {str(p.relative_to(PACKAGE)): qt_imports(p) for p in core_modules() if qt_imports(p)}
    assert offenders == {}


def test_the_scan_would_catch_a_qt_import(tmp_path: Path) -> None:
    sample = tmp_path / "bad.py"
    sample.write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    assert qt_imports(sample) == ["PySide6.QtCore"]


def test_importing_every_core_module_loads_no_qt() -> None:
    names = []
    for path in core_modules():
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__main__":
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(parts))
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}: importlib.import_module(name)\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(qt); sys.exit(1 if qt else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_assess_command_imports_only_what_it_needs(tmp_path: Path) -> None:
    """`hipdesk assess` must answer fast: no Qt, and not the report (reportlab) either."""
    vignette = Path(__file__).resolve().parents[1] / "vignettes" / "saddle_numbness.json"
    code = (
        "import sys\n"
        "from hipdesk.cli.main import main\n"
        f"code = main(['--db', {str(tmp_path / 'assess')!r}, 'assess', '--answers', {str(vignette)!r}])\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'reportlab'))\n"
        "print(heavy, file=sys.stderr); sys.exit(code or (1 if heavy else 0))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert '"triage": "emergency"' in result.stdout
