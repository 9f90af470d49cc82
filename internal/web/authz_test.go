package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// The callers of the matrix, in the order of want: administrator, analyst,
// 统计局's provider, 兰州市's reviewer, 榆中县's user, a viewer, nobody.
var matrixCallers = []string{"root", "ana", "tjj", "lz", "yz", "v", ""}

// Short names of the statuses, to keep the table readable.
const (
	ok   = http.StatusOK
	made = http.StatusCreated
	none = http.StatusNoContent
	bad  = http.StatusBadRequest
	unau = http.StatusUnauthorized
	forb = http.StatusForbidden
	nf   = http.StatusNotFound
	conf = http.StatusConflict
	unpr = http.StatusUnprocessableEntity
)

// matrixCase is one endpoint and action, with the status each caller must
// get and, for lists, how many items (-1: not checked).
type matrixCase struct {
	name   string
	method string
	path   string
	body   func(t testing.TB, caller string) any
	want   [7]int
	count  [7]int
}

var noCount = [7]int{-1, -1, -1, -1, -1, -1, -1}

func jsonBody(v any) func(testing.TB, string) any { return func(testing.TB, string) any { return v } }

func csvUpload(content string) func(testing.TB, string) any {
	return func(t testing.TB, _ string) any {
		return upload(t, "figures.csv", content, map[string]string{"period": "2022"})
	}
}

