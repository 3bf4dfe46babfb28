"""The Textual study app (``app.PurgeQuizApp``): profiles, the deck list, study sessions,
settings and help."""
