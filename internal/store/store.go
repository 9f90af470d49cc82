// Package store keeps everything the server holds — units, indicators,
// figures and their revisions, events, targets, methods, runs and their
// results, users, sessions and the audit log — in SQLite (the default, one
// file) or PostgreSQL (a postgres:// DSN). It holds all of the project's SQL,
// one file per aggregate with each query beside the code that scans it.
//
// The same SQL text runs on both databases: $1 placeholders (modernc's
// SQLite binds $N by position, see TestPlaceholders), UTC timestamps passed
// from Go rather than now(), no casts, no arrays. Only the schema (one
// migrations folder per dialect, same numbers), the bulk-insert batch size
// and Backup/Restore differ by dialect.
//
// Every change of record goes through DB.change, which opens a transaction,
// lets the method write, and refuses to commit unless the method wrote its
// audit row in that same transaction: an audit row cannot be forgotten, and a
// failed change leaves none behind.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	_ "modernc.org/sqlite"             // registers the "sqlite" driver
)

// Dialect is the database behind a DB.
type Dialect string

// The two dialects.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// DB is the store: a connection pool and its dialect. It is safe for
// concurrent use; several server processes may share one PostgreSQL.
type DB struct {
	sql     *sql.DB
	dialect Dialect
	dsn     string
	now     func() time.Time // the clock; tests move it
	sm3     bool             // new audit rows are chained with SM3 (SetAuditHash)

	genMu   sync.Mutex
	genStmt *sql.Stmt // the query of Generation, prepared on first use

	ledgers ledgerCache // the last investment ledger read as of a revision (invest_ledger_cache.go)
}

// Open connects to dsn without migrating (the server and `qiangxian
// migrate` call Migrate). A postgres:// or postgresql:// DSN selects
// PostgreSQL; anything else is the path of a SQLite file, whose folder is
// created.
func Open(ctx context.Context, dsn string) (*DB, error) {
	db := &DB{dsn: dsn, now: time.Now}
	var err error
	if IsPostgres(dsn) {
		db.dialect = Postgres
		db.sql, err = sql.Open("pgx", dsn)
	} else {
		db.dialect = SQLite
		var conn string
		if conn, err = sqliteDSN(dsn); err == nil {
			db.sql, err = sql.Open("sqlite", conn)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", db.dialect, err)
	}
	if err := db.ping(ctx); err != nil {
		db.sql.Close()
		return nil, fmt.Errorf("store: connect to %s database: %w", db.dialect, err)
	}
	// database/sql keeps only 2 idle connections by default: a server
	// answering 50 requests at once would open and close connections all
	// the time, each costing PostgreSQL a backend and SQLite its pragmas.
	// SQLite's connections are only memory in this process, so it keeps
	// more: with cached pages a request is so short that opening a
	// connection was a tenth of a loaded server's time.
	idle := maxIdleConns
	if db.dialect == SQLite {
		idle = maxIdleSQLite
	}
	db.sql.SetMaxIdleConns(idle)
	return db, nil
}

// ping opens the first connection. On a SQLite file that another process
// is creating at the same instant, switching to WAL can fail at once with
// SQLITE_BUSY without waiting for the busy timeout (SQLite refuses to wait
// while holding the shared lock it read the header with, to avoid a
// deadlock); the journal mode persists once set, so the connection is
// simply retried for up to 10 s.
func (db *DB) ping(ctx context.Context) error {
	err := db.sql.PingContext(ctx)
	deadline := time.Now().Add(10 * time.Second)
	for err != nil && db.dialect == SQLite && isBusy(err) && time.Now().Before(deadline) {
		select {
		case <-ctx.Done():
			return err
		case <-time.After(20*time.Millisecond + time.Duration(rand.IntN(30))*time.Millisecond):
		}
		err = db.sql.PingContext(ctx)
	}
	return err
}

// maxIdleConns is how many pooled connections stay open between requests
// (maxIdleSQLite on SQLite).
const (
	maxIdleConns  = 32
	maxIdleSQLite = 128
)

// IsPostgres reports whether dsn names a PostgreSQL database.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// sqliteDSN turns a file path into modernc's DSN. The pragmas run on every
// new connection of the pool: WAL so that readers never wait for the writer
// (and backups run beside the server), foreign keys because SQLite leaves
// them off by default, a busy timeout so that concurrent writers queue
// instead of failing, synchronous=NORMAL which is durable under WAL except
// for the last commits on power loss. mmap_size lets a reader map up to
// 1 GiB of the file instead of copying each page it reads through a system
// call into its own small cache: the ledger's reports read tens of
// thousands of pages, and memory-mapped reads took a fifth less CPU
// (a 100,000-project ledger's report, 46 → 37 ms); the pages are the
// kernel's cache, shared by all connections. _txlock=immediate takes the write lock
// at BEGIN, so that two writers never deadlock upgrading a read lock. The
// busy timeout comes first: journal_mode needs a lock too, and a server
// started while another creates the database would otherwise fail at once
// with SQLITE_BUSY (seen in TestServersStartedTogether under load).
// Timestamps are written in the "sqlite" format, which sorts as text when all
// are UTC.
func sqliteDSN(path string) (string, error) {
	if path == "" || strings.ContainsAny(path, "?#") || path == ":memory:" {
		return "", fmt.Errorf("%w: SQLite path %q (a file path without ? or #)", ErrInvalid, path)
	}
	path = strings.TrimPrefix(path, "file:")
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return "", err
		}
	}
	return path + "?_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)" +
		"&_pragma=synchronous(NORMAL)&_pragma=mmap_size(1073741824)&_txlock=immediate&_time_format=sqlite", nil
}

