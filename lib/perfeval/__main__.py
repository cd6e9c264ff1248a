"""python -m perfeval."""
from .cli import main

raise SystemExit(main())
