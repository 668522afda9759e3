"""The stable vocabularies of design.md: ids that answers files, `assess` JSON and FHIR depend on."""

from __future__ import annotations

REGIONS: tuple[str, ...] = (
    "outer_hip", "outer_thigh", "outer_knee", "buttock", "deep_buttock", "groin",
    "front_thigh", "back_thigh", "lower_back", "sacroiliac", "below_knee", "front_knee",
)
CAUSES: tuple[str, ...] = (
    "gtps", "itbs", "fai_labral", "iliopsoas", "femoral_stress_fracture", "deep_gluteal",
    "lumbar_referred", "meralgia_paresthetica", "hip_oa", "muscle_strain", "traumatic_fracture",
)
EXAM_TESTS: tuple[str, ...] = (
    "trochanter_palpation", "single_leg_stance_30s", "fader", "fader_r", "add", "add_r",
    "resisted_external_derotation", "resisted_abduction", "trendelenburg", "faber", "fadir",
    "internal_rotation_range", "log_roll", "ober", "noble", "thomas", "resisted_hip_flexion",
    "seated_piriformis", "hop", "fulcrum", "leg_length",
)
