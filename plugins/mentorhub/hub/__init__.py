"""Reading and validating content into frozen models. Imports nothing else of ours."""
