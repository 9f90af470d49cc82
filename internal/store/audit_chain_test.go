package store_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// openTriggers drops the append-only triggers of the audit log, as someone
// with the database's owner rights could: the chain must still tell.
func openTriggers(t *testing.T, db *store.DB) {
	t.Helper()
	stmts := []string{`DROP TRIGGER audit_log_append_only_u`, `DROP TRIGGER audit_log_append_only_d`}
	if db.Dialect() == store.Postgres {
		stmts = []string{`DROP TRIGGER audit_log_append_only ON audit_log`}
	}
	for _, s := range stmts {
		if err := db.ExecForTest(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
}

// TestAuditChainDetectsTampering: the chain of a fresh log verifies; an
// edited row, a deleted row and a row inserted without its hash are each
// found, at the row where the chain breaks.
func TestAuditChainDetectsTampering(t *testing.T) {
	for _, tc := range []struct {
		name  string
		sql   string
		badID int64 // the rows are 1–3 (three users created)
	}{
		{"edited detail", `UPDATE audit_log SET detail = '{"username":"mallory"}' WHERE id = 2`, 2},
		{"edited user", `UPDATE audit_log SET username = 'bob' WHERE id = 1`, 1},
		// Deleting row 2 leaves row 3 chained to row 2's hash, which row 1 is not.
		{"deleted row", `DELETE FROM audit_log WHERE id = 2`, 3},
		{"row added by SQL", `INSERT INTO audit_log (id, at, username, action, entity, entity_id, detail)
			VALUES (4, '2024-03-01 10:00:00', 'x', 'create', 'user', 'x', '{}')`, 4},
	} {
		// The chain is SHA-256 (64 hex digits) or SM3 ("sm3:" and 64).
		for _, hash := range []struct {
			name    string
			headLen int
		}{{"sha256", 64}, {"sm3", 68}} {
			t.Run(tc.name+" "+hash.name, func(t *testing.T) {
				storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
					newClock(db)
					if err := db.SetAuditHash(hash.name); err != nil {
						t.Fatal(err)
					}
					for _, n := range []string{"u1", "u2", "u3"} {
						mustUser(t, db, store.User{Username: n, Role: auth.RoleViewer})
					}
					c, err := db.VerifyAudit(ctx)
					if err != nil || c.Rows != 3 || c.Unchained != 0 || len(c.Head) != hash.headLen {
						t.Fatalf("fresh log: %+v, %v", c, err)
					}
					openTriggers(t, db)
					if err := db.ExecForTest(ctx, tc.sql); err != nil {
						t.Fatal(err)
					}
					c, err = db.VerifyAudit(ctx)
					if !errors.Is(err, store.ErrInvalid) || c.BadID != tc.badID {
						t.Errorf("after %s: %+v, %v; want bad row %d", tc.name, c, err, tc.badID)
					}
				})
			})
		}
	}
}

// TestAuditChainSwitchesHash: rows written with SHA-256, then SM3, then
// SHA-256 again (audit_hash changed between restarts) verify as one chain.
func TestAuditChainSwitchesHash(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		newClock(db)
		for i, h := range []string{"sha256", "sm3", "sm3", "sha256"} {
			if err := db.SetAuditHash(h); err != nil {
				t.Fatal(err)
			}
			mustUser(t, db, store.User{Username: fmt.Sprintf("u%d", i), Role: auth.RoleViewer})
		}
		c, err := db.VerifyAudit(ctx)
		if err != nil || c.Rows != 4 || len(c.Head) != 64 {
			t.Fatalf("mixed log: %+v, %v", c, err)
		}
		if err := db.SetAuditHash("md5"); err == nil {
			t.Error("audit hash md5 accepted")
		}
	})
}