// Dialect returns the database behind db.
func (db *DB) Dialect() Dialect { return db.dialect }

// Close closes the pool.
func (db *DB) Close() error { return db.sql.Close() }

// Ping checks that the database answers; /healthz calls it.
func (db *DB) Ping(ctx context.Context) error { return db.sql.PingContext(ctx) }

// timestamp returns the clock's time as stored: UTC, to the microsecond
// (PostgreSQL's precision), so that what is read back equals what was written.
func (db *DB) timestamp() time.Time { return db.now().UTC().Truncate(time.Microsecond) }

// The error kinds of the store; every error it returns wraps one of them
// (or is a database or context error), to be tested with errors.Is.
var (
	ErrNotFound  = errors.New("not found")
	ErrConflict  = errors.New("conflict")  // a duplicate, or a state that forbids the change
	ErrImmutable = errors.New("immutable") // a published run or an append-only record
	ErrInvalid   = errors.New("invalid")   // bad input: unknown reference, bad value
	ErrExpired   = errors.New("expired")   // a session idle too long, a token past its date
)

// wrap annotates *errp with the operation, pkgsite-style, and classifies a
// database constraint error into one of the store's kinds.
func wrap(errp *error, format string, args ...any) {
	if *errp == nil {
		return
	}
	err := classify(*errp)
	*errp = fmt.Errorf("store: "+format+": %w", append(args, err)...)
}

// Actor is who makes a change, as written in the audit log.
type Actor struct {
	Username string
}

// System is the actor of changes nobody typed: migrations, the demo loader.
var System = Actor{Username: "system"}

// txn is a transaction of DB.change: the *sql.Tx, the actor, the time of the
// change, and whether its audit row was written.
type txn struct {
	*sql.Tx
	conn    *sql.Conn
	ctx     context.Context
	db      *DB
	actor   Actor
	now     time.Time
	audited bool
	changed bool // an audit row of something the server shows (see bumpGeneration)
	// afterCommit runs once the transaction has committed (keeping what it
	// read in memory, invest_ledger_snapshot.go).
	afterCommit []func()
}

// change runs fn in one transaction and commits only if fn succeeded and
// wrote at least one audit row (txn.audit). A change without an audit row
// is a bug in this package; it is rolled back rather than committed.
func (db *DB) change(ctx context.Context, actor Actor, fn func(t *txn) error) error {
	if strings.TrimSpace(actor.Username) == "" {
		return fmt.Errorf("%w: a change needs an actor", ErrInvalid)
	}
	// The transaction runs on a connection of its own so that, on
	// PostgreSQL, bulk inserts can reach the driver's COPY (see insertBatch).
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	t := &txn{Tx: tx, conn: conn, ctx: ctx, db: db, actor: actor, now: db.timestamp()}
	if err := fn(t); err != nil {
		tx.Rollback()
		return err
	}
	if !t.audited {
		tx.Rollback()
		return errors.New("store: internal error: change without an audit row")
	}
	if err := t.bumpGeneration(); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	for _, f := range t.afterCommit {
		f()
	}
	return nil
}

// Clock returns the store's clock, to put back after a SetClock.
func (db *DB) Clock() func() time.Time { return db.now }

// SetClock replaces the store's clock, for tests of idle timeouts and
// throttling windows; nil restores the real clock. Not safe to call while
// the store is in use.
func (db *DB) SetClock(now func() time.Time) {
	if now == nil {
		now = time.Now
	}
	db.now = now
}
