package store_test

import (
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// TestGeneration checks which changes move the change generation: every
// change of what the server shows and every revocation and logout does,
// logins, new sessions and new API tokens do not, and a failed change does
// not.
func TestGeneration(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		mustUser(t, db, store.User{Username: "yz", Role: auth.RoleCounty, Unit: "620123"})
		gen := func() int64 {
			t.Helper()
			n, err := db.Generation(ctx)
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		var tokenID int64
		var session string
		for _, c := range []struct {
			name  string
			do    func() error
			moves bool
		}{
			{"figures imported", func() error {
				_, err := db.ImportObservations(ctx, alice, store.RevisionNote{Kind: "import"}, []store.Observation{obs("620123", "gdp", "2022", 1)})
				return err
			}, true},
			{"failed login", func() error { return db.RecordLogin(ctx, "yz", "10.0.0.1", false) }, false},
			{"login", func() error { return db.RecordLogin(ctx, "yz", "10.0.0.1", true) }, false},
			{"session", func() (err error) { session, _, err = db.CreateSession(ctx, "yz"); return err }, false},
			{"logout", func() error { return db.DeleteSession(ctx, session) }, true},
			{"password check", func() error { return db.RecordPasswordCheck(ctx, "yz", "10.0.0.1", false) }, false},
			{"login throttled", func() error { return db.RecordThrottled(ctx, "login", "yz", "10.0.0.1", time.Minute) }, false},
			{"request refused", func() error {
				return db.RecordRefusal(ctx, store.Actor{Username: "yz"}, "10.0.0.1", "GET /api/v1/users", "403")
			}, false},
			{"backup", func() error { return db.RecordBackup(ctx, alice, "/tmp/x.json", 1) }, false},
			{"token created", func() error {
				_, k, err := db.CreateAPIToken(ctx, alice, "yz", "t", time.Time{})
				tokenID = k.ID
				return err
			}, false},
			{"token revoked", func() error { return db.RevokeAPIToken(ctx, alice, tokenID) }, true},
			{"refused change", func() error {
				if err := db.RevokeAPIToken(ctx, alice, 999999); err == nil {
					t.Error("revoking an unknown token succeeded")
				}
				return nil
			}, false},
			{"user disabled", func() error { return db.SetDisabled(ctx, alice, "yz", true) }, true},
		} {
			before := gen()
			if err := c.do(); err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			// A change moves the generation by exactly one.
			want := before
			if c.moves {
				want++
			}
			if got := gen(); got != want {
				t.Errorf("%s: generation %d → %d, want %d", c.name, before, got, want)
			}
		}
	})
}
