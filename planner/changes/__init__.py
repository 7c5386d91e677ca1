"""One pure function per change a user can make; the command line and the app call them.

See `planner.changes.base` for what a change returns.
"""
