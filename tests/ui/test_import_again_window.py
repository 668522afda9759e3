"""The start page asks before it stores answers that are stored already (through the `ask()` seam)."""

from __future__ import annotations

import pytest

from hipdesk.exchange.answers_file import dumps
from tests import samples
from tests.ui.conftest import find


@pytest.mark.parametrize("yes", [False, True])
def test_importing_the_same_file_again_asks_first(window, tmp_path, yes: bool) -> None:
    answers = tmp_path / "answers.json"
    answers.write_bytes(dumps(window.ctx.questionnaire, samples.typical_session()))
    questions: list[str] = []
    window.ctx.open_file = lambda *_: str(answers)
    find(window, "importAnswersButton").click()
    first = window.wizard.editor.session_id
    window.wizard.close_session()
    window.ctx.ask = lambda _parent, _title, text: questions.append(text) or yes
    find(window, "importAnswersButton").click()
    assert len(questions) == 1 and f"already stored, as session {first}" in questions[0]
    stored = [info.id for info in window.ctx.store.list_sessions()]
    if yes:
        assert len(stored) == 2 and window.wizard.editor.session_id not in (None, first)
    else:
        assert stored == [first] and window.wizard.editor is None
