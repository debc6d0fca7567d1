"""Targets: quantitative goals, the phrases that mark them and the indicators they measure."""
