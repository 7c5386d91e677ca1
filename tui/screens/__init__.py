"""Screens pushed over the main one: forms, the next-steps board and help."""
