"""Structure and normalization: pure functions from the document model to table rows."""
