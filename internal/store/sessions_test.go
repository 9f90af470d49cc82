package store_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// clock is a settable clock for the store.
type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }
func newClock(db *store.DB) *clock {
	c := &clock{day(2024, 3, 1).Add(9 * time.Hour)}
	db.SetClock(c.now)
	return c
}
func mustUser(t *testing.T, db *store.DB, u store.User) store.User {
	t.Helper()
	if u.PasswordHash == "" {
		u.PasswordHash = "$argon2id$test"
	}
	u, err := db.CreateUser(ctx, alice, u)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestUsers(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		mustUser(t, db, store.User{Username: "yz", Role: auth.RoleCounty, Unit: "620123", DisplayName: "榆中县统计局"})
		mustUser(t, db, store.User{Username: "tjj", Role: auth.RoleDepartment, Department: "统计局"})
		for name, u := range map[string]store.User{
			"county without unit":      {Username: "a", Role: auth.RoleCounty},
			"county with unknown unit": {Username: "b", Role: auth.RoleCounty, Unit: "999999"},
			"unknown role":             {Username: "c", Role: "boss"},
			"space in name":            {Username: "d e", Role: auth.RoleViewer},
		} {
			if _, err := db.CreateUser(ctx, alice, store.User{Username: u.Username, Role: u.Role, Unit: u.Unit, PasswordHash: "h"}); !errors.Is(err, store.ErrInvalid) {
				t.Errorf("%s: %v, want ErrInvalid", name, err)
			}
		}
		if _, err := db.CreateUser(ctx, alice, store.User{Username: "yz", Role: auth.RoleViewer, PasswordHash: "h"}); !errors.Is(err, store.ErrConflict) {
			t.Errorf("taken username: %v, want ErrConflict", err)
		}
		u, err := db.User(ctx, "yz")
		if err != nil || u.Principal() != (auth.User{Name: "yz", Role: auth.RoleCounty, Unit: "620123"}) || u.DisplayName != "榆中县统计局" {
			t.Errorf("User(yz) = %+v, %v", u, err)
		}
		if err := db.SetRole(ctx, alice, "yz", auth.RolePrefecture, "", "620100"); err != nil {
			t.Fatal(err)
		}
		if u, _ := db.User(ctx, "yz"); u.Role != auth.RolePrefecture || u.Unit != "620100" {
			t.Errorf("after SetRole: %+v", u)
		}
		if err := db.SetPassword(ctx, alice, "nobody", "h"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("SetPassword(nobody) = %v, want ErrNotFound", err)
		}
		if n, err := db.CountUsers(ctx); err != nil || n != 2 {
			t.Errorf("CountUsers = %d, %v", n, err)
		}
		audit, _ := db.AuditLog(ctx, store.AuditFilter{Entity: "user", EntityID: "yz"})
		for _, e := range audit {
			if d := string(e.Detail); strings.Contains(d, "argon2id") || strings.Contains(d, "password_hash") {
				t.Errorf("audit row %s leaks the password hash", e.Detail)
			}
		}
	})
}

