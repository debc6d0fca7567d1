"""Extraction steps: each reads a built document (and the rows of the steps before it) and
adds rows of one kind: sections, metadata, components, money, assignments, targets, references."""
