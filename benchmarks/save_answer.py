"""Autosave benchmark: time to validate and store one answer through the SessionEditor (design.md: <= 2 ms median).

    .venv/bin/python benchmarks/save_answer.py [N]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _table import row  # noqa: E402

from hipdesk.actions.editing import SessionEditor
from hipdesk.content.questionnaire import load_questionnaire
from hipdesk.storage.store import SessionStore


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    questionnaire = load_questionnaire()
    with tempfile.TemporaryDirectory() as folder:
        store = SessionStore(Path(folder) / "bench.db")
        editor = SessionEditor(store, questionnaire, store.create_session())
        answers = [("pain_now", str(n % 11)) for n in range(count)]
        answers += [("notes", f"note {n} <&> ü") for n in range(count)]
        answers += [("sym_swelling", ("yes", "no", "unsure")[n % 3]) for n in range(count)]
        times = []
        for item_id, raw in answers:
            start = time.perf_counter()
            editor.set_answer(item_id, raw)
            times.append(time.perf_counter() - start)
        store.close()
    times.sort()
    print(f"answers saved:  {len(times)}")
    print(f"median:         {statistics.median(times) * 1000:.3f} ms (target <= 2 ms)")
    median = statistics.median(times) * 1000
    row("save one answer (median)", "≤ 2 ms", f"{median:.3f} ms", median / 2)
    print(f"95th percentile: {times[int(len(times) * 0.95)] * 1000:.3f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
