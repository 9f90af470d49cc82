package web_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
	"github.com/qiangxian/qiangxian/internal/web"
)

// TestHealthz: 503 (and every other route 503) until the database is
// migrated and seeded, 200 after.
func TestHealthz(t *testing.T) {
	db := storetest.MustOpen(t)
	s := web.New(db, testConfig(), web.Hooks{Logger: quiet})
	hs := httptest.NewServer(s.Handler())
	defer hs.Close()
	for _, path := range []string{"/healthz", "/api/v1/units"} {
		resp, err := http.Get(hs.URL + path)
		must(t, err)
		resp.Body.Close()
		if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" {
			t.Errorf("GET %s before start: %d, want 503 with Retry-After", path, resp.StatusCode)
		}
	}
	srv := start(t, db, testConfig(), webHooks())
	r := client{t: t, base: srv.url}.do("GET", "/healthz", nil)
	if r.status != http.StatusOK || !strings.Contains(string(r.body), `"ok"`) {
		t.Errorf("GET /healthz when ready: %d %s", r.status, r.body)
	}
}

// routePattern finds the patterns registered in routes.go.
var routePattern = regexp.MustCompile(`"(GET|POST|PUT|DELETE|PATCH) (/api/v1/[^"]*)"`)

// TestOpenAPIListsEveryRoute compares the /api/v1 routes of routes.go with
// the operations of the served OpenAPI document, both ways.
func TestOpenAPIListsEveryRoute(t *testing.T) {
	src, err := os.ReadFile("routes.go")
	must(t, err)
	var routes []string
	for _, m := range routePattern.FindAllStringSubmatch(string(src), -1) {
		routes = append(routes, strings.ToLower(m[1])+" "+m[2])
	}
	if len(routes) < 30 {
		t.Fatalf("found only %d routes in routes.go: is the pattern stale?", len(routes))
	}
	srv := start(t, storetest.MustOpen(t), testConfig(), webHooks())
	r := client{t: t, base: srv.url}.do("GET", "/api/v1/openapi.json", nil)
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	r.decode(t, &doc)
	if !strings.HasPrefix(doc.OpenAPI, "3.1") {
		t.Errorf("openapi = %q, want 3.1.x", doc.OpenAPI)
	}
	var documented []string
	for path, ops := range doc.Paths {
		for method := range ops {
			documented = append(documented, method+" "+path)
		}
	}
	slices.Sort(routes)
	slices.Sort(documented)
	if diff := cmp.Diff(routes, documented); diff != "" {
		t.Errorf("routes.go (-) and openapi.json (+) differ:\n%s", diff)
	}
}

// TestErrorsInTheCallersLanguage: Chinese by default, English on
// Accept-Language or ?lang=, the same code either way.
func TestErrorsInTheCallersLanguage(t *testing.T) {
	srv := start(t, storetest.MustOpen(t), testConfig(), webHooks())
	tests := []struct {
		path, acceptLanguage, want string
	}{
		{"/api/v1/me", "", "请先登录"},
		{"/api/v1/me", "en-GB,en;q=0.9", "please log in"},
		{"/api/v1/me?lang=en", "zh-CN", "please log in"},
		{"/api/v1/me?lang=zh", "en", "请先登录"},
		{"/api/v1/nothing", "en", "not found"},
	}
	for _, tt := range tests {
		t.Run(tt.path+" "+tt.acceptLanguage, func(t *testing.T) {
			c := client{t: t, base: srv.url, hdr: http.Header{}}
			if tt.acceptLanguage != "" {
				c.hdr.Set("Accept-Language", tt.acceptLanguage)
			}
			var e struct {
				Error struct{ Code, Message string }
			}
			c.do("GET", tt.path, nil).decode(t, &e)
			if !strings.Contains(e.Error.Message, tt.want) || e.Error.Code == "" {
				t.Errorf("error %+v, want a code and a message containing %q", e.Error, tt.want)
			}
		})
	}
}

// TestImportReportsEveryCell uploads a table with several bad cells: 422
// with each at its place, and nothing imported.
func TestImportReportsEveryCell(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := load(t, db)
		srv := start(t, db, testConfig(), webHooks())
		c := client{t: t, base: srv.url, token: f.tokens["tjj"], hdr: http.Header{"Accept-Language": {"en"}}}
		before, err := db.LatestRevision(ctx)
		must(t, err)
		r := c.do("POST", "/api/v1/observations", upload(t, "bad.csv", "代码,gdp\n620123,abc\n999999,1\n620802,2\n", map[string]string{"period": "2022"}))
		var e struct {
			Error struct {
				Code    string
				Details []struct{ Place, Message string }
			}
		}
		r.decode(t, &e)
		if r.status != http.StatusUnprocessableEntity || e.Error.Code != "unprocessable" || len(e.Error.Details) != 2 {
			t.Fatalf("status %d, body %s: want 422 with two details", r.status, r.body)
		}
		if e.Error.Details[0].Place != "bad.csv:2:2" || e.Error.Details[1].Place != "bad.csv:3:1" {
			t.Errorf("places %q, %q: want bad.csv:2:2 and bad.csv:3:1", e.Error.Details[0].Place, e.Error.Details[1].Place)
		}
		after, err := db.LatestRevision(ctx)
		must(t, err)
		if after != before {
			t.Errorf("a rejected import made revision %d", after)
		}
	})
}

// TestResultRows checks the long format of GET /runs/{id}/results as the
// checks read it: unit, node, score, rank, awards, with null for missing.
func TestResultRows(t *testing.T) {
	db := storetest.MustOpen(t)
	f := load(t, db)
	srv := start(t, db, testConfig(), webHooks())
	var rows []map[string]any
	r := client{t: t, base: srv.url}.do("GET", "/api/v1/runs/"+itoa(f.runs["pub-full"])+"/results?node=index", nil)
	r.decode(t, &rows)
	if len(rows) != 3 {
		t.Fatalf("%d rows: %s", len(rows), r.body)
	}
	want := map[string]any{"unit": "620802", "node": "index", "level": 2.0, "score": 90.0, "rank": 1.0, "group": "",
		"group_rank": nil, "vetoed": false, "awards": []any{"十强县"}, "period": "2022", "rank_change": nil}
	if diff := cmp.Diff(want, rows[0]); diff != "" {
		t.Errorf("first row (-want +got):\n%s", diff)
	}
	again := client{t: t, base: srv.url}.do("GET", "/api/v1/runs/"+itoa(f.runs["pub-full"])+"/results?node=index", nil)
	if !bytes.Equal(r.body, again.body) {
		t.Error("a published run's cached results differ from the first answer")
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// TestBootstrapAdmin starts on an empty database without a configured
// password: the generated one is printed once and logs in; a second start
// prints nothing.
func TestBootstrapAdmin(t *testing.T) {
	db := storetest.MustOpen(t)
	cfg := testConfig()
	cfg.AdminPassword = ""
	var out bytes.Buffer
	srv := start(t, db, cfg, web.Hooks{Out: &out})
	m := regexp.MustCompile(`\(shown once\): (\S+)\n$`).FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("no generated password printed: %q", out.String())
	}
	r := client{t: t, base: srv.url}.do("POST", "/api/v1/tokens", map[string]string{"username": "admin", "password": m[1]})
	if r.status != http.StatusCreated {
		t.Fatalf("login with the printed password: %d %s", r.status, r.body)
	}
	out.Reset()
	start(t, db, cfg, web.Hooks{Out: &out})
	if out.Len() > 0 {
		t.Errorf("second start printed %q", out.String())
	}
}
