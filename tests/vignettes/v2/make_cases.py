"""Clinical cases for assessment v2, written from /work/shared/clinical.md (before the rules change)."""
import json, sys
from pathlib import Path

OUT = Path(sys.argv[1])
OUT.mkdir(parents=True, exist_ok=True)

WARN_NO = {k: "no" for k in ["rf_saddle_numbness", "rf_bladder_bowel", "rf_sexual_dysfunction", "rf_both_legs_back_pain",
    "rf_fever", "rf_hot_swollen_joint", "rf_leg_deformed", "rf_progressive_weakness", "rf_constant_night_pain",
    "rf_cancer_history", "rf_weight_loss", "rf_night_sweats"]}
BONE_NO = {"bs_previous_stress_fracture": "no", "bs_low_bone_density": "no", "bs_low_energy": "no"}
MEDS_NO = {"med_blood_thinner": "no", "med_antidepressant": "no", "med_steroids": "no", "alcohol_3plus": "no",
           "med_bisphosphonate": "no", "med_ace_arb": "no", "med_diuretic": "no", "med_lithium": "no", "med_methotrexate": "no"}
def full(**kw):
    """A person who answered every warning-sign, bone and medicine question 'no' unless said otherwise."""
    a = {"filled_by": "patient", "setting": "home", "fall_or_blow": "no", "onset": "gradual", "pain_on_impact": "no",
         "pain_at_night": "no", "limping": "no", "sym_groin_pain": "no", "sym_difficulty_walking": "no", "sym_swelling": "no",
         "conditions": ["none"], "hip_surgery_before": "no", "hip_injury_before": "no"}
    a.update(WARN_NO); a.update(BONE_NO); a.update(MEDS_NO)
    if kw.get("sex") == "female":
        a.update({"pregnant": "no", "breastfeeding": "no", "bs_periods": "regular"})
    a.update(kw)
    return a

def R(region, side, intensity): return {"region": region, "side": side, "intensity": intensity}
def E(test, side, result, pain=None):
    e = {"test": test, "side": side, "result": result}
    if pain is not None: e["pain"] = pain
    return e

CASES = {}
def case(name, about, answers, regions=(), exam=(), **expected):
    CASES[name] = (about, answers, list(regions), list(exam), expected)

# --- bearing weight, falls, older adults --------------------------------------------------------
case("v2_older_fall_painful_walking", "72-year-old fell on the pavement; groin pain, walks with pain and a limp.",
     full(sex="female", age=72, painful_side="left", fall_or_blow="yes", onset="sudden", bear_weight="painful",
          limping="yes", sym_difficulty_walking="yes", pain_now=6, pain_worst=7),
     [R("groin", "left", 6), R("outer_hip", "left", 5)],
     triage="urgent", flags=["older_adult_fall"], no_flags=["fracture_after_fall"], top3=["traumatic_fracture"],
     advice=["stop_running_now"], no_advice=["rest", "strength", "return_gradually", "pain_relief", "gtps_load"],
     cautions=["nsaid_higher_risk"])
case("v2_older_fall_walks_normally", "75-year-old slipped on a wet track; outer hip sore but walks normally.",
     full(sex="male", age=75, painful_side="right", fall_or_blow="yes", onset="sudden", bear_weight="normal", pain_now=3, pain_worst=4),
     [R("outer_hip", "right", 3)],
     triage="urgent", flags=["older_adult_fall"], top3=["traumatic_fracture"], no_advice=["strength", "pain_relief"])
case("v2_fall_osteoporosis_55", "55-year-old with osteoporosis fell while running; groin pain, walks with pain.",
     full(sex="female", age=55, painful_side="right", fall_or_blow="yes", onset="sudden", bear_weight="painful",
          bs_low_bone_density="yes", bs_periods="not_applicable", pain_now=5, pain_worst=6),
     [R("groin", "right", 5)],
     triage="urgent", flags=["older_adult_fall"], top3=["traumatic_fracture"])
