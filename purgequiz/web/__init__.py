"""The study app in a browser (``purgequiz serve``): a small web server, textual-serve's, that
runs ``purgequiz play`` afresh for every tab that opens its page."""
