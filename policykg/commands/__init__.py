"""The `policykg` commands, one module per kind of work; policykg/cli.py registers them
on the app in the order `policykg --help` lists them."""
