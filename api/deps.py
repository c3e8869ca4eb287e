"""Request dependencies: the store and settings opened in the lifespan."""

from __future__ import annotations

from fastapi import Request
from policykg.graph.store import GraphStore

from policykg.settings import Settings


def get_store(request: Request) -> GraphStore:
    return request.app.state.store


def get_app_settings(request: Request) -> Settings:
    return request.app.state.settings
