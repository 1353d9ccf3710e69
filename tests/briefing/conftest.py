"""Tests of the published briefing itself (data/: Russia–North Korea), not of the generator.

A team that starts another briefing from this repository deletes this folder; every other test
stays green. The browser and the real site come from tests/browser/fixtures.py.
"""