func matrixCases(f *fixture) []matrixCase {
	run := func(name, suffix string) string { return fmt.Sprintf("/api/v1/runs/%d%s", f.runs[name], suffix) }
	statusBody := func(unit string) func(testing.TB, string) any {
		return jsonBody(map[string]any{"status": "confirmed", "note": "核对无误",
			"figures": []map[string]string{{"unit": unit, "indicator": "gdp", "period": "2022"}}})
	}
	event := func(dept string) func(testing.TB, string) any {
		return jsonBody(map[string]any{"events": []map[string]any{{"unit": "620123", "date": "2022-05-01",
			"type": "较大安全生产事故", "department": dept, "document": "甘安委〔2022〕1号", "points": -1}}})
	}
	c := []matrixCase{
		{"catalogue: list counties", "GET", "/api/v1/units?kind=county", nil, [7]int{ok, ok, ok, ok, ok, ok, ok}, [7]int{3, 3, 3, 3, 3, 3, 3}},
		{"catalogue: one unit", "GET", "/api/v1/units/620123", nil, [7]int{ok, ok, ok, ok, ok, ok, ok}, noCount},
		{"catalogue: write units", "PUT", "/api/v1/units", jsonBody([]map[string]string{{"code": "620123", "name": "榆中县", "kind": "county", "parent": "620100"}}),
			[7]int{ok, ok, forb, forb, forb, forb, unau}, noCount},
		{"catalogue: declare a county's types", "PUT", "/api/v1/units/620123/types", jsonBody(map[string]any{"year": 2024, "types": []string{"农业优先型"}}),
			[7]int{ok, ok, forb, forb, forb, forb, unau}, noCount},
		{"catalogue: a unit's history", "GET", "/api/v1/units/620123/history", nil, [7]int{ok, ok, ok, ok, ok, ok, ok}, noCount},
		{"catalogue: record a code change", "POST", "/api/v1/unit-changes", jsonBody(map[string]string{"kind": "recode", "from": "620123", "to": "620102", "effective": "2024-01-01"}),
			[7]int{201, 201, forb, forb, forb, forb, unau}, noCount},
		{"catalogue: list indicators", "GET", "/api/v1/indicators", nil, [7]int{ok, ok, ok, ok, ok, ok, ok}, [7]int{2, 2, 2, 2, 2, 2, 2}},
		{"catalogue: one indicator", "GET", "/api/v1/indicators/gdp", nil, [7]int{ok, ok, ok, ok, ok, ok, ok}, noCount},
		{"catalogue: write indicators", "PUT", "/api/v1/indicators", jsonBody([]map[string]any{{"code": "gdp", "name_zh": "地区生产总值", "direction": 1, "department": "统计局"}}),
			[7]int{ok, ok, forb, forb, forb, forb, unau}, noCount},
		{"catalogue: periods", "GET", "/api/v1/periods", nil, [7]int{ok, ok, ok, ok, ok, ok, ok}, noCount},

		{"figures: read in scope", "GET", "/api/v1/observations?period=2022", nil,
			[7]int{ok, ok, ok, ok, ok, forb, unau}, [7]int{6, 6, 3, 4, 2, -1, -1}},
		{"figures: another prefecture's county", "GET", "/api/v1/observations?unit=620802", nil,
			[7]int{ok, ok, ok, forb, forb, forb, unau}, [7]int{2, 2, 1, -1, -1, -1, -1}},
		{"figures: another county of the same prefecture", "GET", "/api/v1/observations?unit=620102", nil,
			[7]int{ok, ok, ok, ok, forb, forb, unau}, [7]int{2, 2, 1, 2, -1, -1, -1}},
		{"figures: another department's indicator", "GET", "/api/v1/observations?indicator=fiscal", nil,
			[7]int{ok, ok, forb, ok, ok, forb, unau}, [7]int{3, 3, -1, 2, 1, -1, -1}},
		{"figures: import own department's indicator", "POST", "/api/v1/observations", csvUpload("代码,gdp\n620123,120.5\n620802,130\n"),
			[7]int{made, made, made, forb, forb, forb, unau}, noCount},
		{"figures: import another department's indicator", "POST", "/api/v1/observations", csvUpload("代码,fiscal\n620123,12\n"),
			[7]int{made, made, forb, forb, forb, forb, unau}, noCount},
		{"figures: confirm own county's", "POST", "/api/v1/observations/status", statusBody("620123"),
			[7]int{made, forb, forb, made, made, forb, unau}, noCount},
		{"figures: confirm another prefecture's county", "POST", "/api/v1/observations/status", statusBody("620802"),
			[7]int{made, forb, forb, forb, forb, forb, unau}, noCount},
		{"figures: revisions", "GET", "/api/v1/revisions", nil, [7]int{ok, ok, forb, forb, forb, forb, unau}, noCount},
		{"figures: one revision", "GET", "/api/v1/revisions/1", nil, [7]int{ok, ok, forb, forb, forb, forb, unau}, noCount},

		{"events: read", "GET", "/api/v1/events", nil, [7]int{ok, ok, ok, ok, ok, forb, unau}, noCount},
		{"events: record own department's", "POST", "/api/v1/events", event("统计局"), [7]int{made, made, made, forb, forb, forb, unau}, noCount},
		{"events: record another department's", "POST", "/api/v1/events", event("应急管理厅"), [7]int{made, made, forb, forb, forb, forb, unau}, noCount},

		{"methods: list", "GET", "/api/v1/methods", nil, [7]int{ok, ok, forb, forb, forb, forb, unau}, noCount},
		{"methods: one", "GET", fmt.Sprintf("/api/v1/methods/%d", f.method), nil, [7]int{ok, ok, forb, forb, forb, forb, unau}, noCount},
		{"methods: store an invalid one", "POST", "/api/v1/methods", jsonBody(map[string]string{"name": "x", "version": "1", "toml": "title = "}),
			[7]int{unpr, unpr, forb, forb, forb, forb, unau}, noCount},

		{"runs: list", "GET", "/api/v1/runs", nil, [7]int{ok, ok, ok, ok, ok, ok, ok}, [7]int{5, 5, 4, 4, 4, 4, 4}},
		{"runs: draft", "GET", run("draft", ""), nil, [7]int{ok, ok, forb, forb, forb, forb, unau}, noCount},
		// The public reads a run from its 公示 on, and a published notice
		// whatever its visibility (which removes rows, not the document).
		{"runs: in 公示", "GET", run("notice", ""), nil, [7]int{ok, ok, ok, ok, ok, ok, ok}, noCount},
		{"runs: published, visibility none", "GET", run("pub-none", ""), nil, [7]int{ok, ok, ok, ok, ok, ok, ok}, noCount},
		{"runs: published, visibility winners", "GET", run("pub-winners", ""), nil, [7]int{ok, ok, ok, ok, ok, ok, ok}, noCount},
		{"runs: history in 公示", "GET", run("notice", "/history"), nil, [7]int{ok, ok, ok, ok, ok, ok, ok}, noCount},
		{"runs: compute (unknown method)", "POST", "/api/v1/runs", jsonBody(map[string]any{"method": 99999, "period": "2022"}),
			[7]int{nf, nf, forb, forb, forb, forb, unau}, noCount},
		{"runs: skip a state", "POST", run("draft", "/transitions"), jsonBody(map[string]string{"state": "objections"}),
			[7]int{conf, conf, forb, forb, forb, forb, unau}, noCount},
		// The role is checked first: opening the 公示 is the office head's.
		{"runs: analyst opens a 公示", "POST", run("draft", "/transitions"), jsonBody(map[string]string{"state": "notice"}),
			[7]int{conf, forb, forb, forb, forb, forb, unau}, noCount},
		{"runs: move a published run", "POST", run("pub-full", "/transitions"), jsonBody(map[string]string{"state": "draft"}),
			[7]int{conf, conf, forb, forb, forb, forb, unau}, noCount},
		{"runs: set visibility of a draft", "PUT", run("draft", "/visibility"), jsonBody(map[string]string{"visibility": "none"}),
			[7]int{ok, ok, forb, forb, forb, forb, unau}, noCount},
		{"runs: set visibility of a published run", "PUT", run("pub-full", "/visibility"), jsonBody(map[string]string{"visibility": "none"}),
			[7]int{conf, conf, forb, forb, forb, forb, unau}, noCount},

		{"results: draft", "GET", run("draft", "/results"), nil, [7]int{ok, ok, forb, forb, forb, forb, unau}, [7]int{3, 3, -1, -1, -1, -1, -1}},
		{"results: in 公示", "GET", run("notice", "/results"), nil, [7]int{ok, ok, ok, ok, ok, ok, ok}, [7]int{3, 3, 3, 3, 3, 3, 3}},
		{"results: published, visibility none", "GET", run("pub-none", "/results"), nil, [7]int{ok, ok, ok, ok, ok, ok, ok}, [7]int{3, 3, 3, 2, 1, 0, 0}},
		{"results: published, visibility winners", "GET", run("pub-winners", "/results"), nil, [7]int{ok, ok, ok, ok, ok, ok, ok}, [7]int{3, 3, 3, 3, 2, 1, 1}},
		{"results: published, visibility full", "GET", run("pub-full", "/results"), nil, [7]int{ok, ok, ok, ok, ok, ok, ok}, [7]int{3, 3, 3, 3, 3, 3, 3}},

		{"accounts: me", "GET", "/api/v1/me", nil, [7]int{ok, ok, ok, ok, ok, ok, unau}, noCount},
		{"accounts: own tokens", "GET", "/api/v1/tokens", nil, [7]int{ok, ok, ok, ok, ok, ok, unau}, [7]int{1, 1, 1, 1, 1, 1, -1}},
		{"accounts: revoke an unknown token", "DELETE", "/api/v1/tokens/999999", nil, [7]int{nf, nf, nf, nf, nf, nf, unau}, noCount},
		{"accounts: list", "GET", "/api/v1/users", nil, [7]int{ok, ok, ok, ok, ok, ok, unau}, [7]int{len(fixtureUsers), 1, 1, 1, 1, 1, -1}},
		{"accounts: a county user's", "GET", "/api/v1/users/yz", nil, [7]int{ok, forb, forb, forb, ok, forb, unau}, noCount},
		{"accounts: create", "POST", "/api/v1/users", func(_ testing.TB, caller string) any {
			return map[string]string{"username": "new-" + caller, "password": "Another-Pass-99", "role": "viewer"}
		}, [7]int{made, forb, forb, forb, forb, forb, unau}, noCount},
		{"accounts: change a role", "PUT", "/api/v1/users/spare/role", jsonBody(map[string]string{"role": "viewer"}),
			[7]int{ok, forb, forb, forb, forb, forb, unau}, noCount},
		{"accounts: set another's password", "PUT", "/api/v1/users/spare/password", jsonBody(map[string]string{"password": "Other-Pass-2025"}),
			[7]int{none, forb, forb, forb, forb, forb, unau}, noCount},
		{"accounts: re-enable", "PUT", "/api/v1/users/spare/disabled", jsonBody(map[string]bool{"disabled": false}),
			[7]int{none, forb, forb, forb, forb, forb, unau}, noCount},
		{"audit: export", "GET", "/api/v1/audit?limit=5", nil, [7]int{ok, forb, forb, forb, forb, forb, unau}, [7]int{5, -1, -1, -1, -1, -1, -1}},
		{"audit: export as CSV", "GET", "/api/v1/audit?format=csv&limit=5", nil, [7]int{ok, forb, forb, forb, forb, forb, unau}, noCount},
		{"meta: OpenAPI document", "GET", "/api/v1/openapi.json", nil, [7]int{ok, ok, ok, ok, ok, ok, ok}, noCount},
	}
	return c
}

