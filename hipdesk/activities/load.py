"""Training load: the one weekly-change formula, used by the assessment's load rule, the report and the chart."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

#: Nielsen 2014 (JOSPT 44:739): for distance-related injuries a rise of more than 30 % over two weeks gave
#: HR 1.59 (95 % CI 0.96–2.66). It may raise risk; it is not shown to cause injury (clinical.md).
MARKED_RISE_PCT = 30.0


def weekly_change_pct(usual: Any, recent: Any) -> float | None:
    """Percent change from the usual weekly distance to the average week of the last two weeks.

    None unless both are numbers, the usual distance is above zero and the change is finite. Both are in the same unit
    (the person's km or miles), so the ratio needs no conversion.
    """
    numbers = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (usual, recent))
    if not numbers or usual <= 0:
        return None
    change = float((recent - usual) / usual * 100)
    return change if math.isfinite(change) else None  # a usual distance near 5e-324 overflows to infinity


def weekly_change(answers: Mapping[str, Any]) -> float | None:
    """The weekly change (%) from the answers `weekly_distance` and `recent_weekly_distance`."""
    return weekly_change_pct(answers.get("weekly_distance"), answers.get("recent_weekly_distance"))