func TestSessions(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		c := newClock(db)
		mustUser(t, db, store.User{Username: "yz", Role: auth.RoleCounty, Unit: "620123"})
		const idle = 30 * time.Minute
		token, s, err := db.CreateSession(ctx, "yz")
		if err != nil {
			t.Fatal(err)
		}
		if s.TokenHash != auth.HashToken(token) || s.TokenHash == token {
			t.Error("the session is not stored by the hash of its token")
		}
		if u, err := db.SessionUser(ctx, token, idle); err != nil || u.Username != "yz" {
			t.Fatalf("SessionUser = %+v, %v", u, err)
		}
		// Activity within the timeout keeps the session alive past it.
		for range 3 {
			c.advance(20 * time.Minute)
			if _, err := db.SessionUser(ctx, token, idle); err != nil {
				t.Fatalf("active session after %v: %v", c.t.Sub(s.CreatedAt), err)
			}
		}
		c.advance(idle + time.Second)
		if _, err := db.SessionUser(ctx, token, idle); !errors.Is(err, store.ErrExpired) {
			t.Errorf("idle session: %v, want ErrExpired", err)
		}
		if _, err := db.SessionUser(ctx, token, idle); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("expired session is not deleted: %v", err)
		}
		if _, err := db.SessionUser(ctx, "forged", idle); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("unknown token: %v, want ErrNotFound", err)
		}
		// Logout, and a password change ending every session.
		t1, _, _ := db.CreateSession(ctx, "yz")
		t2, _, _ := db.CreateSession(ctx, "yz")
		if err := db.DeleteSession(ctx, t1); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SessionUser(ctx, t1, idle); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("after logout: %v", err)
		}
		if err := db.SetPassword(ctx, store.Actor{Username: "yz"}, "yz", "$argon2id$new"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SessionUser(ctx, t2, idle); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("session survived a password change: %v", err)
		}
		// Housekeeping removes idle sessions nobody presents again.
		db.CreateSession(ctx, "yz")
		c.advance(2 * idle)
		if n, err := db.DeleteIdleSessions(ctx, store.System, idle); err != nil || n != 1 {
			t.Errorf("DeleteIdleSessions = %d, %v; want 1", n, err)
		}
		if err := db.SetDisabled(ctx, alice, "yz", true); err != nil {
			t.Fatal(err)
		}
		if _, _, err := db.CreateSession(ctx, "yz"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("session for a disabled user: %v, want ErrNotFound", err)
		}
	})
}

// TestSessionSharedBetweenStores is what lets replicas stay stateless: a
// session created through one pool is valid through another.
func TestSessionSharedBetweenStores(t *testing.T) {
	path := t.TempDir() + "/shared.db"
	a, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if err := a.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	mustUser(t, a, store.User{Username: "v", Role: auth.RoleViewer})
	token, _, err := a.CreateSession(ctx, "v")
	if err != nil {
		t.Fatal(err)
	}
	b, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if u, err := b.SessionUser(ctx, token, time.Hour); err != nil || u.Username != "v" {
		t.Errorf("second store: %+v, %v", u, err)
	}
}

func TestAPITokens(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		c := newClock(db)
		mustUser(t, db, store.User{Username: "admin", Role: auth.RoleAdmin})
		token, k, err := db.CreateAPIToken(ctx, alice, "admin", "ci", c.t.Add(24*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		u, got, err := db.APITokenUser(ctx, token)
		if err != nil || u.Username != "admin" || got.ID != k.ID || !got.ExpiresAt.Equal(k.ExpiresAt) {
			t.Fatalf("APITokenUser = %+v, %+v, %v", u, got, err)
		}
		c.advance(25 * time.Hour)
		if _, _, err := db.APITokenUser(ctx, token); !errors.Is(err, store.ErrExpired) {
			t.Errorf("expired token: %v, want ErrExpired", err)
		}
		forever, k2, err := db.CreateAPIToken(ctx, alice, "admin", "", time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := db.APITokenUser(ctx, forever); err != nil {
			t.Errorf("token without expiry: %v", err)
		}
		if err := db.RevokeAPIToken(ctx, alice, k2.ID); err != nil {
			t.Fatal(err)
		}
		if _, _, err := db.APITokenUser(ctx, forever); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("revoked token: %v, want ErrNotFound", err)
		}
		ks, err := db.APITokens(ctx, "admin")
		if err != nil || len(ks) != 2 || !ks[0].Revoked || ks[1].LastUsed.IsZero() {
			t.Errorf("APITokens = %+v, %v", ks, err)
		}
	})
}

