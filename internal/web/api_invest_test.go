package web_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/cli"
	"github.com/qiangxian/qiangxian/internal/ingest"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
	"github.com/qiangxian/qiangxian/internal/table"
)

const investExamples = "../../examples/invest"

// loadInvest imports the example ledger as the command line's import does.
func loadInvest(t *testing.T, db *store.DB) {
	t.Helper()
	admin := auth.User{Name: "fixture", Role: auth.RoleAdmin}
	for _, k := range []struct {
		file string
		do   func(*table.Table) error
	}{
		{"projects.csv", func(tb *table.Table) error {
			_, err := ingest.ImportInvestProjects(ctx, db, store.Actor{Username: "fixture"}, admin, tb, ingest.Options{})
			return err
		}},
		{"funds.csv", func(tb *table.Table) error {
			_, err := ingest.ImportInvestFunds(ctx, db, store.Actor{Username: "fixture"}, admin, tb, ingest.Options{})
			return err
		}},
	} {
		f, err := os.Open(filepath.Join(investExamples, k.file))
		must(t, err)
		tb, err := table.Read(k.file, f)
		f.Close()
		must(t, err)
		must(t, k.do(tb))
	}
}

// TestInvestMetricsCLIAndServer: GET /api/v1/invest/metrics gives, cell for
// cell, what `qiangxian invest metrics` writes for the same ledger.
func TestInvestMetricsCLIAndServer(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := load(t, db)
		loadInvest(t, db)
		srv := start(t, db, testConfig(), webHooks())
		c := client{t: t, base: srv.url, token: f.tokens["ana"]}
		for _, q := range []map[string]string{
			{"level": "county", "from": "2024-01", "to": "2024-12", "cohort": "第三十届兰洽会"},
			{"level": "county", "from": "2024-01", "to": "2024-06", "county_scope": "county", "cohort_year": "2024"},
			{"level": "prefecture", "from": "2023-07", "to": "2024-12", "overdue_months": "3"},
			{"level": "province", "from": "2024-01", "to": "2024-12", "cohort": "第三十届兰洽会"},
			{"level": "zone", "from": "2024-01", "to": "2024-12", "cohort_year": "2024"},
		} {
			t.Run(fmt.Sprint(q), func(t *testing.T) {
				out := filepath.Join(t.TempDir(), "m.csv")
				args := []string{"invest", "metrics", "--projects", investExamples + "/projects.csv", "--funds", investExamples + "/funds.csv", "--out", out}
				v := url.Values{}
				for k, val := range q {
					v.Set(k, val)
					args = append(args, "--"+strings.ReplaceAll(k, "_", "-"), val) // the flag of each query parameter
				}
				var stderr bytes.Buffer
				if code := cli.Run(ctx, args, &bytes.Buffer{}, &stderr); code != 0 {
					t.Fatalf("cli: %d %s", code, stderr.String())
				}
				b, err := os.ReadFile(out)
				must(t, err)
				want, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
				must(t, err)

				r := c.do("GET", "/api/v1/invest/metrics?"+v.Encode(), nil)
				if r.status != 200 {
					t.Fatalf("%d %s", r.status, r.body)
				}
				var got struct {
					Columns []string         `json:"columns"`
					Rows    []map[string]any `json:"rows"`
				}
				r.decode(t, &got)
				cells := [][]string{got.Columns}
				for _, row := range got.Rows {
					var line []string
					for _, col := range got.Columns {
						switch x := row[col].(type) {
						case nil:
							line = append(line, "")
						case string:
							line = append(line, x)
						case float64:
							line = append(line, table.FormatNumber(x))
						}
					}
					cells = append(cells, line)
				}
				if diff := cmp.Diff(want, cells); diff != "" {
					t.Errorf("(-cli +server):\n%s", diff)
				}
			})
		}
	})
}

// TestInvestMetricsAuthz: who reads which places, and who records stages.
func TestInvestMetricsAuthz(t *testing.T) {
	db := storetest.MustOpen(t)
	f := load(t, db)
	loadInvest(t, db)
	srv := start(t, db, testConfig(), webHooks())
	get := func(who, query string) (int, int) {
		r := client{t: t, base: srv.url, token: f.tokens[who]}.do("GET", "/api/v1/invest/metrics?"+query, nil)
		var body struct {
			Rows []map[string]any `json:"rows"`
		}
		if r.status == 200 {
			r.decode(t, &body)
		}
		return r.status, len(body.Rows)
	}
	const county = "level=county&from=2024-01&to=2024-12"
	for _, c := range []struct {
		who, query string
		status     int
		rows       int
	}{
		{"ana", county, 200, 3},
		{"root", county, 200, 3},
		{"tjj", county, 200, 3},
		{"v", county, 200, 3},
		{"", county, 401, 0},
		{"lz", county, 200, 0}, // 兰州市 has no project in the example ledger
		{"lz", "level=province&from=2024-01&to=2024-12", 403, 0},
		{"yz", county, 200, 0},
		{"yz", "level=prefecture&from=2024-01&to=2024-12", 403, 0},
		{"ana", "level=city&from=2024-01&to=2024-12", 400, 0},
		{"ana", "level=county&from=2024-1&to=2024-12", 400, 0},
		{"ana", county + "&cohort=x&cohort_year=2024", 400, 0},
	} {
		if st, n := get(c.who, c.query); st != c.status || n != c.rows {
			t.Errorf("%s %s: %d with %d rows, want %d with %d", c.who, c.query, st, n, c.status, c.rows)
		}
	}
	post := func(who, id, stage string) int {
		return client{t: t, base: srv.url, token: f.tokens[who]}.do("POST", "/api/v1/invest/projects/"+id+"/stages",
			map[string]string{"stage": stage, "day": "2024-08-01"}).status
	}
	for _, c := range []struct {
		who, id, stage string
		status         int
	}{
		{"", "SL-2024-002", "注册", 401},
		{"v", "SL-2024-002", "注册", 403},
		{"yz", "SL-2024-002", "注册", 403}, // 榆中县's user, a project of 古浪县
		{"ana", "NOPE", "注册", 404},
		{"ana", "SL-2024-002", "注册", 201},
		{"ana", "SL-2024-002", "洽谈", 409}, // backwards
		{"ana", "SL-2024-002", "完成", 400},
	} {
		if st := post(c.who, c.id, c.stage); st != c.status {
			t.Errorf("%s %s → %s: %d, want %d", c.who, c.id, c.stage, st, c.status)
		}
	}
}
