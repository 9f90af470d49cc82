package store_test

import (
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// TestPasswordHistoryAndReset: each new password pushes the old hash into
// the history, newest first; an administrator's reset makes the next login
// change it, the user's own change clears that.
func TestPasswordHistoryAndReset(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		c := newClock(db)
		mustUser(t, db, store.User{Username: "li", Role: auth.RoleAnalyst, PasswordHash: "h1"})
		c.advance(time.Hour)
		if err := db.ResetPassword(ctx, alice, "li", "h2"); err != nil {
			t.Fatal(err)
		}
		u, err := db.User(ctx, "li")
		if err != nil || !u.MustChangePassword || u.PasswordHash != "h2" {
			t.Fatalf("after reset: %+v, %v", u, err)
		}
		c.advance(time.Hour)
		if err := db.SetPassword(ctx, store.Actor{Username: "li"}, "li", "h3"); err != nil {
			t.Fatal(err)
		}
		if u, _ = db.User(ctx, "li"); u.MustChangePassword {
			t.Error("her own change kept MustChangePassword")
		}
		for _, c := range []struct {
			n    int
			want []string
		}{
			{0, nil},
			{1, []string{"h3"}},
			{2, []string{"h3", "h2"}},
			{5, []string{"h3", "h2", "h1"}},
		} {
			got, err := db.PasswordHistory(ctx, "li", c.n)
			if err != nil || len(got) != len(c.want) {
				t.Errorf("PasswordHistory(%d) = %v, %v; want %v", c.n, got, err, c.want)
				continue
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Errorf("PasswordHistory(%d) = %v, want %v", c.n, got, c.want)
				}
			}
		}
	})
}

// TestTOTPEnrolment: a secret is stored, a time step is accepted once and
// never an earlier one, and removal leaves no secret.
func TestTOTPEnrolment(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		newClock(db)
		mustUser(t, db, store.User{Username: "wang", Role: auth.RoleAdmin})
		if s, err := db.TOTPSecret(ctx, "wang"); err != nil || s != "" {
			t.Fatalf("before enrolment: %q, %v", s, err)
		}
		if err := db.SetTOTP(ctx, alice, "wang", "JBSWY3DPEHPK3PXP"); err != nil {
			t.Fatal(err)
		}
		if s, err := db.TOTPSecret(ctx, "wang"); err != nil || s != "JBSWY3DPEHPK3PXP" {
			t.Fatalf("secret %q, %v", s, err)
		}
		for _, c := range []struct {
			step int64
			ok   bool
		}{{100, true}, {100, false}, {99, false}, {101, true}} {
			if ok, err := db.UseTOTPStep(ctx, "wang", c.step); err != nil || ok != c.ok {
				t.Errorf("UseTOTPStep(%d) = %v, %v; want %v", c.step, ok, err, c.ok)
			}
		}
		if err := db.RemoveTOTP(ctx, alice, "wang"); err != nil {
			t.Fatal(err)
		}
		if s, _ := db.TOTPSecret(ctx, "wang"); s != "" {
			t.Errorf("secret %q after removal", s)
		}
	})
}
