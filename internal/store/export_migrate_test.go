package store

import "context"

// MigrateToForTest applies the migrations up to version only, so that a
// test can store data in an older schema and then migrate it.
func (db *DB) MigrateToForTest(ctx context.Context, version int) error {
	ms, err := loadMigrations(db.dialect)
	if err != nil {
		return err
	}
	if _, err := db.sql.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at TIMESTAMP NOT NULL)`); err != nil {
		return err
	}
	for _, m := range ms {
		if m.version <= version {
			if err := db.applyMigration(ctx, m); err != nil {
				return err
			}
		}
	}
	return nil
}

// KeyOrderForTest is keyOrder.
func KeyOrderForTest(rows []Observation) []int { return keyOrder(rows) }
