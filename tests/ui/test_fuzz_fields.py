"""Arbitrary text and numbers typed into every field: no exception, nothing invalid stored."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hipdesk.content.validation import InvalidAnswer, parse_answer
from hipdesk.ui.answer_widgets import LineWidget, LongTextWidget
from hipdesk.ui.question_form import QuestionForm
from tests.ui.conftest import fill_start

numbers = st.one_of(
    st.integers(-10**6, 10**6).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.decimals(allow_nan=False, allow_infinity=False, places=3).map(lambda d: str(d).replace(".", ",")),
)
dates = st.dates().map(lambda d: d.isoformat())
typed = st.one_of(st.text(max_size=1200), numbers, dates, st.sampled_from(["", " ", "1e309", "-0", "٣", "2024-02-30"]))


SLOW_IS_FINE = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large]


@settings(max_examples=8, deadline=None, suppress_health_check=SLOW_IS_FINE)
@given(data=st.data())
def test_typing_anything_anywhere(window, data) -> None:
    if window.wizard.editor is None:
        fill_start(window)
    editor = window.wizard.editor
    assert editor is not None
    forms = []
    for page_id in ("about", "training", "pain", "history"):
        window.wizard.go_to_page(page_id)
        forms.append(window.wizard.current_page().form)  # type: ignore[attr-defined]
    fields = [(form, row) for form in forms for row in form.rows.values()
              if isinstance(row.input, LineWidget | LongTextWidget)]
    assert len(fields) >= 10
    for _ in range(40):
        form, row = data.draw(st.sampled_from(fields))
        before = editor.session.answers.get(row.item.id)
        text = data.draw(typed)
        if isinstance(row.input, LineWidget):
            row.input.edit.setText("")
            row.input.edit.insert(text)  # a person typing: textEdited fires
            row.input.edit.editingFinished.emit()
            text = row.input.edit.text()  # what the field really holds (Qt drops line breaks in a line edit)
        else:
            row.input.edit.setPlainText(text)
            text = row.input.edit.toPlainText()  # Qt turns \r and other breaks into \n
        assert isinstance(form, QuestionForm)
        stored = window.ctx.store.load_session(editor.session_id).answers
        value = stored.get(row.item.id)
        try:
            expected = parse_answer(row.item, text, distance_unit=editor.distance_unit())
        except InvalidAnswer:
            assert value == before, f"{row.item.id}: refused input changed the stored answer"
            assert row.error.text(), f"{row.item.id}: refused input has no message"
            continue
        assert value == expected
        if value is not None:
            assert parse_answer(row.item, value, distance_unit=editor.distance_unit()) == value
