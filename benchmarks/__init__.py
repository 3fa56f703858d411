"""Benchmarks behind `make bench`: each compares with a reference run in the same command."""
