"""One watch file to its runs, or a clear reason why not; and a batch of files and folders with progress."""

from __future__ import annotations

import datetime as dt
import gzip
import re
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from hipdesk.activities.fit import is_fit, read_fit
from hipdesk.activities.gpx import read_gpx
from hipdesk.activities.model import ActivityFileError, FileFormat, Run
from hipdesk.activities.tcx import read_tcx

#: The largest file read. A day-long run at one point a second is about 15 MB of GPX; anything past this
#: is refused by its size before a byte is parsed.
MAX_FILE_BYTES = 100 * 1024 * 1024
#: Files a folder is searched for (also compressed, as a Strava export holds them).
SUFFIXES: dict[str, FileFormat] = {".fit": "fit", ".gpx": "gpx", ".tcx": "tcx"}
#: A watch's clock may run a little ahead of the computer's.
FUTURE_TOLERANCE = dt.timedelta(minutes=10)
MAX_RUN_KM = 400.0
MAX_RUN_KMH = 30.0  # faster than the marathon world record pace by half: not a run on foot

_READERS = {"fit": read_fit, "gpx": read_gpx, "tcx": read_tcx}
_NAMES = {"fit": "FIT", "gpx": "GPX", "tcx": "TCX"}
_XML_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s>/]")


@dataclass(frozen=True)
class FileOutcome:
    """What one file gave: its runs, or the problem that kept it out. `note` adds a caveat to good runs."""

    path: Path
    runs: tuple[Run, ...] = ()
    problem: ActivityFileError | None = None
    note: str = ""


def _declared_format(path: Path) -> tuple[FileFormat | None, bool]:
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    compressed = bool(suffixes) and suffixes[-1] == ".gz"
    if compressed:
        suffixes = suffixes[:-1]
    return (SUFFIXES.get(suffixes[-1]) if suffixes else None), compressed


def is_activity_name(path: Path) -> bool:
    """True for a name a folder search picks up (.fit, .gpx, .tcx, optionally .gz)."""
    return _declared_format(path)[0] is not None


def sniff_format(data: bytes) -> FileFormat | None:
    """The format the content itself shows (FIT header, or the XML root element), whatever the name says."""
    if is_fit(data[:14]):
        return "fit"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"<"):
        return None
    # Skip the XML declaration, comments and a document type: the first real element names the format.
    for match in _XML_ROOT.finditer(head):
        before = head[max(0, match.start() - 1) : match.start() + 2]
        if before.startswith((b"<?", b"<!")):
            continue
        root = match.group(1)
        return "gpx" if root == b"gpx" else "tcx" if root == b"TrainingCenterDatabase" else None
    return None


def _read_bytes(path: Path, compressed: bool) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ActivityFileError("unreadable", f"The file cannot be opened ({error.strerror or error}).") from None
    if size == 0:
        raise ActivityFileError("empty", "The file is empty (0 bytes): the watch or the copy may have failed.")
    if size > MAX_FILE_BYTES:
        raise ActivityFileError(
            "too_large",
            f"The file is too large to be one run ({size / 2**20:,.0f} MB; at most {MAX_FILE_BYTES // 2**20} MB): "
            "it was not opened.",
        )
    try:
        if not compressed:
            return path.read_bytes()
        with gzip.open(path, "rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except EOFError:
        raise ActivityFileError("truncated", "The compressed file is cut short: it was not copied completely.") from None
    except zlib.error:
        raise ActivityFileError("corrupt", "The compressed file is damaged; nothing was read from it.") from None
    except gzip.BadGzipFile:
        raise ActivityFileError("corrupt", "The file is named .gz but is not a compressed file.") from None
    except OSError as error:
        raise ActivityFileError("unreadable", f"The file cannot be read ({error.strerror or error}).") from None
    if len(data) > MAX_FILE_BYTES:
        raise ActivityFileError("too_large", "The file unpacks to more than one run could hold: it was not read.")
    if not data:
        raise ActivityFileError("empty", "The compressed file holds nothing.")
    return data


def _check_format(path: Path, declared: FileFormat | None, found: FileFormat | None) -> FileFormat:
    if found is not None and declared == found:
        return found
    if found is not None:
        named = f"named {path.suffix or 'without an extension'}"
        raise ActivityFileError(
            "wrong_name",
            f"The file is {named} but holds a {_NAMES[found]} file: rename it to end in .{found} and import it again.",
        )
    if declared is None:
        raise ActivityFileError("not_activity", "This is not a watch activity file: HipDesk reads .fit, .gpx and .tcx files.")
    raise ActivityFileError(
        "corrupt", f"The file is named .{declared} but is not a readable {_NAMES[declared]} file; nothing was read from it."
    )


def _check_run(run: Run, now: dt.datetime) -> None:
    if run.start > now + FUTURE_TOLERANCE:
        raise ActivityFileError(
            "future",
            f"The run is dated {run.start:%Y-%m-%d %H:%M}, in the future: the watch's clock may be wrong. Not counted.",
        )
    if run.distance_km <= 0:
        raise ActivityFileError("implausible", "The run records no distance (an indoor activity without a foot pod?).")
    hours = run.duration_s / 3600
    if run.distance_km > MAX_RUN_KM or (hours > 0 and run.distance_km / hours > MAX_RUN_KMH):
        pace = f" at {run.distance_km / hours:.0f} km/h" if hours > 0 else ""
        raise ActivityFileError("implausible", f"{run.distance_km:.1f} km{pace} is not a run on foot; it is not counted.")


def read_activity_file(path: Path, now: dt.datetime | None = None) -> FileOutcome:
    """Read one file. Never raises for what is in the file: a problem comes back in `FileOutcome.problem`."""
    now = now or dt.datetime.now(dt.UTC)
    declared, compressed = _declared_format(path)
    try:
        data = _read_bytes(path, compressed)
        fmt = _check_format(path, declared, sniff_format(data))
        runs, others = _READERS[fmt](data)
        if not runs:
            sports = ", ".join(dict.fromkeys(others))
            raise ActivityFileError("not_running", f"This is not a run ({sports}); it is not counted.")
        for run in runs:
            _check_run(run, now)
    except ActivityFileError as problem:
        return FileOutcome(path, problem=problem)
    except MemoryError:
        return FileOutcome(path, problem=ActivityFileError("too_large", "The file is too large to read on this computer."))
    notes = [note for note in dict.fromkeys(run.sport_note for run in runs) if note]
    if others:
        notes.append(f"other sports in it are not counted ({', '.join(dict.fromkeys(others))})")
    return FileOutcome(path, runs=tuple(runs), note="; ".join(notes))


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """The files to read: each file as given, and each folder's activity files (sub-folders too), sorted."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and is_activity_name(p)))
        else:
            files.append(path)
    return list(dict.fromkeys(files))


Progress = Callable[[int, int], None]  # (files done, files in all)


def read_activity_files(
    files: list[Path],
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
    now: dt.datetime | None = None,
) -> tuple[list[FileOutcome], bool]:
    """Read the files in order. Returns the outcomes so far and whether it was stopped before the end."""
    outcomes: list[FileOutcome] = []
    for done, path in enumerate(files):
        if should_stop is not None and should_stop():
            return outcomes, True
        outcomes.append(read_activity_file(path, now))
        if progress is not None:
            progress(done + 1, len(files))
    return outcomes, False
