"""One line per measured figure, in a form `scripts/bench.py` gathers into the `make bench` table.

A benchmark calls `row(figure, target, measured, ratio)`; the line also reads well on its own.
"""

from __future__ import annotations

PREFIX = "BENCH\t"


def row(figure: str, target: str, measured: str, ratio: float | None = None) -> None:
    """Print one table row: what was measured, the target, the value, and measured/target (or vs. the baseline)."""
    shown = "" if ratio is None else f"{ratio:.2f}"
    print(f"{PREFIX}{figure}\t{target}\t{measured}\t{shown}", flush=True)
