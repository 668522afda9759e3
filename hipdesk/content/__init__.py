"""Content: the questionnaire, its branching and validation, exam tests, body regions, kiosk text; read through one loader."""