case("v2_young_fall_walks_fine", "30-year-old trail runner fell on the side of the hip; bruised, walks and runs normally.",
     full(sex="male", age=30, painful_side="left", fall_or_blow="yes", onset="sudden", bear_weight="normal", pain_now=2, pain_worst=4,
          pain_lying_on_side="yes"),
     [R("outer_hip", "left", 3)],
     triage="self_care", no_flags=["older_adult_fall", "fracture_after_fall", "cannot_bear_weight"], top3=["traumatic_fracture"])
case("v2_sudden_inability_no_fall", "Front-thigh ache for weeks, then during a run suddenly could not put weight on the leg; no fall.",
     full(sex="female", age=27, painful_side="right", onset="gradual", bear_weight="cannot", bear_weight_onset="sudden",
          pain_on_impact="yes", pain_now=8, pain_worst=9, bs_periods="irregular"),
     [R("front_thigh", "right", 8), R("groin", "right", 6)],
     triage="emergency", flags=["fracture_after_fall", "femoral_stress_fracture", "cannot_bear_weight"], top3=["femoral_stress_fracture"],
     advice=["no_weight_bearing"], no_advice=["rest", "strength", "pain_relief", "return_gradually"])
case("v2_unsure_bear_weight_after_fall", "Fell on ice, lying on the sofa, has not tried to stand: 'not sure'.",
     full(sex="male", age=48, painful_side="left", fall_or_blow="yes", onset="sudden", bear_weight="unsure", pain_now=7, pain_worst=8),
     [R("outer_hip", "left", 7)],
     triage="emergency", flags=["fracture_after_fall"], top3=["traumatic_fracture"], advice=["no_weight_bearing"])
case("v2_unsure_bear_weight_gradual", "Gradually worse groin ache; not sure whether the leg will take weight; no fall.",
     full(sex="male", age=35, painful_side="right", bear_weight="unsure", bear_weight_onset="gradual", pain_now=5, pain_worst=6),
     [R("groin", "right", 5)],
     triage="urgent", flags=["cannot_bear_weight", "femoral_stress_fracture"], no_flags=["fracture_after_fall"])
# --- septic arthritis ---------------------------------------------------------------------------
case("v2_septic_diabetes_no_fever", "70-year-old with diabetes: hot, swollen, very painful hip, no fever measured.",
     full(sex="male", age=70, painful_side="right", bear_weight="painful", conditions=["diabetes"], rf_hot_swollen_joint="yes",
          sym_swelling="yes", pain_now=8, pain_worst=9),
     [R("groin", "right", 8)],
     triage="emergency", flags=["septic_arthritis"], no_advice=["rest", "strength", "pain_relief", "return_gradually", "gtps_load"])
case("v2_septic_fever_swelling", "Fever and a swollen hip (not sure whether it is hot), pain 5.",
     full(sex="female", age=41, painful_side="left", bear_weight="painful", rf_fever="yes", sym_swelling="yes", pain_now=5, pain_worst=6),
     [R("outer_hip", "left", 5)],
     triage="emergency", flags=["septic_arthritis"])
case("v2_septic_hip_replacement", "Hip replacement 3 months ago; hip now hot, swollen and very painful; no fever.",
     full(sex="female", age=66, painful_side="right", bear_weight="painful", hip_surgery_before="yes", rf_hot_swollen_joint="yes",
          pain_now=8, pain_worst=8, bs_periods="not_applicable"),
     [R("outer_hip", "right", 8)],
     triage="emergency", flags=["septic_arthritis"])
case("v2_diabetes_gtps_no_hot_joint", "Diabetic runner with ordinary outer-hip pain, no heat or swelling, no fever.",
     full(sex="female", age=54, painful_side="left", bear_weight="normal", conditions=["diabetes"], pain_lying_on_side="yes",
          pain_rising_chair="yes", pain_now=3, pain_worst=5, bs_periods="not_applicable"),
     [R("outer_hip", "left", 5)], [E("trochanter_palpation", "left", "positive", 5)],
     triage="self_care", no_flags=["septic_arthritis"], top3=["gtps"])
