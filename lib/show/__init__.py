"""Show: DataFrames -> plotly Figures, pydeck Decks and escaped HTML; the labels and the palette. Never draws, never imports the extractor."""
