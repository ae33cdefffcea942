"""Engines that run the coder at scale: local worker processes (`local`), Spark (`spark`),
and a deterministic corpus generator for benchmarks (`corpus`)."""