# --- young runners ------------------------------------------------------------------------------
case("v2_scfe_13_knee_thigh_limp", "13-year-old boy, overweight, thigh and knee ache for weeks and a limp; date of birth given.",
     full(sex="male", birth_date="2013-03-14", painful_side="left", bear_weight="painful", limping="yes", height_cm=158, weight_kg=68,
          pain_now=4, pain_worst=6),
     [R("front_thigh", "left", 4), R("outer_knee", "left", 5)],
     triage="urgent", flags=["growth_plate"], cautions=["aspirin_under_16", "paracetamol_child_dose"], no_cautions=["paracetamol_dose"],
     advice=["no_weight_bearing"], no_advice=["rest", "strength", "pain_relief", "return_gradually"])
case("v2_scfe_11_groin_painful_walking", "11-year-old girl, groin pain, walking hurts.",
     full(sex="female", age=11, painful_side="right", bear_weight="painful", sym_groin_pain="yes", pain_now=4, pain_worst=5),
     [R("groin", "right", 5)],
     triage="urgent", flags=["growth_plate"], cautions=["aspirin_under_16"], no_cautions=["paracetamol_dose"])
case("v2_avulsion_15_sprint", "15-year-old sprinter: sudden sharp pain at the front of the hip bone at a sprint start; walks normally.",
     full(sex="male", age=15, painful_side="right", onset="sudden", onset_sprint_kick="yes", bear_weight="normal", pain_now=4, pain_worst=7),
     [R("groin", "right", 6)],
     triage="urgent", flags=["apophyseal_avulsion"], no_flags=["growth_plate", "femoral_stress_fracture"], cautions=["aspirin_under_16"])
case("v2_avulsion_16_kick_sitting_bone", "16-year-old: sudden pain at the sitting bone kicking a ball; limps since.",
     full(sex="female", age=16, painful_side="left", onset="sudden", onset_sprint_kick="yes", bear_weight="painful", limping="yes",
          pain_now=5, pain_worst=7),
     [R("buttock", "left", 6), R("back_thigh", "left", 4)],
     triage="urgent", flags=["apophyseal_avulsion", "growth_plate"], cautions=["paracetamol_child_dose"], no_cautions=["aspirin_under_16", "paracetamol_dose"])
case("v2_teen_17_gtps_no_limp", "17-year-old runner: outer-hip pain lying on that side, walks normally, no limp.",
     full(sex="female", age=17, painful_side="right", bear_weight="normal", pain_lying_on_side="yes", pain_stairs_hills="yes", pain_now=2, pain_worst=4),
     [R("outer_hip", "right", 4)], [E("trochanter_palpation", "right", "positive", 4)],
     triage="self_care", no_flags=["growth_plate", "apophyseal_avulsion"], top3=["gtps"], cautions=["paracetamol_child_dose"],
     no_cautions=["aspirin_under_16", "paracetamol_dose"])
case("v2_child_age_from_birth_date", "Birth date says 14 (an old age answer of 40 no longer applies): child cautions.",
     full(sex="male", birth_date="2012-06-01", age=40, painful_side="left", bear_weight="normal", pain_lying_on_side="yes", pain_now=2, pain_worst=3),
     [R("outer_hip", "left", 3)],
     triage="self_care", cautions=["aspirin_under_16", "paracetamol_child_dose"], no_cautions=["paracetamol_dose"])
# --- patterns: nerve and joint signs ------------------------------------------------------------
case("v2_nerve_signs_piriformis", "Buttock pain after sitting, spreading down the back of the thigh with numbness; seated piriformis positive.",
     full(filled_by="clinician", setting="clinic", sex="male", age=42, painful_side="right", bear_weight="normal", pain_after_sitting="yes",
          sym_buttock_ache="yes", sym_leg_numbness="yes", pain_quality=["ache", "numbness"], spreads_below_knee="no", sym_back_pain="no",
          pain_now=4, pain_worst=6),
     [R("deep_buttock", "right", 6), R("back_thigh", "right", 4)], [E("seated_piriformis", "right", "positive", 6)],
     triage="soon", reasons=["nerve_signs"], top3=["deep_gluteal"], no_advice=["stop_running_now", "strength"])
