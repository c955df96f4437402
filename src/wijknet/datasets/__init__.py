"""Fictional data sets: the demo project and the raw survey exports it is made from."""
