"""Text primitives shared by every stage: normalization, numbers, dates, Vietnamese display formats.

Nothing here knows about documents or files; every other package may import it."""
