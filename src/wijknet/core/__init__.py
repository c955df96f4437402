"""The vocabulary every layer shares: errors, languages, the domain taxonomy and the project settings.

Nothing in :mod:`wijknet.core` imports another part of wijknet, and nothing
in it loads pandas or networkx at import time.
"""
