package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"hash/fnv"
	"strings"
	"time"
)

// Several servers may start at the same instant on one empty database (the
// replica set-up of the README). Migrating and loading the demo must then
// happen once: the first server to take the start-up lock migrates and
// seeds, the others wait for it and find the work done.
//
// PostgreSQL has the tool for this: a session-level advisory lock, held on
// a connection of its own while the work runs on the pool's other
// connections, and released by the server when that connection ends,
// crashed process included.
//
// SQLite has no advisory lock, and its write lock cannot be the start-up
// lock: the loader writes through other connections of the same pool,
// which would wait for the lock holder, itself. So the lock is an exclusive
// transaction on a second, empty SQLite file beside the database
// (PATH-startup.lock): SQLite's own file locks, which the operating system
// releases when the process ends, serialise the servers, and a waiting
// server retries with a busy timeout until it gets it or its context ends.

// startupLockKey is the first key of the PostgreSQL advisory lock; the
// second is a hash of the current schema, so that tests in separate schemas
// of one database do not wait for each other.
const startupLockKey = 0x71786c6b // "qxlk"

// startupLockRetry is how long one SQLite attempt waits (its busy timeout)
// before the waiter checks its context and tries again.
const startupLockRetry = time.Second

// WithStartupLock runs fn while holding the database's start-up lock, which
// one process (or caller) holds at a time. Migrate takes it; a server's
// start-up takes it around migrating and seeding (MigrateThen).
func (db *DB) WithStartupLock(ctx context.Context, fn func(ctx context.Context) error) (err error) {
	unlock, err := db.lockStartup(ctx)
	if err != nil {
		return fmt.Errorf("store: taking the start-up lock: %w", err)
	}
	defer func() {
		if uerr := unlock(); uerr != nil && err == nil {
			err = fmt.Errorf("store: releasing the start-up lock: %w", uerr)
		}
	}()
	return fn(ctx)
}

func (db *DB) lockStartup(ctx context.Context) (unlock func() error, err error) {
	if db.dialect == Postgres {
		return db.lockPostgres(ctx)
	}
	return db.lockSQLite(ctx)
}

func (db *DB) lockPostgres(ctx context.Context) (func() error, error) {
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		return nil, err
	}
	var schema string
	if err := conn.QueryRowContext(ctx, `SELECT COALESCE(current_schema(), '')`).Scan(&schema); err != nil {
		conn.Close()
		return nil, err
	}
	h := fnv.New32a()
	h.Write([]byte(schema))
	key2 := int32(h.Sum32())
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1, $2)`, int32(startupLockKey), key2); err != nil {
		conn.Close()
		return nil, fmt.Errorf("pg_advisory_lock: %w", err)
	}
	return func() error {
		// A cancelled caller's context must not keep the lock: unlock with
		// a context of its own. Closing the *sql.Conn alone would not
		// release it: the pool keeps the session.
		uctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		_, err := conn.ExecContext(uctx, `SELECT pg_advisory_unlock($1, $2)`, int32(startupLockKey), key2)
		if err != nil {
			// Discard the connection, so that its session, and the lock
			// with it, ends.
			conn.Raw(func(any) error { return driver.ErrBadConn })
		}
		conn.Close()
		return err
	}, nil
}

func (db *DB) lockSQLite(ctx context.Context) (func() error, error) {
	path := strings.TrimPrefix(db.dsn, "file:") + "-startup.lock"
	ldb, err := sql.Open("sqlite", fmt.Sprintf("%s?_pragma=busy_timeout(%d)", path, startupLockRetry.Milliseconds()))
	if err != nil {
		return nil, err
	}
	ldb.SetMaxOpenConns(1)
	conn, err := ldb.Conn(ctx)
	if err != nil {
		ldb.Close()
		return nil, err
	}
	for {
		_, err = conn.ExecContext(ctx, `BEGIN EXCLUSIVE`)
		if err == nil {
			break
		}
		if !isBusy(err) || ctx.Err() != nil {
			conn.Close()
			ldb.Close()
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
	}
	return func() error {
		_, err := conn.ExecContext(context.WithoutCancel(ctx), `ROLLBACK`)
		conn.Close()
		if cerr := ldb.Close(); err == nil {
			err = cerr
		}
		return err
	}, nil
}

// isBusy reports whether err is SQLite's SQLITE_BUSY (another process
// holds the lock past the busy timeout).
func isBusy(err error) bool {
	var coder interface{ Code() int }
	if errors.As(err, &coder) {
		return coder.Code()&0xff == 5 // SQLITE_BUSY and its extended codes
	}
	return strings.Contains(err.Error(), "SQLITE_BUSY") || strings.Contains(err.Error(), "database is locked")
}
