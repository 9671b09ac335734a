"""Benchmarks run as commands (`eventwire bench`), never as timed tests."""
