package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// syncBuffer is a buffer the server writes while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

// serveDSN is a fresh database: a SQLite path, or a schema of
// TEST_POSTGRES_DSN when pg.
func serveDSN(t *testing.T, pg bool) string {
	if !pg {
		return filepath.Join(t.TempDir(), "data", "q.db")
	}
	url := os.Getenv("TEST_POSTGRES_DSN")
	if url == "" {
		storetest.MustOpenPostgres(t) // skips, or fails under QX_REQUIRE_POSTGRES
	}
	return storetest.FreshSchema(t, url)
}

// startServe runs `qiangxian serve` on 127.0.0.1:0 until the test ends and
// returns its base URL once /healthz answers 200.
func startServe(t *testing.T, dsn string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out, errb := &syncBuffer{}, &syncBuffer{}
	done := make(chan int, 1)
	go func() {
		done <- Run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--db", dsn, "--log-level", "warn"}, out, errb)
	}()
	t.Cleanup(func() {
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("serve exited %d: %s", code, errb.String())
		}
	})
	addr := regexp.MustCompile(`http://(\S+?)（`)
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		if m := addr.FindStringSubmatch(out.String()); m != nil {
			resp, err := http.Get("http://" + m[1] + "/healthz")
			if err == nil {
				resp.Body.Close()
				if resp.StatusCode == http.StatusOK {
					return "http://" + m[1]
				}
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("serve did not become ready: %s %s", out.String(), errb.String())
	return ""
}

// token logs in through the API; "" when refused.
func token(t *testing.T, base, user, pw string) string {
	t.Helper()
	b, _ := json.Marshal(map[string]string{"username": user, "password": pw})
	resp, err := http.Post(base+"/api/v1/tokens", "application/json", bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct{ Token string }
	json.NewDecoder(resp.Body).Decode(&out)
	return out.Token
}

func getMe(t *testing.T, base, tok string) (int, string) {
	req, _ := http.NewRequest("GET", base+"/api/v1/me", nil)
	req.Header.Set("Authorization", "Bearer "+tok)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestUserAndBackupWhileServing manages accounts from the command line and
// backs the database up while `qiangxian serve` runs on it, then restores
// the backup into an empty database and finds the same records.
func TestUserAndBackupWhileServing(t *testing.T) {
	const adminPW = "Qx-Secret-2024!"
	t.Setenv("QIANGXIAN_ADMIN_PASSWORD", adminPW)
	for _, pg := range []bool{false, true} {
		name := map[bool]string{false: "sqlite", true: "postgres"}[pg]
		t.Run(name, func(t *testing.T) {
			dsn := serveDSN(t, pg)
			base := startServe(t, dsn)
			dir := t.TempDir()
			pwFile := func(pw string) string {
				p := filepath.Join(dir, "pw")
				os.WriteFile(p, []byte(pw+"\n"), 0o600)
				return p
			}
			if code, _, stderr := run(t, "user", "add", "zhang", "--role", "analyst", "--db", dsn, "--password-file", pwFile("Gansu-Pass-2024")); code != 0 {
				t.Fatalf("user add: exit %d: %s", code, stderr)
			}
			tok := token(t, base, "zhang", "Gansu-Pass-2024")
			if status, body := getMe(t, base, tok); status != 200 || !strings.Contains(body, `"analyst"`) {
				t.Fatalf("new analyst via the server: %d %s", status, body)
			}
			if code, _, stderr := run(t, "user", "add", "li", "--role", "viewer", "--db", dsn, "--password-file", pwFile("short")); code != exitUsage || !strings.Contains(stderr, "10") {
				t.Errorf("weak password: exit %d, %q: want 2 and the policy", code, stderr)
			}
			if code, _, stderr := run(t, "user", "passwd", "zhang", "--db", dsn, "--password-file", pwFile("Gansu-Pass-2025")); code != 0 {
				t.Fatalf("user passwd: exit %d: %s", code, stderr)
			}
			if status, _ := getMe(t, base, tok); status != http.StatusUnauthorized {
				t.Errorf("token from before the new password: %d, want 401", status)
			}
			if token(t, base, "zhang", "Gansu-Pass-2024") != "" {
				t.Error("the old password still logs in")
			}
			if code, _, stderr := run(t, "user", "role", "zhang", "--role", "county", "--unit", "620123", "--db", dsn); code != 0 {
				t.Fatalf("user role: exit %d: %s", code, stderr)
			}
			if status, body := getMe(t, base, token(t, base, "zhang", "Gansu-Pass-2025")); status != 200 || !strings.Contains(body, `"county"`) || !strings.Contains(body, "620123") {
				t.Errorf("after user role: %d %s", status, body)
			}
			backup := filepath.Join(dir, "backup.jsonl")
			if code, _, stderr := run(t, "backup", backup, "--db", dsn); code != 0 {
				t.Fatalf("backup while serving: exit %d: %s", code, stderr)
			}
			restored := filepath.Join(dir, "restored.db")
			if code, _, stderr := run(t, "restore", backup, "--db", restored); code != 0 {
				t.Fatalf("restore: exit %d: %s", code, stderr)
			}
			if code, _, _ := run(t, "restore", backup, "--db", restored); code == 0 {
				t.Error("restore into a database that is not empty succeeded")
			}
			compareStores(t, dsn, restored)
			checkBackupAudited(t, dsn, backup)
		})
	}
}

// checkBackupAudited expects the audit log of dsn to name the backup to
// file, taken from the command line (actor cli:…).
func checkBackupAudited(t *testing.T, dsn, file string) {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	log, err := db.AuditLog(ctx, store.AuditFilter{Entity: "database"})
	if err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(file)
	if len(log) != 1 || log[0].Action != "backup" || !strings.HasPrefix(log[0].Username, "cli") ||
		!strings.Contains(string(log[0].Detail), abs) {
		t.Errorf("the backup's audit rows: %+v, want one backup to %s by cli:…", log, abs)
	}
}

// compareStores checks that two databases hold the same accounts, runs
// and results.
func compareStores(t *testing.T, a, b string) {
	t.Helper()
	ctx := context.Background()
	type snapshot struct {
		Users   []string
		Runs    []store.Run
		Results []store.Result
	}
	snap := func(dsn string) snapshot {
		db, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		var s snapshot
		us, err := db.Users(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range us {
			s.Users = append(s.Users, u.Username+" "+string(u.Role)+" "+u.PasswordHash)
		}
		if s.Runs, err = db.Runs(ctx, store.RunFilter{}); err != nil {
			t.Fatal(err)
		}
		if len(s.Runs) == 0 {
			t.Fatal("no runs: the demo was not loaded")
		}
		if s.Results, err = db.Results(ctx, s.Runs[0].ID, store.ResultFilter{}); err != nil {
			t.Fatal(err)
		}
		return s
	}
	if diff := cmp.Diff(snap(a), snap(b), cmp.Comparer(func(x, y float64) bool { return x == y || x != x && y != y })); diff != "" {
		t.Errorf("restored database differs (-served +restored):\n%s", diff)
	}
}

// TestConfigDump shows every setting with its source applied and the
// secrets masked.
func TestConfigDump(t *testing.T) {
	t.Setenv("QIANGXIAN_ADMIN_PASSWORD", "Very-Secret-2024")
	t.Setenv("QIANGXIAN_IDLE_TIMEOUT", "45m")
	file := filepath.Join(t.TempDir(), "qx.toml")
	os.WriteFile(file, []byte("addr = \"0.0.0.0:9000\"\nidle_timeout = \"10m\"\ndb = \"postgres://qx:pw123@db:5432/qx\"\n"), 0o600)
	code, out, stderr := run(t, "config", "dump", "--config", file, "--addr", "127.0.0.1:9999")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{`addr = "127.0.0.1:9999"`, `idle_timeout = "45m0s"`, `admin_password = "********"`, `db = "postgres://qx:xxxxx@db:5432/qx"`} {
		if !strings.Contains(out, want) {
			t.Errorf("dump lacks %s:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Very-Secret") || strings.Contains(out, "pw123") {
		t.Errorf("dump shows a secret:\n%s", out)
	}
	if code, _, _ := run(t, "config", "dump", "--idle-timeout", "5s"); code != exitUsage {
		t.Errorf("an idle timeout of 5s: exit %d, want %d", code, exitUsage)
	}
}
