package store

import "database/sql"

// PoolStats is the connection pool's state, for the metrics listener.
func (db *DB) PoolStats() sql.DBStats { return db.sql.Stats() }
