package store_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// fill puts a bit of everything into db, including a published run.
func fill(t *testing.T, db *store.DB) {
	t.Helper()
	_, r := newRun(t, db)
	if _, err := db.AddAttribute(ctx, alice, store.UnitAttribute{Unit: "620123", Name: "type", Value: "农业优先型", FromYear: 2021}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.RecordChange(ctx, alice, store.UnitChange{Kind: store.ChangeRecode, From: "620121", To: "620122", Effective: day(2020, 1, 1)}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ImportObservations(ctx, alice, store.RevisionNote{Kind: "correction", Source: "x.xlsx", Note: "复核"}, []store.Observation{
		obs("620123", "gdp", "2022", 1.0000000000000002), obs("620821", "rev", "2023-M03", math.NaN())}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.RecordEvents(ctx, alice, store.RevisionNote{Kind: "events"}, []store.Event{
		{Unit: "620123", Date: day(2022, 5, 3), Type: "veto", Document: "文号", Points: math.NaN()}}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ImportTargets(ctx, alice, store.RevisionNote{Kind: "targets"}, []store.Target{{Unit: "620123", Indicator: "gdp", Period: "2023", Value: 5}}); err != nil {
		t.Fatal(err)
	}
	if err := db.PutResults(ctx, alice, r.ID, results); err != nil {
		t.Fatal(err)
	}
	storetest.Advance(t, db, alice, r.ID, auth.StatePublished)
	mustUser(t, db, store.User{Username: "yz", Role: auth.RoleCounty, Unit: "620123"})
	if _, _, err := db.CreateSession(ctx, "yz"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.CreateAPIToken(ctx, alice, "yz", "t", time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if err := db.RecordLogin(ctx, "yz", "127.0.0.1", true); err != nil {
		t.Fatal(err)
	}
}

// tables splits a backup into its tables' rows (the header dropped).
func tables(t *testing.T, b []byte) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 1<<24)
	table := ""
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "[") {
			out[table] = append(out[table], line)
			continue
		}
		var h struct{ Table string }
		json.Unmarshal([]byte(line), &h)
		table = h.Table
	}
	return out
}

func TestBackupRestore(t *testing.T) {
	for kinds := range store.DumpTableKindsForTest() {
		if n := store.DumpTableKindsForTest()[kinds]; n[0] != n[1] {
			t.Fatalf("backup table %s: %d columns, %d kinds", kinds, n[0], n[1])
		}
	}
	open := map[string]func(testing.TB) *store.DB{"sqlite": storetest.MustOpen, "postgres": storetest.MustOpenPostgres}
	for _, pair := range [][2]string{{"sqlite", "sqlite"}, {"postgres", "postgres"}, {"sqlite", "postgres"}, {"postgres", "sqlite"}} {
		t.Run(pair[0]+"→"+pair[1], func(t *testing.T) {
			src := open[pair[0]](t)
			dst := open[pair[1]](t)
			fill(t, src)
			var b1 bytes.Buffer
			if err := src.Backup(ctx, &b1); err != nil {
				t.Fatal(err)
			}
			if err := dst.Restore(ctx, store.System, bytes.NewReader(b1.Bytes())); err != nil {
				t.Fatal(err)
			}
			var b2 bytes.Buffer
			if err := dst.Backup(ctx, &b2); err != nil {
				t.Fatal(err)
			}
			want, got := tables(t, b1.Bytes()), tables(t, b2.Bytes())
			if n := len(got["audit_log"]); n != len(want["audit_log"])+1 || !strings.Contains(got["audit_log"][n-1], `"restore"`) {
				t.Errorf("restored audit log: %d rows (want %d and a restore row)", n, len(want["audit_log"])+1)
			} else {
				got["audit_log"] = got["audit_log"][:n-1]
			}
			if len(want["observations"]) != 3 || len(want["run_results"]) != 3 {
				t.Errorf("backup holds %d figures, %d results", len(want["observations"]), len(want["run_results"]))
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("restored data differs (-backup +restored):\n%s", diff)
			}
			// The restored run is published and guarded; new rows get fresh ids.
			if err := dst.PutResults(ctx, alice, 1, results); !errors.Is(err, store.ErrImmutable) {
				t.Errorf("restored published run: PutResults = %v, want ErrImmutable", err)
			}
			if err := dst.ExecForTest(ctx, `DELETE FROM run_results`); !errors.Is(err, store.ErrImmutable) {
				t.Errorf("restored published run: trigger lets a DELETE through: %v", err)
			}
			rev, err := dst.ImportObservations(ctx, alice, store.RevisionNote{Kind: "import"}, []store.Observation{obs("620122", "gdp", "2022", 3)})
			if err != nil || rev.ID != 5 {
				t.Errorf("import after restore: revision %d, %v; want 5", rev.ID, err)
			}
			if _, err := dst.CreateUser(ctx, alice, store.User{Username: "new", Role: auth.RoleViewer, PasswordHash: "h"}); err != nil {
				t.Errorf("user after restore: %v", err)
			}
			// A second restore into the now full database is refused.
			if err := dst.Restore(ctx, store.System, bytes.NewReader(b1.Bytes())); !errors.Is(err, store.ErrConflict) {
				t.Errorf("restore into a full database: %v, want ErrConflict", err)
			}
		})
	}
}

func TestRestoreRefusesDamagedBackups(t *testing.T) {
	src := storetest.MustOpen(t)
	fill(t, src)
	var b bytes.Buffer
	if err := src.Backup(ctx, &b); err != nil {
		t.Fatal(err)
	}
	full := b.String()
	lines := strings.SplitAfter(full, "\n")
	cases := map[string]string{
		"not a backup":  "{}\n",
		"truncated":     strings.Join(lines[:len(lines)/2], ""),
		"row dropped":   strings.Join(append(append([]string{}, lines[:5]...), lines[6:]...), ""),
		"unknown table": strings.Replace(full, `"table":"units"`, `"table":"unicorns"`, 1),
	}
	for name, text := range cases {
		dst := storetest.MustOpen(t)
		if err := dst.Restore(ctx, store.System, strings.NewReader(text)); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("%s: %v, want ErrInvalid", name, err)
		}
		if n, _ := dst.CountUsers(ctx); n != 0 {
			t.Errorf("%s: a failed restore left %d users", name, n)
		}
	}
}
