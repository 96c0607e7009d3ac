"""marsad: Arabic news reports to ACLED-style conflict events."""