// TestAuthorisationMatrix calls every API endpoint and action as every
// role and scope and checks the status each gets, and for lists how much
// each sees.
func TestAuthorisationMatrix(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := load(t, db)
		srv := start(t, db, testConfig(), webHooks())
		checked := 0
		for _, tc := range matrixCases(f) {
			for i, who := range matrixCallers {
				name := who
				if name == "" {
					name = "anonymous"
				}
				t.Run(tc.name+"/"+name, func(t *testing.T) {
					var body any
					if tc.body != nil {
						body = tc.body(t, name)
					}
					c := client{t: t, base: srv.url, token: f.tokens[who]}
					r := c.do(tc.method, tc.path, body)
					if r.status != tc.want[i] {
						t.Fatalf("%s %s as %s: status %d, want %d: %s", tc.method, tc.path, name, r.status, tc.want[i], r.body)
					}
					if r.status >= 400 {
						var e struct {
							Error struct{ Code, Message string }
						}
						if json.Unmarshal(r.body, &e); e.Error.Code == "" || e.Error.Message == "" {
							t.Errorf("error body %s lacks code or message", r.body)
						}
					}
					if n := tc.count[i]; n >= 0 {
						var items []json.RawMessage
						r.decode(t, &items)
						if len(items) != n {
							t.Errorf("%s %s as %s: %d items, want %d: %s", tc.method, tc.path, name, len(items), n, r.body)
						}
					}
				})
				checked++
			}
		}
		t.Logf("authorisation matrix: %d endpoint/actions × %d callers = %d checks", len(matrixCases(f)), len(matrixCallers), checked)
	})
}
