"""Measurement tools: benchmarks, page weight and audits (not the owner's commands)."""
