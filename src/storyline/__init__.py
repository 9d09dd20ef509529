"""storyline: dated news articles in, a sourced timeline of what happened when out."""

__version__ = "0.1.0"
