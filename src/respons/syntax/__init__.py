"""From text to model: the parser, the tree-to-model builder, syntax errors, the formatter."""
