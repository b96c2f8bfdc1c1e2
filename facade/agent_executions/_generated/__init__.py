"""The facade's typed resources, written by scripts/regenerate.py from openapi/operations.toml and
the pinned specs (`make regen`); never edited by hand. `make check-generated` holds them to it."""
