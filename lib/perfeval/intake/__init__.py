"""Intake: a unit's documents and files into validated params."""
