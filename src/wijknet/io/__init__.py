"""Reading and writing wijknet data."""
