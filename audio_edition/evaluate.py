"""``python -m audio_edition.evaluate CORPUS``: the parser's scorer, kept under the name the
figures are published with. The code is in ``audio_edition.ingest.evaluate``."""

import sys

from .ingest.evaluate import main

if __name__ == "__main__":
    sys.exit(main())
