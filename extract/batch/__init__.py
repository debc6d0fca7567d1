"""Many files at once: the ingest run, worker processes, the Dask executor, the skip index of
unchanged files, progress display and the run report."""
