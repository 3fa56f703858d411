"""Terminology and translation QA: checks over the document model and the cross-language links."""
