"""The error the FHIR export raises (its own module so the unit table and the builders share it)."""


class FhirExportError(ValueError):
    """The content holds something FHIR cannot express the same way (named in the message)."""
