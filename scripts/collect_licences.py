"""Copies the licence texts of everything HipDesk ships with into resources/licenses/ (run after a dependency update).

    .venv/bin/python scripts/collect_licences.py

resources/ goes into the wheel and the PyInstaller bundle, so the texts travel with every copy and the
About window shows them (hipdesk/ui/about.py reads resources/licenses/index.json).
"""

from __future__ import annotations

import json
import shutil
import sys
import sysconfig
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "licenses"
LICENSES_DIR = Path("/usr/share/common-licenses")  # the LGPL and GPL texts (Debian's copies)

#: (distribution, what it is, licence, licence files inside the distribution's metadata or extra paths)
COMPONENTS = [
    ("PySide6-Essentials", "Qt for Python and the Qt libraries (the window)", "LGPL-3.0-only", []),
    ("shiboken6", "Qt for Python's binding runtime", "LGPL-3.0-only", []),
    ("reportlab", "PDF report", "BSD-3-Clause", ["licenses/LICENSE"]),
    ("msgspec", "Fast reading of the answers files", "BSD-3-Clause", ["licenses/LICENSE"]),
    ("pillow", "Images in the PDF (used by reportlab)", "MIT-CMU (HPND)", ["licenses/LICENSE"]),
    ("fitdecode", "Reading watch files (FIT)", "MIT", ["licenses/LICENSE.txt"]),
    ("charset-normalizer", "Text encodings (used by reportlab)", "MIT", ["licenses/LICENSE"]),
    ("pypdfium2", "Printing: PDFium draws the report's pages", "Apache-2.0 OR BSD-3-Clause; PDFium: BSD-3-Clause",
     ["licenses/LICENSES/Apache-2.0.txt", "licenses/LICENSES/BSD-3-Clause.txt",
      "licenses/BUILD_LICENSES/pdfium.txt", "licenses/BUILD_LICENSES/freetype.txt",
      "licenses/BUILD_LICENSES/libjpeg_turbo.md", "licenses/BUILD_LICENSES/libopenjpeg.txt",
      "licenses/BUILD_LICENSES/libpng.txt", "licenses/BUILD_LICENSES/lcms.txt", "licenses/BUILD_LICENSES/zlib.txt",
      "licenses/BUILD_LICENSES/icu.txt", "licenses/BUILD_LICENSES/agg23.txt"]),
]


def _dist_file(dist: metadata.Distribution, relative: str) -> Path:
    located = dist.locate_file(f"{dist._path.name}/{relative}")  # type: ignore[attr-defined]
    return Path(str(located))


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    index = []
    for name, purpose, licence, files in COMPONENTS:
        dist = metadata.distribution(name)
        copied = []
        for relative in files:
            source = _dist_file(dist, relative)
            target = f"{name}-{Path(relative).name}"
            shutil.copyfile(source, OUT / target)
            copied.append(target)
        if licence.startswith("LGPL"):
            for text in ("LGPL-3", "GPL-3"):  # the LGPL v3 is a set of permissions added to the GPL v3
                shutil.copyfile(LICENSES_DIR / text, OUT / f"{text}.txt")
                copied.append(f"{text}.txt")
        index.append({"name": name, "version": dist.version, "purpose": purpose, "licence": licence, "files": copied})
    python_licence = Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"
    shutil.copyfile(python_licence, OUT / "Python-LICENSE.txt")
    index.append({"name": "Python", "version": sys.version.split()[0], "purpose": "The language HipDesk is written in",
                  "licence": "PSF-2.0", "files": ["Python-LICENSE.txt"]})
    index.append({"name": "DejaVu fonts", "version": "2.37", "purpose": "Text in the PDF", "licence": "Bitstream Vera / DejaVu",
                  "files": ["../fonts/LICENSE-DejaVu.txt"]})
    index.append({"name": "Droid Sans Fallback", "version": "", "purpose": "Chinese text in the PDF", "licence": "Apache-2.0",
                  "files": ["../fonts/LICENSE-DroidSansFallback-Apache-2.0.txt"]})
    (OUT / "index.json").write_text(json.dumps(index, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(index)} components, texts in {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
