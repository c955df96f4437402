"""The ``wijknet`` command: one sub-command group per module, each a thin shell over the library."""
