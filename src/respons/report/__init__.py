"""Reports: what respons shows a person or a program — the resolved regime (`show`) and the
results of an evaluation — in the reader's words. Reports read the model and results; they
compute nothing that the engine does not."""
