"""Corpus: articles from a folder, uploads or links -> DataFrames, the filter state and its URL, export."""
