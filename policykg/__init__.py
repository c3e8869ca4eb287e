"""policykg: composition root (settings, CLI)."""
