"""``python -m carelearn``: the command line, as ``carelearn``."""

from carelearn.cli import main

raise SystemExit(main())
