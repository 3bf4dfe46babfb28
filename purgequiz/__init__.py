"""purgequiz: learn the history of Stalin's purges of 1937-1940 in the terminal."""

__version__ = "0.1.0"
__all__ = ["__version__"]
