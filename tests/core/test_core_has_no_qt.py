"""Layer rules: the import-linter contracts in pyproject.toml (run by `make test`) hold, and would catch a break.

Beside them, a run-time check: importing every core module loads no Qt.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import hipdesk

PACKAGE = Path(hipdesk.__file__).parent
PYPROJECT = PACKAGE.parent / "pyproject.toml"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def core_modules() -> list[str]:
    """Every module outside hipdesk/ui and the entry point, as a dotted name."""
    names = []
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[1:2] == ["ui"] or parts[-1] == "__main__":
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(parts))
    return names


def _lint_imports(package_parent: Path) -> subprocess.CompletedProcess[str]:
    """Run lint-imports with the project's contracts on the `hipdesk` package found in `package_parent`."""
    env = {"PYTHONPATH": str(package_parent), "PATH": str(LINT_IMPORTS.parent), "HOME": str(package_parent)}
    return subprocess.run([str(LINT_IMPORTS), "--config", str(PYPROJECT), "--no-cache"], cwd=package_parent,
                          env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    """A copy of the hipdesk package to break on purpose."""
    shutil.copytree(PACKAGE, tmp_path / "hipdesk", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def test_the_contracts_hold_for_the_real_code(package_copy: Path) -> None:
    result = _lint_imports(package_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


def test_a_qt_import_in_the_core_breaks_a_contract(package_copy: Path) -> None:
    store = package_copy / "hipdesk" / "storage" / "store.py"
    store.write_text(store.read_text(encoding="utf-8") + "\nfrom PySide6.QtCore import QObject  # noqa\n", encoding="utf-8")
    result = _lint_imports(package_copy)
    assert result.returncode != 0
    assert "The core never imports Qt" in result.stdout and "BROKEN" in result.stdout
    assert "hipdesk.storage.store -> PySide6" in result.stdout


def test_an_upward_import_breaks_the_layers(package_copy: Path) -> None:
    content = package_copy / "hipdesk" / "content" / "vocab.py"
    content.write_text(content.read_text(encoding="utf-8") + "\nfrom hipdesk.actions import exports  # noqa\n",
                       encoding="utf-8")
    result = _lint_imports(package_copy)
    assert result.returncode != 0
    assert "hipdesk.content is not allowed to import hipdesk.actions" in result.stdout


def test_importing_every_core_module_loads_no_qt() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {core_modules()!r}: importlib.import_module(name)\n"
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
