package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/gm"
	"github.com/qiangxian/qiangxian/internal/store"
)

// TestBackupSM4: with backup_key set, the backup is SM4-encrypted (no
// username readable in it) and restores only with that key: without a key
// and with another key nothing is restored (the same empty database then
// takes the restore with the right key).
func TestBackupSM4(t *testing.T) {
	dir := t.TempDir()
	src, dst := filepath.Join(dir, "src.db"), filepath.Join(dir, "dst.db")
	pw := filepath.Join(dir, "pw")
	os.WriteFile(pw, []byte("Gansu-Pass-2024\n"), 0o600)
	conf := func(name, key string) string {
		p := filepath.Join(dir, name+".toml")
		os.WriteFile(p, []byte("backup_key = \""+key+"\"\naudit_hash = \"sm3\"\n"), 0o600)
		return p
	}
	right := conf("right", "0123456789abcdeffedcba9876543210")
	wrong := conf("wrong", "0123456789abcdeffedcba9876543211")
	none := filepath.Join(dir, "none.toml")
	os.WriteFile(none, nil, 0o600)

	if code, _, stderr := run(t, "migrate", "--db", src); code != 0 {
		t.Fatalf("migrate: exit %d: %s", code, stderr)
	}
	if code, _, stderr := run(t, "user", "add", "zhangsan", "--role", "analyst", "--db", src, "--config", right, "--password-file", pw); code != 0 {
		t.Fatalf("user add: exit %d: %s", code, stderr)
	}
	backup := filepath.Join(dir, "backup.qx")
	if code, _, stderr := run(t, "backup", backup, "--db", src, "--config", right); code != 0 {
		t.Fatalf("backup: exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(backup)
	if err != nil {
		t.Fatal(err)
	}
	if !gm.IsEncrypted(b) || bytes.Contains(b, []byte("zhangsan")) || bytes.Contains(b, []byte("qiangxian_backup")) {
		t.Fatalf("backup is not encrypted: %.80q", b)
	}
	if fi, _ := os.Stat(backup); fi.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v, want 0600", fi.Mode().Perm())
	}
	for _, tc := range []struct{ name, config, want string }{
		{"no key", none, "backup_key"},
		{"wrong key", wrong, "backup_key"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := run(t, "restore", backup, "--db", dst, "--config", tc.config)
			if code == 0 || !strings.Contains(stderr, tc.want) {
				t.Errorf("restore with %s: exit %d, %q", tc.name, code, stderr)
			}
		})
	}
	if code, _, stderr := run(t, "restore", backup, "--db", dst, "--config", right); code != 0 {
		t.Fatalf("restore with the key: exit %d: %s", code, stderr)
	}
	db, err := store.Open(context.Background(), dst)
	if err != nil {
		t.Fatal(err)
	}
	u, err := db.User(context.Background(), "zhangsan")
	db.Close()
	if err != nil || u.Role != auth.RoleAnalyst {
		t.Errorf("restored account: %+v, %v", u, err)
	}
	// The SM3-chained audit log (audit_hash = "sm3") of both verifies.
	for _, db := range []string{src, dst} {
		if code, out, stderr := run(t, "audit", "verify", "--db", db, "--config", right); code != 0 || !strings.Contains(out, "sm3:") {
			t.Errorf("audit verify %s: exit %d, %s %s", db, code, out, stderr)
		}
	}
}