case("v2_nerve_below_knee_back", "Pain below the knee with a numb foot and a stiff lower back.",
     full(sex="female", age=47, painful_side="left", bear_weight="normal", sym_back_pain="yes", sym_leg_numbness="yes",
          pain_quality=["electric", "numbness"], spreads_below_knee="yes", pain_now=4, pain_worst=6, bs_periods="not_applicable"),
     [R("buttock", "left", 4), R("below_knee", "left", 5), R("lower_back", "left", 3)],
     triage="soon", reasons=["nerve_signs"], top3=["lumbar_referred"])
case("v2_joint_signs_fadir_ir", "Groin pain; clinician finds positive FADIR and reduced internal rotation; no locking.",
     full(filled_by="clinician", setting="clinic", sex="male", age=34, painful_side="right", bear_weight="normal", sym_groin_pain="yes",
          mechanical=["none"], pain_after_sitting="yes", pain_now=3, pain_worst=5),
     [R("groin", "right", 5)], [E("fadir", "right", "positive", 5), E("internal_rotation_range", "right", "positive")],
     triage="soon", reasons=["joint_signs"], no_reasons=["mechanical_symptoms"], top3=["fai_labral"])
case("v2_fadir_alone_self_care", "Groin ache; positive FADIR but full internal rotation and no mechanical symptoms.",
     full(filled_by="clinician", setting="clinic", sex="female", age=29, painful_side="left", bear_weight="normal", sym_groin_pain="yes",
          mechanical=["none"], pain_now=2, pain_worst=3),
     [R("groin", "left", 3)], [E("fadir", "left", "positive", 3), E("internal_rotation_range", "left", "negative")],
     triage="self_care", no_reasons=["joint_signs"], top3=["fai_labral"])
case("v2_catching_groin", "Groin pain that catches when turning.",
     full(sex="male", age=31, painful_side="right", bear_weight="normal", sym_groin_pain="yes", mechanical=["locking"], pain_now=2, pain_worst=5),
     [R("groin", "right", 4)],
     triage="soon", reasons=["mechanical_symptoms"], top3=["fai_labral"], advice=["rest"], no_advice=["stop_running_now"])
# --- stress fracture: specific only where another pattern explains the pain ---------------------
OA = dict(morning_stiffness="under_hour", sym_shoes_socks="yes", sym_reduced_movement="yes", pain_on_impact="yes", bear_weight="painful")
case("v2_oa_58_mileage_falling", "58-year-old man with hip OA features, running less than before, no bone-stress risk factor.",
     full(sex="male", age=58, painful_side="right", weekly_distance=30, recent_weekly_distance=20, pain_now=3, pain_worst=5, **OA),
     [R("groin", "right", 4)], [E("internal_rotation_range", "right", "positive")],
     triage="soon", flags=["femoral_stress_fracture"], top3=["hip_oa", "femoral_stress_fracture"], no_advice=["stop_running_now"])
case("v2_oa_58_mileage_rising", "The same OA features, but weekly distance up from 20 to 35 km.",
     full(sex="male", age=58, painful_side="right", weekly_distance=20, recent_weekly_distance=35, pain_now=3, pain_worst=5, **OA),
     [R("groin", "right", 4)], [E("internal_rotation_range", "right", "positive")],
     triage="urgent", flags=["femoral_stress_fracture"], top3=["femoral_stress_fracture"], advice=["stop_running_now"])
case("v2_oa_woman_60", "60-year-old woman, OA features, running less: female sex is a bone-stress risk factor, so still urgent.",
     full(sex="female", age=60, painful_side="left", weekly_distance=25, recent_weekly_distance=15, bs_periods="not_applicable",
          pain_now=3, pain_worst=5, **OA),
     [R("groin", "left", 4)],
     triage="urgent", flags=["femoral_stress_fracture"], top3=["hip_oa"])
