package store

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// migrations holds one folder per dialect with the same numbered files
// (0001_init.sql, 0002_….sql): a migration exists in both or in neither.
//
//go:embed migrations
var migrations embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

// loadMigrations returns the dialect's migrations in order.
func loadMigrations(d Dialect) ([]migration, error) {
	dir := path.Join("migrations", string(d))
	entries, err := fs.ReadDir(migrations, dir)
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || !strings.HasSuffix(e.Name(), ".sql") {
			return nil, fmt.Errorf("migration %s: name is not NNNN_name.sql", e.Name())
		}
		b, err := migrations.ReadFile(path.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i := 1; i < len(ms); i++ {
		if ms[i].version == ms[i-1].version {
			return nil, fmt.Errorf("migrations %s and %s share a number", ms[i-1].name, ms[i].name)
		}
	}
	return ms, nil
}

// Migrate applies the migrations the database lacks, each in its own
// transaction together with its row in schema_migrations, so that a failed
// migration leaves the schema as the previous one left it. It holds the
// start-up lock (WithStartupLock): processes migrating at once wait for
// each other, and the later ones find the work done.
func (db *DB) Migrate(ctx context.Context) error {
	return db.MigrateThen(ctx, nil)
}

// MigrateThen migrates the database and then runs then (when not nil),
// both under the start-up lock: a server loads the demo into an empty
// database in then, so that of several servers started together exactly
// one migrates and loads it.
func (db *DB) MigrateThen(ctx context.Context, then func(ctx context.Context) error) error {
	return db.WithStartupLock(ctx, func(ctx context.Context) error {
		if err := db.migrate(ctx); err != nil {
			return err
		}
		if then == nil {
			return nil
		}
		return then(ctx)
	})
}

func (db *DB) migrate(ctx context.Context) (err error) {
	defer wrap(&err, "Migrate")
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
	applied, err := db.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	for _, m := range ms {
		if m.version <= applied {
			continue
		}
		if err := db.applyMigration(ctx, m); err != nil {
			return fmt.Errorf("%s: %w", m.name, err)
		}
	}
	return nil
}

// foreignKeysOff is the first line of a SQLite migration that rebuilds a
// table others refer to: SQLite's procedure for such a change needs foreign
// keys off, which a transaction cannot switch, so the migration runs on a
// connection of its own with them off, and PRAGMA foreign_key_check must
// find nothing before it commits.
const foreignKeysOff = "-- qiangxian: foreign-keys-off"

func (db *DB) applyMigration(ctx context.Context, m migration) error {
	if db.dialect == SQLite && strings.HasPrefix(m.sql, foreignKeysOff) {
		return db.applyWithoutForeignKeys(ctx, m)
	}
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// Both drivers run a text of several statements in one Exec when it has
	// no parameters.
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)`,
		m.version, m.name, db.timestamp()); err != nil {
		return err
	}
	return tx.Commit()
}

// applyWithoutForeignKeys applies a SQLite migration marked foreignKeysOff.
func (db *DB) applyWithoutForeignKeys(ctx context.Context, m migration) error {
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
		return err
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `PRAGMA foreign_keys = ON`)
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		return err
	}
	broken := rows.Next()
	rows.Close()
	if broken {
		return fmt.Errorf("the migration leaves foreign keys broken")
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)`,
		m.version, m.name, db.timestamp()); err != nil {
		return err
	}
	return tx.Commit()
}

// SchemaVersion returns the number of the last migration applied, 0 for an
// empty database.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := db.sql.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&v)
	return v, err
}

// LatestSchemaVersion returns the number of the last embedded migration:
// the server refuses to start on a database newer than itself.
func LatestSchemaVersion() int {
	ms, err := loadMigrations(SQLite)
	if err != nil || len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
}
