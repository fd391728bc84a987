"""`python -m interviewer` runs the command line."""

import sys

from interviewer.cli import main

sys.exit(main())