// TestLoginThrottleCounts records attempts and reads them back per pair
// and per address.
func TestLoginThrottleCounts(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		c := newClock(db)
		start := c.t
		for range 3 { // admin at .1 fails at start+1 s, +2 s, +3 s
			c.advance(time.Second)
			if err := db.RecordLogin(ctx, "admin", "10.0.0.1", false); err != nil {
				t.Fatal(err)
			}
		}
		last := c.t
		c.advance(time.Second)
		db.RecordLogin(ctx, "other", "10.0.0.1", false)         // +4 s: the address's 4th failure
		db.RecordLogin(ctx, "admin", "10.0.0.2", true)          // another pair's success
		db.RecordPasswordCheck(ctx, "admin", "10.0.0.9", false) // another pair
		h, err := db.LoginHistoryOf(ctx, "admin", "10.0.0.1", start, start)
		if want := (store.LoginHistory{PairFailures: 3, LastFailure: last.UTC(), RemoteFailures: 4}); err != nil || h != want {
			t.Errorf("LoginHistoryOf = %+v, %v; want %+v", h, err, want)
		}
		// Since start+2 s: the pair's failures at +2 s and +3 s; the
		// address's since +3 s: +3 s and +4 s.
		h, _ = db.LoginHistoryOf(ctx, "admin", "10.0.0.1", start.Add(2*time.Second), start.Add(3*time.Second))
		if h.PairFailures != 2 || h.RemoteFailures != 2 {
			t.Errorf("with horizons: %+v, want 2 and 2", h)
		}
		c.advance(time.Second)
		db.RecordLogin(ctx, "admin", "10.0.0.1", true) // the pair's success clears its failures
		h, _ = db.LoginHistoryOf(ctx, "admin", "10.0.0.1", start, start)
		if h.PairFailures != 0 || !h.LastFailure.IsZero() || h.RemoteFailures != 4 {
			t.Errorf("after the pair's success: %+v; want 0 pair failures, 4 from the address", h)
		}
		if err := db.RecordThrottled(ctx, "login", "admin", "10.0.0.1", 1500*time.Millisecond); err != nil {
			t.Fatal(err)
		}
		audit, _ := db.AuditLog(ctx, store.AuditFilter{Username: "admin"})
		var actions []string
		for _, e := range audit {
			actions = append(actions, e.Action)
		}
		want := []string{"login_failed", "login_failed", "login_failed", "login_ok", "password_check_failed", "login_ok", "login_throttled"}
		if diff := cmp.Diff(want, actions); diff != "" {
			t.Errorf("login audit (-want +got):\n%s", diff)
		}
		if d := string(audit[len(audit)-1].Detail); !strings.Contains(d, `"wait_seconds":2`) || !strings.Contains(d, "10.0.0.1") {
			t.Errorf("throttled detail %s, want the address and 2 s (1.5 s rounded)", d)
		}
	})
}

// TestAuditRefusalAndBackup writes the audit rows of a refused request and
// of a backup.
func TestAuditRefusalAndBackup(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		if err := db.RecordRefusal(ctx, store.Actor{}, "10.0.0.7", "POST /api/v1/runs", "not allowed"); err != nil {
			t.Fatal(err)
		}
		if err := db.RecordBackup(ctx, store.Actor{Username: "cli:ops"}, "/var/backups/q.json", 1234); err != nil {
			t.Fatal(err)
		}
		audit, err := db.AuditLog(ctx, store.AuditFilter{})
		if err != nil || len(audit) < 2 {
			t.Fatalf("audit %+v, %v", audit, err)
		}
		r, b := audit[len(audit)-2], audit[len(audit)-1]
		if r.Username != "(anonymous)" || r.Action != "refused" || r.EntityID != "POST /api/v1/runs" || !strings.Contains(string(r.Detail), "10.0.0.7") {
			t.Errorf("refusal row %+v (%s)", r, r.Detail)
		}
		if b.Username != "cli:ops" || b.Action != "backup" || !strings.Contains(string(b.Detail), `"bytes":1234`) {
			t.Errorf("backup row %+v (%s)", b, b.Detail)
		}
	})
}
