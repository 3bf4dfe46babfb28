"""Decks: the deck model (``model``: Card, Deck, Citation …), its file format (``fileformat``)
and the catalog of bundled and user decks (``catalog``).

The generator writes decks; the engine, the store, the app and the commands read them from
here. Import from the module that defines a name.
"""
