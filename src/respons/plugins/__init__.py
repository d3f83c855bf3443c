"""Built-in plugins, registered through the respons.plugins entry points like any outside plugin."""
