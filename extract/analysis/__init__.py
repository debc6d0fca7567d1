"""Reading the store back: comparisons across plans, read-only SQL, exports, the review page,
scoring against gold, and one document's overview."""