case("v2_oa_bone_questions_unanswered", "62-year-old man, OA features, running less, bone-health questions left blank: not lowered.",
     {k: v for k, v in full(sex="male", age=62, painful_side="right", weekly_distance=30, recent_weekly_distance=25,
                            pain_now=3, pain_worst=4, **OA).items() if not k.startswith("bs_")},
     [R("groin", "right", 4)],
     triage="urgent", flags=["femoral_stress_fracture"], top3=["hip_oa"])
case("v2_oa_previous_stress_fracture", "55-year-old man, OA features, running less, but a stress fracture before.",
     full(sex="male", age=55, painful_side="right", weekly_distance=40, recent_weekly_distance=30, bs_previous_stress_fracture="yes",
          pain_now=3, pain_worst=5, **OA),
     [R("groin", "right", 4)],
     triage="urgent", flags=["femoral_stress_fracture"], top3=["femoral_stress_fracture", "hip_oa"])
case("v2_oa_unknown_mileage", "57-year-old man, OA features, weekly distances not given: running load unknown, not lowered.",
     full(sex="male", age=57, painful_side="left", pain_now=3, pain_worst=5, **OA),
     [R("groin", "left", 4)],
     triage="urgent", flags=["femoral_stress_fracture"], top3=["hip_oa"])
case("v2_young_groin_impact", "24-year-old man, groin pain on landing and jogging, steady mileage, no risk factors.",
     full(sex="male", age=24, painful_side="right", bear_weight="normal", pain_on_impact="yes", weekly_distance=40, recent_weekly_distance=40,
          pain_now=3, pain_worst=6),
     [R("groin", "right", 5)],
     triage="urgent", flags=["femoral_stress_fracture"], top3=["femoral_stress_fracture"], no_advice=["strength", "pain_relief"])
case("v2_night_pain_front_thigh", "30-year-old woman, front-thigh ache that wakes her at night; nothing else.",
     full(sex="female", age=30, painful_side="left", bear_weight="normal", pain_at_night="yes", pain_now=2, pain_worst=5),
     [R("front_thigh", "left", 4)],
     triage="urgent", flags=["femoral_stress_fracture"], top3=["femoral_stress_fracture"])
case("v2_hop_positive_clinic", "Clinician: painful hop test on the painful side, groin pain, mileage up 50 %.",
     full(filled_by="clinician", setting="clinic", sex="female", age=28, painful_side="right", bear_weight="normal",
          weekly_distance=30, recent_weekly_distance=45, pain_now=3, pain_worst=6),
     [R("groin", "right", 5)], [E("hop", "right", "positive", 7)],
     triage="urgent", flags=["femoral_stress_fracture"], top3=["femoral_stress_fracture"])
# --- bisphosphonates ----------------------------------------------------------------------------
case("v2_bisphosphonate_thigh_ache", "68-year-old woman on alendronate for 6 years: dull ache in both thighs for weeks; walks normally.",
     full(sex="female", age=68, painful_side="both", bear_weight="normal", med_bisphosphonate="yes", bs_low_bone_density="yes",
          bs_periods="not_applicable", pain_now=3, pain_worst=4),
     [R("outer_thigh", "left", 3), R("outer_thigh", "right", 3)],
     triage="soon", reasons=["bisphosphonate_thigh_pain"], cautions=["nsaid_higher_risk"], no_advice=["stop_running_now"])
# --- medicine cautions --------------------------------------------------------------------------
GTPS = dict(bear_weight="normal", pain_lying_on_side="yes", pain_rising_chair="yes", pain_crossing_legs="yes", pain_now=3, pain_worst=5)
GTPS_MAP = [R("outer_hip", "right", 5)]
case("v2_triple_whammy", "60-year-old man with outer-hip pain who takes ramipril and furosemide.",
     full(sex="male", age=60, painful_side="right", med_ace_arb="yes", med_diuretic="yes", **GTPS), GTPS_MAP,
     triage="self_care", top3=["gtps"], cautions=["nsaid_triple_whammy", "paracetamol_dose"])
