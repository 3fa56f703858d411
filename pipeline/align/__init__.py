"""Alignment: sentences within and across texts, units across language versions."""
