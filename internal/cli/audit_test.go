package cli

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/qiangxian/qiangxian/internal/store" // the sqlite driver
)

// TestUserAuditVerify: `audit verify` passes on the log that `user`
// commands wrote and exits 1 naming the row once one is edited behind the
// store's back (triggers dropped first, as the database owner could).
func TestUserAuditVerify(t *testing.T) {
	dsn := filepath.Join(t.TempDir(), "qx.db")
	if code, _, stderr := run(t, "migrate", "--db", dsn); code != 0 {
		t.Fatalf("migrate: exit %d: %s", code, stderr)
	}
	t.Setenv("QIANGXIAN_PASSWORD", "Lanzhou-2024a")
	for _, n := range []string{"qian", "sun"} {
		if code, _, stderr := run(t, "user", "add", n, "--role", "viewer", "--db", dsn); code != 0 {
			t.Fatalf("user add %s: exit %d: %s", n, code, stderr)
		}
	}
	code, stdout, stderr := run(t, "audit", "verify", "--db", dsn, "--lang", "en")
	if code != 0 || !strings.Contains(stdout, "audit log intact: 2 rows, 0 of them") || !strings.Contains(stdout, "head hash: ") {
		t.Fatalf("intact log: exit %d, %q, %q", code, stdout, stderr)
	}
	// The raw file, through the SQLite driver the store registers.
	raw, err := sql.Open("sqlite", dsn)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`DROP TRIGGER audit_log_append_only_u`, `UPDATE audit_log SET username = 'nobody' WHERE id = 2`} {
		if _, err := raw.ExecContext(context.Background(), q); err != nil {
			t.Fatal(err)
		}
	}
	raw.Close()
	if code, _, stderr := run(t, "audit", "verify", "--db", dsn); code != exitError || !strings.Contains(stderr, "第 2 行") {
		t.Errorf("edited row: exit %d, %q; want 1 naming row 2", code, stderr)
	}
	if code, _, _ := run(t, "audit", "--db", dsn); code != exitUsage {
		t.Errorf("audit without verify: exit %d, want 2", code)
	}
}
