"""Benchmark scripts (not tests): run them with python -m tests.benchmarks.NAME."""
