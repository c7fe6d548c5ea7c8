"""Format readers: bytes of one file -> :class:`ingest.model.Document`."""
