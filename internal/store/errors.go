package store

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// immutableMark starts the message of every trigger that refuses a change
// (see the migrations); both databases pass it through in the error text.
const immutableMark = "qiangxian: immutable"

// conflictMark starts the message of a trigger that refuses a change the
// state of other records forbids (migration 0004: approving a run with
// unanswered objections, moving a superseded run).
const conflictMark = "qiangxian: conflict"

// classify maps a database error to the store's error kinds, keeping the
// original error in the chain for the log.
func classify(err error) error {
	if errors.Is(err, ErrNotFound) || errors.Is(err, ErrConflict) || errors.Is(err, ErrImmutable) ||
		errors.Is(err, ErrInvalid) || errors.Is(err, ErrExpired) {
		return err
	}
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%w (%v)", ErrNotFound, err)
	}
	if strings.Contains(err.Error(), immutableMark) {
		return fmt.Errorf("%w: %w", ErrImmutable, err)
	}
	if strings.Contains(err.Error(), conflictMark) {
		return fmt.Errorf("%w: %w", ErrConflict, err)
	}
	var kind error
	var pe *pgconn.PgError
	var se *sqlite.Error
	switch {
	case errors.As(err, &pe):
		switch pe.Code {
		case "23505": // unique_violation
			kind = ErrConflict
		case "23503", "23514", "23502", "22P02", "22001": // foreign key, check, not null, bad text, too long
			kind = ErrInvalid
		case "40001", "40P01": // serialization failure, deadlock
			kind = ErrConflict
		}
	case errors.As(err, &se):
		switch se.Code() {
		case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
			kind = ErrConflict
		case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY, sqlite3.SQLITE_CONSTRAINT_CHECK, sqlite3.SQLITE_CONSTRAINT_NOTNULL:
			kind = ErrInvalid
		}
	}
	if kind == nil {
		return err
	}
	return fmt.Errorf("%w: %w", kind, err)
}
