"""The DuckDB store: schema, transactional writes of one document at a time, analysis views,
and Parquet shards for distributed runs."""
