"""Leaving loopdeck without retyping: a spreadsheet, a calendar, a page per loop."""