case("v2_ace_inhibitor_only", "Takes an ACE inhibitor only (no diuretic): no triple-whammy caution.",
     full(sex="male", age=50, painful_side="right", med_ace_arb="yes", **GTPS), GTPS_MAP,
     triage="self_care", top3=["gtps"], no_cautions=["nsaid_triple_whammy"])
case("v2_lithium", "40-year-old woman on lithium with outer-hip pain.",
     full(sex="female", age=40, painful_side="right", med_lithium="yes", **GTPS), GTPS_MAP,
     triage="self_care", top3=["gtps"], cautions=["nsaid_lithium"], no_cautions=["nsaid_methotrexate"])
case("v2_methotrexate_ra", "52-year-old woman with rheumatoid arthritis on methotrexate; ordinary outer-hip pain, no hot joint.",
     full(sex="female", age=52, painful_side="right", med_methotrexate="yes", conditions=["rheumatoid_arthritis"],
          bs_periods="not_applicable", **GTPS), GTPS_MAP,
     triage="self_care", top3=["gtps"], cautions=["nsaid_methotrexate"], no_flags=["septic_arthritis"])
case("v2_pregnant_24_weeks", "Pregnant, 24 weeks: burning, tingling skin on the outer thigh.",
     full(sex="female", age=32, painful_side="left", bear_weight="normal", pregnant="yes", pregnancy_weeks=24, bs_periods="not_applicable",
          sym_thigh_skin_tingling="yes", pain_quality=["burning", "tingling"], pain_now=2, pain_worst=4),
     [R("outer_thigh", "left", 4)],
     triage="self_care", top3=["meralgia_paresthetica"], cautions=["nsaid_pregnancy"], no_cautions=["breastfeeding"])
case("v2_breastfeeding", "Breastfeeding mother with outer-hip pain.",
     full(sex="female", age=34, painful_side="right", breastfeeding="yes", bs_periods="not_applicable", **GTPS), GTPS_MAP,
     triage="self_care", top3=["gtps"], cautions=["breastfeeding"], no_cautions=["nsaid_pregnancy"])
# --- advice fitted to the level -----------------------------------------------------------------
case("v2_cauda_equina_with_gtps_features", "Outer-hip pain lying on that side, but also new numbness between the legs.",
     full(sex="female", age=45, painful_side="right", rf_saddle_numbness="yes", bs_periods="regular", **GTPS), GTPS_MAP,
     triage="emergency", flags=["cauda_equina"], advice=["stop_running_now"],
     no_advice=["rest", "strength", "return_gradually", "pain_relief", "gtps_load"])
case("v2_steroids_urgent_advice", "Outer-hip pain on prednisolone tablets.",
     full(sex="male", age=50, painful_side="right", med_steroids="yes", **GTPS), GTPS_MAP,
     triage="urgent", flags=["steroids_avn"], advice=["stop_running_now"], no_advice=["strength", "return_gradually", "pain_relief", "rest"],
     cautions=["nsaid_higher_risk"])
case("v2_self_care_full_advice", "Classic outer-hip tendon pain, everything answered: full self-care advice.",
     full(sex="female", age=48, painful_side="right", bs_periods="regular", **GTPS), GTPS_MAP,
     [E("trochanter_palpation", "right", "positive", 5), E("single_leg_stance_30s", "right", "positive", 4)],
     triage="self_care", top3=["gtps"], advice=["rest", "strength", "return_gradually", "gtps_load", "pain_relief"],
     no_advice=["stop_running_now"], cautions=["paracetamol_dose"], unanswered=False)
# --- unanswered warning signs -------------------------------------------------------------------
case("v2_warning_questions_skipped", "Outer-hip pain; Symptoms and History pages skipped.",
     {"filled_by": "patient", "setting": "home", "sex": "female", "age": 44, "painful_side": "right", "bear_weight": "normal",
      "pain_lying_on_side": "yes", "pain_now": 3, "pain_worst": 5},
     GTPS_MAP,
     triage="self_care", top3=["gtps"], unanswered=True)
