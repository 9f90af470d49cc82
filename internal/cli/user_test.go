package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/store"
)

// TestUserPasswordPolicyAndTOTP: `user passwd` refuses a password of the
// history, --reset makes the next login change it, and `user totp` prints
// the otpauth URI of the secret it stored (once) and --remove ends it.
func TestUserPasswordPolicyAndTOTP(t *testing.T) {
	dir := t.TempDir()
	dsn := filepath.Join(dir, "qx.db")
	if code, _, stderr := run(t, "migrate", "--db", dsn); code != 0 {
		t.Fatalf("migrate: exit %d: %s", code, stderr)
	}
	pwFile := func(pw string) string {
		p := filepath.Join(dir, "pw-"+pw)
		os.WriteFile(p, []byte(pw+"\n"), 0o600)
		return p
	}
	steps := []struct {
		name string
		args []string
		code int
		out  string // in stdout (code 0) or stderr
	}{
		{"add", []string{"user", "add", "zhao", "--role", "analyst", "--password-file", pwFile("Lanzhou-2024a")}, 0, "zhao"},
		{"same password again", []string{"user", "passwd", "zhao", "--password-file", pwFile("Lanzhou-2024a")}, exitUsage, "5"},
		{"new password", []string{"user", "passwd", "zhao", "--password-file", pwFile("Lanzhou-2024b")}, 0, "zhao"},
		{"first password again, still in the last 5", []string{"user", "passwd", "zhao", "--password-file", pwFile("Lanzhou-2024a")}, exitUsage, "5"},
		{"too short for min length 14 from the config", []string{"user", "passwd", "zhao", "--config", filepath.Join(dir, "qx.toml"), "--password-file", pwFile("Lanzhou-2024c")}, exitUsage, "14"},
		{"admin reset", []string{"user", "passwd", "zhao", "--reset", "--password-file", pwFile("Lanzhou-2024d")}, 0, "zhao"},
	}
	os.WriteFile(filepath.Join(dir, "qx.toml"), []byte("password_min_length = 14\n"), 0o600)
	for _, s := range steps {
		code, stdout, stderr := run(t, append(s.args, "--db", dsn)...)
		got := stdout
		if s.code != 0 {
			got = stderr
		}
		if code != s.code || !strings.Contains(got, s.out) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want %d and %q", s.name, code, stdout, stderr, s.code, s.out)
		}
	}
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if u, err := db.User(context.Background(), "zhao"); err != nil || !u.MustChangePassword {
		t.Errorf("after --reset: must change %v, %v", u.MustChangePassword, err)
	}
	code, stdout, stderr := run(t, "user", "totp", "zhao", "--db", dsn)
	secret, _ := db.TOTPSecret(context.Background(), "zhao")
	if code != 0 || secret == "" || !strings.Contains(stdout, "otpauth://totp/qiangxian:zhao?") || !strings.Contains(stdout, "secret="+secret) {
		t.Errorf("user totp: exit %d, %q, %q; stored secret %q", code, stdout, stderr, secret)
	}
	if code, _, stderr := run(t, "user", "totp", "zhao", "--remove", "--db", dsn); code != 0 {
		t.Errorf("user totp --remove: exit %d: %s", code, stderr)
	}
	if secret, _ := db.TOTPSecret(context.Background(), "zhao"); secret != "" {
		t.Errorf("secret %q after --remove", secret)
	}
}

// TestUserUsage: `user --help` prints the usage and succeeds; a missing
// user name or an unknown sub-command is a usage error that says what is
// wrong, before any database is opened.
func TestUserUsage(t *testing.T) {
	dsn := filepath.Join(t.TempDir(), "never.db")
	cases := []struct {
		name string
		args []string
		code int
		out  string
	}{
		{"help", []string{"user", "--help"}, 0, "user add"},
		{"missing name", []string{"user", "add", "--role", "viewer", "--db", dsn}, exitUsage, "缺少用户名"},
		{"missing name in English", []string{"user", "passwd", "--lang", "en", "--db", dsn}, exitUsage, "missing the user name"},
		{"unknown sub-command", []string{"user", "remove", "zhao", "--db", dsn}, exitUsage, "user list"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := run(t, c.args...)
			got := stdout
			if c.code != 0 {
				got = stderr
			}
			if code != c.code || !strings.Contains(got, c.out) || strings.Contains(stderr, "应有") {
				t.Errorf("exit %d, stdout %q, stderr %q; want %d and %q", code, stdout, stderr, c.code, c.out)
			}
		})
	}
	if _, err := os.Stat(dsn); !os.IsNotExist(err) {
		t.Errorf("a usage error created the database: %v", err)
	}
}
