"""Train modkit's scoring model: ``python train.py [--data PATH]... [--out models/default]``.

On a fresh clone this trains on the project corpus in ``datasets/`` alone. Add corpora with
``--data`` (a folder of corpora such as ../shared/datasets, one corpus folder, or one JSONL/CSV
file; repeatable) and moderators' verdicts with ``--feedback modkit.db``.
"""

from __future__ import annotations

import sys

from modkit._training_cli import main

if __name__ == "__main__":
    sys.exit(main())
