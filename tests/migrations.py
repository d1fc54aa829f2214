"""Moving the test database between migrations, for tests of data migrations."""

from __future__ import annotations

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(targets):
    """The database at ``targets`` (app, migration); the historical apps of that state."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest_migrations():
    """Every app's latest migration: going back also unapplies the apps that depend on the
    targets, and the database must end complete."""
    return MigrationExecutor(connection).loader.graph.leaf_nodes()
