"""Widgets of the study app: each shows one piece of data and posts messages up."""
