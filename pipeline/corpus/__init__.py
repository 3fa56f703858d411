"""The corpus: its manifest, and the batch run behind `make corpus`."""
