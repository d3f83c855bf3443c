"""The subcommands of `respons`, one module each; ``respons.cli`` puts them together."""
