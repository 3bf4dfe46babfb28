"""Decks out of purgequiz: Anki packages, spreadsheets, quiz formats for learning platforms,
printable worksheets, and reports of a class's progress."""
