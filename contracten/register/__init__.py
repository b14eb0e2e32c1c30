"""The contract register: a database (SQLite by default, PostgreSQL for a team) with the
contracts, the documents generated for them and the append-only history of their approval."""
