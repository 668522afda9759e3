"""Checking every content file in resources/ at once: at GUI start-up and by `hipdesk check-content`.

Each file is loaded through its own content module (which reads it through `hipdesk.content.loader`),
so a broken file fails here exactly as it would where it is used: a ContentError naming the file, the
entry and the problem. Start-up skips the check while the files are the ones last checked whole by
this version (a fingerprint kept in the store), because loading every schema costs more than the
start-up budget allows; any change to any file makes the next start check again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hipdesk import __version__
from hipdesk.content import resources
from hipdesk.content.loader import content_files, content_fingerprint
from hipdesk.content.questionnaire import Questionnaire, load_questionnaire
from hipdesk.storage.logs import logger
from hipdesk.storage.settings import CONTENT_CHECKED_SETTING
from hipdesk.storage.store import SessionStore, StoreError


def _exam_tests(_: Questionnaire) -> None:
    from hipdesk.content.exam_tests import load_exam_catalog

    load_exam_catalog()


def _body_regions(_: Questionnaire) -> None:
    from hipdesk.content.body_regions import load_catalogue

    load_catalogue()


def _kiosk(_: Questionnaire) -> None:
    from hipdesk.content.kiosk_text import kiosk_text

    kiosk_text()


def _done(_: Questionnaire) -> None:
    from hipdesk.content.done_text import done_text

    done_text()


def _library(_: Questionnaire) -> None:
    from hipdesk.content.library_text import load_library_content

    load_library_content()


def _report(_: Questionnaire) -> None:
    from hipdesk.report.wording import load_wording

    load_wording()


def _watch_files(_: Questionnaire) -> None:
    from hipdesk.activities.wording import load_watch_wording

    load_watch_wording()


def _licences(_: Questionnaire) -> None:
    from hipdesk.content.licences import load_components

    load_components()


def _rules(questionnaire: Questionnaire) -> None:
    from hipdesk.assessment.rulefiles import load_rules

    load_rules(questionnaire)  # names, red flags, causes and advice, compiled against the questionnaire


def _summary_wording(_: Questionnaire) -> None:
    from hipdesk.assessment.wording import summary_wording

    summary_wording()


#: Every content file (path inside resources/) and what checks it.
CHECKS: dict[str, Callable[[Questionnaire], None]] = {
    "questionnaire.json": lambda _: None,  # loaded and checked first, by `check_all_content`'s caller or itself
    "exam_tests.json": _exam_tests,
    "body/regions.json": _body_regions,
    "kiosk.json": _kiosk,
    "done.json": _done,
    "library.json": _library,
    "report.json": _report,
    "watch_files.json": _watch_files,
    "licenses/index.json": _licences,
    "rules/names.json": _rules,
    "rules/red_flags.json": _rules,
    "rules/causes.json": _rules,
    "rules/advice.json": _rules,
    "rules/wording.json": _summary_wording,
}


def check_all_content(questionnaire: Questionnaire | None = None) -> list[Path]:
    """Load and check every content file; raise ContentError at the first broken one. Returns the files checked."""
    questionnaire = questionnaire or load_questionnaire()
    done: set[Callable[[Questionnaire], None]] = set()
    for check in CHECKS.values():
        if check not in done:
            check(questionnaire)
            done.add(check)
    return [resources.resources_dir() / name for name in CHECKS]


def unchecked_files() -> list[Path]:
    """Content files that no check covers (a test keeps this empty)."""
    root = resources.resources_dir()
    return [path for path in content_files() if str(path.relative_to(root).as_posix()) not in CHECKS]


def check_content_at_start(store: SessionStore, questionnaire: Questionnaire) -> None:
    """Check every content file unless this version already checked these very files; ContentError if broken."""
    stamp = f"{__version__}:{content_fingerprint()}"
    if store.get_setting(CONTENT_CHECKED_SETTING) == stamp:
        return
    check_all_content(questionnaire)
    try:
        store.set_setting(CONTENT_CHECKED_SETTING, stamp)
    except StoreError as error:  # the files are fine; the next start checks again
        logger.warning("content check not remembered: %s", error)
