"""`python -m respons` runs the command-line interface."""

from respons.cli import main

main()
