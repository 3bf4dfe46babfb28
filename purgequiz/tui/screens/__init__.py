"""Screens of the study app; each owns one step of the flow."""
