"""The document model: raw blocks from readers laid out as one stored text with spans, its
section tree, joined tables, and provenance (page, span, quote) for facts found in it."""
