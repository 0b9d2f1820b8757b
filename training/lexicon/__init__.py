"""Name lists, cue words and clause templates the generator draws from.

Each module owns one kind of material so that adding names or templates never
touches the engine in training/generate.py.
"""