# --- questions that now count -------------------------------------------------------------------
case("v2_itbs_worn_shoes", "Outer-knee pain during runs, lots of downhill, shoes two years old.",
     full(sex="male", age=36, painful_side="left", bear_weight="normal", pain_during_run="yes", pain_start_minutes=20,
          surfaces=["downhill", "road"], shoe_age_months=24, pain_now=1, pain_worst=5),
     [R("outer_knee", "left", 5), R("outer_thigh", "left", 2)],
     triage="self_care", top3=["itbs"], first="itbs", risk_factors=["worn_shoes"])
case("v2_exam_other_side_is_comparison", "Right hip hurts; the tender bony point and painful stance are on the left, not the painful side.",
     full(filled_by="clinician", setting="clinic", sex="male", age=39, painful_side="right", bear_weight="normal", pain_lying_on_side="no",
          sym_groin_pain="yes", mechanical=["clicking"], pain_now=3, pain_worst=4),
     [R("outer_hip", "right", 3), R("groin", "right", 4)],
     [E("trochanter_palpation", "left", "positive", 3), E("trochanter_palpation", "right", "negative"),
      E("single_leg_stance_30s", "left", "positive", 3), E("single_leg_stance_30s", "right", "negative")],
     triage="self_care", top3=["fai_labral"], not_listed=["gtps"])
case("v2_faber_back_pain", "FABER reproduces buttock and low-back pain; low back pain with the hip pain.",
     full(filled_by="clinician", setting="clinic", sex="female", age=44, painful_side="left", bear_weight="normal", sym_back_pain="yes",
          bs_periods="regular", pain_now=3, pain_worst=5),
     [R("sacroiliac", "left", 4), R("buttock", "left", 3)], [E("faber", "left", "positive", 4)],
     triage="self_care", top3=["lumbar_referred"])
case("v2_faber_groin_oa", "FABER gives groin pain in a 63-year-old with stiff hip and trouble with socks.",
     full(filled_by="clinician", setting="clinic", sex="male", age=63, painful_side="right", bear_weight="normal", morning_stiffness="under_hour",
          sym_shoes_socks="yes", sym_groin_pain="yes", pain_now=3, pain_worst=4),
     [R("groin", "right", 4)], [E("faber", "right", "positive", 4)],
     triage="self_care", top3=["hip_oa"])
case("v2_older_no_fall_gtps", "65-year-old woman, outer-hip pain at night lying on it, no fall.",
     full(sex="female", age=65, painful_side="left", bs_periods="not_applicable", **GTPS), [R("outer_hip", "left", 5)],
     triage="self_care", top3=["gtps"], no_flags=["older_adult_fall"])
case("v2_meralgia_tight_belt", "Burning patch on the outer thigh, worse standing, no weakness.",
     full(sex="male", age=45, painful_side="right", bear_weight="normal", sym_thigh_skin_tingling="yes", pain_quality=["burning"],
          pain_now=2, pain_worst=3),
     [R("outer_thigh", "right", 3)],
     triage="self_care", top3=["meralgia_paresthetica"], first="meralgia_paresthetica")
case("v2_iliopsoas_clinic", "Front groin pain on stairs with snapping; resisted hip flexion painful; impact does not hurt.",
     full(filled_by="clinician", setting="clinic", sex="female", age=26, painful_side="right", bear_weight="normal", sym_groin_pain="yes",
          pain_stairs_hills="yes", mechanical=["clicking"], pain_now=2, pain_worst=4),
     [R("groin", "right", 4)], [E("resisted_hip_flexion", "right", "positive", 5)],
     triage="self_care", top3=["iliopsoas"])

for name, (about, answers, regions, exam, expected) in CASES.items():
    (OUT / f"{name}.json").write_text(json.dumps({"format": "hipdesk-answers", "format_version": 1, "answers": answers,
                                                  "regions": regions, "exam": exam}, indent=2, ensure_ascii=False) + "\n")
EXP = {name: {"about": about, **expected} for name, (about, _a, _r, _e, expected) in CASES.items()}
(OUT / "expected_v2.json").write_text(json.dumps(EXP, indent=2, ensure_ascii=False) + "\n")
print(len(CASES), "cases")
