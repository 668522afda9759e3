"""Files in and out: the answers file, the FHIR export, and safe file writing."""
