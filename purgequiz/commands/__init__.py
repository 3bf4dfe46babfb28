"""The command line's subcommands, one module each; cli.py wires them to the parser."""
