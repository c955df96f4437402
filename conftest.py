"""Collection rules for the whole checkout (the tests' shared fixtures are in tests/conftest.py).

``--doctest-modules`` imports every module under ``src/wijknet`` to find its
examples. The Streamlit page scripts run their page when imported, so they are
not collected; nor are the scripts at the top of the checkout or in benchmarks/.
"""

collect_ignore = [
    "app.py",
    "src/wijknet/webapp/streamlit_app.py",
    "src/wijknet/webapp/views",
]
# Scripts that made the fixtures are run by hand, not collected.
collect_ignore_glob = ["benchmarks/*", "notebooks/*", "surveys/*", "docs/*", "tests/fixtures/*"]
