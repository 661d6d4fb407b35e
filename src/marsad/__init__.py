"""Marsad: Arabic news in, ACLED-compatible conflict events out."""
__version__ = "0.1.0"
