"""Compiling facts into question decks.

``build`` compiles cards and decks from a fact base (``generate``, ``compile_cards``);
``registry`` and ``templates/`` hold the question templates; ``select`` the filters;
``shipped`` the decks that ship. The deck model and its file format are in
:mod:`purgequiz.decks`. Import from the module that defines a name, so that a caller loads only
what it uses.
"""
