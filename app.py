"""Run the wijknet app from a checkout: ``streamlit run app.py``.

A thin shim: it executes the packaged entry script
(``src/wijknet/webapp/streamlit_app.py``) on every rerun. Set
``WIJKNET_PROJECT`` to a project folder; without it the demo project is shown.
"""

import runpy
import sys
from pathlib import Path

try:
    from wijknet.webapp import ENTRY_SCRIPT
except ImportError:  # not installed: use the source tree next to this file
    sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))
    from wijknet.webapp import ENTRY_SCRIPT

runpy.run_path(str(ENTRY_SCRIPT), run_name="__main__")
