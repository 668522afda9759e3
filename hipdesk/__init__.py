"""HipDesk: assessment of outside hip pain after running. It never diagnoses."""

__version__ = "0.1.0"
