package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/xlsx"
)

// crashChildEnv carries the import's arguments, separated by newlines, to
// the re-executed test binary.
const crashChildEnv = "QX_IMPORT_CRASH_CHILD"

// TestImportCrashChild is the child process of TestImportCrash: it runs
// `qiangxian import` with the arguments of crashChildEnv and exits with its
// status. Without the variable it does nothing.
func TestImportCrashChild(t *testing.T) {
	args := os.Getenv(crashChildEnv)
	if args == "" {
		t.Skip("only run as the child of TestImportCrash")
	}
	os.Exit(Run(context.Background(), strings.Split(args, "\n"), os.Stdout, os.Stderr))
}

// TestImportCrash kills `qiangxian import` of a 3,000-unit × 60-indicator
// workbook (180,000 figures) with SIGKILL at several moments — while the
// transaction is writing (the SQLite write-ahead log growing), and after
// fixed delays — then opens the database and checks that it holds the
// whole import or none of it: one revision with its 180,000 figures and its
// audit row, or no revision, no figure and no audit row.
func TestImportCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 180,000-cell workbook and imports it several times")
	}
	dir := t.TempDir()
	pristine := filepath.Join(dir, "pristine.db")
	book := filepath.Join(dir, "big.xlsx")
	bigImport(t, pristine, book)

	// A run to completion first: the import must succeed when left alone.
	whole := func(t *testing.T, db string) (bool, string) { return checkAllOrNothing(t, db) }
	db := copyDB(t, pristine, filepath.Join(dir, "complete.db"))
	cmd := crashChild(db, book)
	start := time.Now()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("import without a kill: %v\n%s", err, out)
	}
	ru, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if complete, what := whole(t, db); !complete {
		t.Fatalf("import without a kill: %s", what)
	}
	if ru != nil {
		t.Logf("import without a kill: %v wall, peak RSS %d MiB (test binary, incl. workbook read)", time.Since(start).Round(time.Millisecond), ru.Maxrss/1024)
	}

	kills := []struct {
		name string
		when func(wal string, started time.Time) bool
	}{
		{"WAL past 1 MiB", walPast(1 << 20)},
		{"WAL past 8 MiB", walPast(8 << 20)},
		{"after 0.3 s", after(300 * time.Millisecond)},
		{"after 0.9 s", after(900 * time.Millisecond)},
		{"after 1.5 s", after(1500 * time.Millisecond)},
		{"after 2.5 s", after(2500 * time.Millisecond)},
	}
	for i, k := range kills {
		t.Run(k.name, func(t *testing.T) {
			db := copyDB(t, pristine, filepath.Join(dir, fmt.Sprintf("kill%d.db", i)))
			cmd := crashChild(db, book)
			var out bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &out
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			started := time.Now()
			killed := false
		wait:
			for {
				select {
				case <-done:
					break wait
				case <-time.After(time.Millisecond):
					if k.when(db+"-wal", started) {
						cmd.Process.Signal(syscall.SIGKILL)
						<-done
						killed = true
						break wait
					}
				}
			}
			complete, what := whole(t, db)
			switch {
			case !killed:
				t.Logf("finished before the kill: %s", what)
				if !complete {
					t.Errorf("the import finished but the database holds %s\n%s", what, out.String())
				}
			default:
				t.Logf("killed after %v: the database holds %s", time.Since(started).Round(time.Millisecond), what)
			}
		})
	}
}

// walPast kills once the write-ahead log exceeds n bytes: the transaction
// is then writing pages, well before its commit.
func walPast(n int64) func(string, time.Time) bool {
	return func(wal string, _ time.Time) bool {
		fi, err := os.Stat(wal)
		return err == nil && fi.Size() > n
	}
}

func after(d time.Duration) func(string, time.Time) bool {
	return func(_ string, started time.Time) bool { return time.Since(started) >= d }
}

// crashChild returns the command that re-runs the test binary as an import
// of book into db.
func crashChild(db, book string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestImportCrashChild$", "-test.count=1")
	args := []string{"import", "--db", db, "--file", book, "--period", "2022", "--lang", "en"}
	cmd.Env = append(os.Environ(), crashChildEnv+"="+strings.Join(args, "\n"))
	return cmd
}

// checkAllOrNothing opens db (recovering it as SQLite does after a crash)
// and reports whether it holds the whole import; it fails the test when it
// holds part of it.
func checkAllOrNothing(t *testing.T, path string) (bool, string) {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	revs, err := db.Revisions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	obs, err := db.Observations(ctx, store.ObservationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	audit, err := db.AuditLog(ctx, store.AuditFilter{Entity: "revision"})
	if err != nil {
		t.Fatal(err)
	}
	what := fmt.Sprintf("%d revisions, %d figures, %d audit rows", len(revs), len(obs), len(audit))
	switch {
	case len(revs) == 0 && len(obs) == 0 && len(audit) == 0:
		return false, "nothing of the import (" + what + ")"
	case len(revs) == 1 && len(obs) == 180000 && len(audit) == 1:
		return true, "the whole import (" + what + ")"
	}
	t.Errorf("the database holds part of the import: %s", what)
	return false, what
}

// bigImport writes a migrated database with 3,000 counties and 60
// indicators to db, and the workbook of their 180,000 figures to book.
func bigImport(t *testing.T, path, book string) {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	units := []store.Unit{{Code: "620000", Name: "省", Kind: store.UnitProvince}}
	rows := [][]any{{"代码", "名称"}}
	var inds []store.Indicator
	for i := range 60 {
		code := fmt.Sprintf("x%02d", i)
		inds = append(inds, store.Indicator{Code: code, NameZH: "指标" + code, Direction: 1, Department: "统计局"})
		rows[0] = append(rows[0], code)
	}
	for p := 1; p <= 40; p++ {
		pc := fmt.Sprintf("62%02d00", p)
		units = append(units, store.Unit{Code: pc, Name: "市" + pc, Kind: store.UnitPrefecture, Parent: "620000"})
		for c := 1; c <= 75; c++ {
			cc := fmt.Sprintf("62%02d%02d", p, c)
			units = append(units, store.Unit{Code: cc, Name: "县" + cc, Kind: store.UnitCounty, Parent: pc})
			row := []any{cc, "县" + cc}
			for j := range 60 {
				row = append(row, float64((p*7919+c*104729+j*1299709)%1000000)/100)
			}
			rows = append(rows, row)
		}
	}
	a := store.Actor{Username: "setup"}
	if err := db.PutUnits(ctx, a, units); err != nil {
		t.Fatal(err)
	}
	if err := db.PutIndicators(ctx, a, inds); err != nil {
		t.Fatal(err)
	}
	if err := xlsx.WriteFile(book, []xlsx.Sheet{{Name: "数据", Rows: rows}}); err != nil {
		t.Fatal(err)
	}
}

// copyDB copies a closed SQLite database (its WAL checkpointed away on
// close) to dst.
func copyDB(t *testing.T, src, dst string) string {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	return dst
}
