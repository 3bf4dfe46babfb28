"""The learning engine: scheduling, presentation, grading, matching, the queue, the session.

Pure Python: no textual, no tinydb, no clock, no global random (``now`` and a
``random.Random`` are passed in). Import from the module that defines a name (``session``,
``scheduler``, ``records``, ``stats`` …), so that what needs only a part (the store needs the
records, the home screen the figures) does not also load the matcher (rapidfuzz) and the
session.
"""
