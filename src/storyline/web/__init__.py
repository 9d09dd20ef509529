"""The story desk on the web: a FastAPI application (:mod:`storyline.web.app`) over a store,
configured by a :class:`~storyline.web.config.DeskConfig`.  Importing this package does not load
the web framework."""
