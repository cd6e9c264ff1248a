"""The scoring core: frameworks, params, figures, rules and the engine; it reads its inputs and knows nothing of notebooks."""
