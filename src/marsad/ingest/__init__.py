"""Bringing reports in: saved HTML pages, RSS/Atom feeds and http(s) URLs, beside the plain readers
of marsad.io.readers (JSON Lines, text files, folders, stdin)."""

from marsad.ingest.sources import Known, Prepared, iter_inputs

__all__ = ["Known", "Prepared", "iter_inputs"]
