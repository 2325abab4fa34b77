"""Alembic environment, driven from ``geo.store.migrate`` with an open connection
(``config.attributes["connection"]``) already inside a transaction."""
from alembic import context

from geo.store.tables import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite can only change tables by copying them
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
