package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// importDB returns the DSN of a fresh, migrated store holding a prefecture,
// two counties, two indicators of two departments and a 财政厅 account:
// a SQLite file, or a schema of TEST_POSTGRES_DSN when pg.
func importDB(t *testing.T, pg bool) string {
	t.Helper()
	dsn := filepath.Join(t.TempDir(), "q.db")
	if pg {
		url := os.Getenv("TEST_POSTGRES_DSN")
		if url == "" {
			storetest.MustOpenPostgres(t) // skips, or fails under QX_REQUIRE_POSTGRES
		}
		dsn = storetest.FreshSchema(t, url)
	}
	ctx := context.Background()
	db, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	a := store.Actor{Username: "setup"}
	if err := db.PutUnits(ctx, a, []store.Unit{
		{Code: "620100", Name: "兰州市", Kind: store.UnitPrefecture},
		{Code: "620121", Name: "永登县", Kind: store.UnitCounty, Parent: "620100"},
		{Code: "620123", Name: "榆中县", Kind: store.UnitCounty, Parent: "620100"},
	}); err != nil {
		t.Fatal(err)
	}
	if err := db.PutIndicators(ctx, a, []store.Indicator{
		{Code: "gdp", NameZH: "地区生产总值", Direction: 1, Department: "统计局"},
		{Code: "rev", NameZH: "一般公共预算收入", Direction: 1, Department: "财政厅"},
	}); err != nil {
		t.Fatal(err)
	}
	hash, err := auth.HashPassword("Caizheng-2022")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateUser(ctx, a, store.User{Username: "cz", PasswordHash: hash, Role: auth.RoleDepartment, Department: "财政厅"}); err != nil {
		t.Fatal(err)
	}
	return dsn
}

func writeFile(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestImportCommand(t *testing.T) {
	for _, pg := range []bool{false, true} {
		name := map[bool]string{false: "sqlite", true: "postgres"}[pg]
		t.Run(name, func(t *testing.T) {
			dsn := importDB(t, pg)
			good := writeFile(t, "good.csv", "代码,名称,gdp,rev\n620121,永登县,150.5,8\n620123,榆中县,200,9\n")
			bad := writeFile(t, "bad.csv", "代码,gdp,rev,gdx\n620121,1,x,\n620999,2,3,\n")
			events := writeFile(t, "events.csv", "单位代码,日期,事件类型,提供部门,文号,备注\n620121,2022-05-01,较大安全生产事故,应急管理厅,甘安委〔2022〕1号,\n")
			targets := writeFile(t, "targets.csv", "单位代码,指标,目标值\n620121,gdp,160\n")
			tests := []struct {
				name   string
				args   []string
				code   int
				stdout string
				stderr []string
			}{
				{"bad table, Chinese", []string{"--file", bad, "--period", "2022", "--lang", "zh"}, 2, "", []string{
					bad + ":1:4: 未知的列 \"gdx\"：不是指标代码或指标名称，也不是代码、名称、市州、类型、期间、备注列",
					bad + ":2:3: 应为数值，实际为 \"x\"",
					bad + ":3:1: 未知的单位代码 \"620999\"",
				}},
				{"bad table, English", []string{"--file", bad, "--period", "2022", "--lang", "en"}, 2, "", []string{
					bad + ":1:4: unknown column \"gdx\": not an indicator code or name, nor a code, name, prefecture, type, period or note column",
					bad + ":2:3: expected a number, found \"x\"",
					bad + ":3:1: unknown unit code \"620999\"",
				}},
				{"another department's figures", []string{"--file", good, "--period", "2022", "--user", "cz", "--lang", "en"}, 2, "", []string{
					good + ":1:3: indicator gdp (地区生产总值) is provided by 统计局; your account (cz department 财政厅) may not import it",
				}},
				{"unknown account", []string{"--file", good, "--period", "2022", "--user", "nobody", "--lang", "en"}, 2, "",
					[]string{`qiangxian: no account named "nobody"`}},
				{"bad kind", []string{"--file", good, "--kind", "figures", "--lang", "en"}, 2, "",
					[]string{"qiangxian: --kind must be observations, events, targets, projects or funds: figures"}},
				{"figures", []string{"--file", good, "--period", "2022", "--lang", "en"}, 0, "imported " + good + ": revision 1 (import, by cli", nil},
				{"events", []string{"--file", events, "--kind", "events", "--period", "2022", "--lang", "en"}, 0, "imported " + events + ": revision 2 (events", nil},
				{"targets", []string{"--file", targets, "--kind", "targets", "--period", "2022", "--lang", "en"}, 0, "imported " + targets + ": revision 3 (targets", nil},
			}
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					code, stdout, stderr := run(t, append([]string{"import", "--db", dsn}, tt.args...)...)
					if code != tt.code || !strings.HasPrefix(stdout, tt.stdout) {
						t.Errorf("exit %d, stdout %q; want %d, %q…\nstderr: %s", code, stdout, tt.code, tt.stdout, stderr)
					}
					var lines []string
					if s := strings.TrimSpace(stderr); s != "" {
						lines = strings.Split(s, "\n")
					}
					if d := cmp.Diff(tt.stderr, lines); d != "" {
						t.Errorf("stderr (-want +got):\n%s", d)
					}
				})
			}
			db, err := store.Open(context.Background(), dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			obs, err := db.Observations(context.Background(), store.ObservationFilter{})
			if err != nil || len(obs) != 4 {
				t.Errorf("%d figures after one good import of 4 (%v)", len(obs), err)
			}
		})
	}
}

func TestImportCommandNoDatabase(t *testing.T) {
	f := writeFile(t, "good.csv", "代码,gdp\n620121,1\n")
	missing := filepath.Join(t.TempDir(), "none.db")
	code, _, stderr := run(t, "import", "--db", missing, "--file", f, "--period", "2022", "--lang", "en")
	if code != 2 || !strings.Contains(stderr, "does not exist") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("the import created the missing database")
	}
}
