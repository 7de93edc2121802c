"""Benchmarks of sopgen (not part of the test suite): ``python -m bench.run``."""
