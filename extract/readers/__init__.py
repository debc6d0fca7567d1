"""Readers: one per file format, each turning bytes into raw blocks."""
