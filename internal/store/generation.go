package store

import (
	"context"
	"strings"
)

// Generation returns the change generation: a number that grows with every
// committed change of record except the quiet ones (logins, new sessions,
// new API tokens), read from the database so that all replicas agree. Caches of
// the web server keep what they computed with the generation it was
// computed at and use it only while Generation still returns that number.
//
// Why a counter row and not MAX(audit_log.id): on PostgreSQL identities are
// handed out at insert and become visible at commit, in any order, so a
// change committed after a later-numbered one would not move the maximum.
// The counter is incremented as the last statement of the transaction: its
// row lock is held only while committing, and each commit makes a new
// number visible.
//
// The server asks on every request, so the query is prepared once.
func (db *DB) Generation(ctx context.Context) (n int64, err error) {
	defer wrap(&err, "Generation")
	db.genMu.Lock()
	stmt := db.genStmt
	if stmt == nil {
		// Not kept when it fails: the table may not be migrated yet.
		stmt, err = db.sql.PrepareContext(context.WithoutCancel(ctx), `SELECT n FROM generations WHERE name = 'changes'`)
		db.genStmt = stmt
	}
	db.genMu.Unlock()
	if err != nil {
		return 0, err
	}
	err = stmt.QueryRowContext(ctx).Scan(&n)
	return n, err
}

// bumpGeneration increments the change generation when the transaction
// changed something the server shows.
func (t *txn) bumpGeneration() error {
	if !t.changed {
		return nil
	}
	_, err := t.Exec(`UPDATE generations SET n = n + 1 WHERE name = 'changes'`)
	return err
}

// quiet reports whether an audited change leaves everything a server caches
// as it was: login and password-check attempts and their throttling,
// logins and session expiry (a server checks idleness by its clock),
// refused requests, backups, and a new API token (a revoked one is not quiet: cached tokens must see it at
// once). An audit row of a new kind bumps the generation unless it is
// added here: a needless bump costs a recomputation, a missing one a stale
// page.
func quiet(action, entity string) bool {
	switch {
	case entity == "session":
		return action != "logout" // cached sessions must see a logout at once
	case entity == "user":
		return action == "login_ok" || action == "login_failed" || action == "password_check_ok" ||
			action == "password_check_failed" || strings.HasSuffix(action, "_throttled")
	case entity == "api_token":
		return action == "create"
	case entity == "request":
		return action == "refused" // a 403 written to the audit log changes nothing
	case entity == "database":
		return action == "backup"
	}
	return false
}
