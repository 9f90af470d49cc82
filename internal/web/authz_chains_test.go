package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/chain"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// loadChains adds to the fixture a chain whose lead department is 统计局
// (so that tjj is of its 专班) with a target in 榆中县 and one in 崆峒区.
func loadChains(t *testing.T, db *store.DB, a store.Actor) (id, yz, kt int64) {
	t.Helper()
	id, err := db.SaveChain(ctx, a, store.Chain{Code: "TST", Name: "测试产业链", LeaderPost: "副省长", LeadDept: "统计局",
		Rules: chain.DefaultRules, Places: []string{"620123"}, Nodes: []chain.Node{
			{Code: "N1", Name: "上游节点", Segment: chain.Upstream, Industries: []string{"C33"}},
			{Code: "N2", Name: "下游节点", Segment: chain.Downstream, Industries: []string{"C34"}, Inputs: []string{"N1"}}}})
	must(t, err)
	add := func(county, name string) int64 {
		tg, err := db.AddChainTarget(ctx, a, store.ChainTarget{ChainID: id, Node: "N2", County: county, Name: name}, 20240101, "")
		must(t, err)
		return tg.ID
	}
	return id, add("620123", "示例榆中目标"), add("620802", "示例崆峒目标")
}

// TestAuthorisationMatrixChains: chain pages and their API are public;
// the editor is the 专班's (tjj, of the lead department) and the
// province's, a new chain the province's; targets are internal — a county
// reads and writes its own, 兰州市's reviewer reads her counties', the
// 专班 and the province all, a viewer none; a target out of reach is not
// found.
func TestAuthorisationMatrixChains(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := load(t, db)
		id, yz, kt := loadChains(t, db, f.actorOf)
		srv := start(t, db, testConfig(), webHooks())
		// One fresh target in 榆中县 and one in 崆峒区 per caller, to move.
		fresh := map[string][2]int64{}
		for _, who := range matrixCallers {
			var pair [2]int64
			for i, county := range []string{"620123", "620802"} {
				tg, err := db.AddChainTarget(ctx, f.actorOf, store.ChainTarget{ChainID: id, Node: "N1", County: county,
					Name: "示例" + who + county}, 20240101, "")
				must(t, err)
				pair[i] = tg.ID
			}
			fresh[who] = pair
		}
		save := map[string]any{"code": "TST", "name": "测试产业链", "lead_dept": "统计局", "rules": map[string]any{"min_local": 2},
			"nodes": []map[string]any{{"code": "N1", "name": "上游节点", "segment": "上游", "industries": []string{"C33"}},
				{"code": "N2", "name": "下游节点", "segment": "下游", "industries": []string{"C34"}}}}
		newTarget := map[string]any{"node": "N1", "county": "620123", "name": "示例新目标", "day": "2024-05-01"}
		// Callers: root, ana, tjj (专班), lz (兰州市), yz (榆中县), v, anonymous.
		cases := []struct {
			name, method, path string
			body               func(who string) any
			want               [7]int
			count              [7]int // list lengths, -1 unchecked
		}{
			{"chain list", "GET", "/invest/chains", nil, [7]int{ok, ok, ok, ok, ok, ok, ok}, none7},
			{"chain page", "GET", fmt.Sprintf("/invest/chains/%d", id), nil, [7]int{ok, ok, ok, ok, ok, ok, ok}, none7},
			{"chain map export", "GET", fmt.Sprintf("/invest/chains/%d/map.xlsx", id), nil, [7]int{ok, ok, ok, ok, ok, ok, ok}, none7},
			{"API chains", "GET", "/api/v1/chains", nil, [7]int{ok, ok, ok, ok, ok, ok, ok}, [7]int{1, 1, 1, 1, 1, 1, 1}},
			{"API chain", "GET", fmt.Sprintf("/api/v1/chains/%d", id), nil, [7]int{ok, ok, ok, ok, ok, ok, ok}, none7},
			{"editor", "GET", fmt.Sprintf("/invest/chains/%d/edit", id), nil, [7]int{ok, ok, ok, forb, forb, forb, seeOther}, none7},
			{"new chain", "GET", "/invest/chains/new", nil, [7]int{ok, ok, forb, forb, forb, forb, seeOther}, none7},
			{"API save", "POST", "/api/v1/chains", func(string) any { return save }, [7]int{ok, ok, ok, forb, forb, forb, unau}, none7},
			{"targets page", "GET", "/invest/targets", nil, [7]int{ok, ok, ok, ok, ok, forb, seeOther}, none7},
			{"target in 榆中县", "GET", fmt.Sprintf("/invest/targets/%d", yz), nil, [7]int{ok, ok, ok, ok, ok, nf, seeOther}, none7},
			{"target in 崆峒区", "GET", fmt.Sprintf("/invest/targets/%d", kt), nil, [7]int{ok, ok, ok, nf, nf, nf, seeOther}, none7},
			// 2 + 14 fresh targets; 兰州市 and 榆中县 read the 榆中县 ones: 1 + 7.
			{"API targets", "GET", fmt.Sprintf("/api/v1/chains/%d/targets", id), nil, [7]int{ok, ok, ok, ok, ok, forb, unau},
				[7]int{16, 16, 16, 8, 8, -1, -1}},
			{"API add a target in 榆中县", "POST", fmt.Sprintf("/api/v1/chains/%d/targets", id), func(string) any { return newTarget },
				[7]int{made, made, made, forb, made, forb, unau}, none7},
			{"API move a target in 榆中县", "POST", "", func(string) any { return map[string]any{"status": "联系", "day": "2024-06-01"} },
				[7]int{ok, ok, ok, forb, ok, nf, unau}, none7},
			{"API move a target in 崆峒区", "POST", "", func(string) any { return map[string]any{"status": "联系", "day": "2024-06-01"} },
				[7]int{ok, ok, ok, nf, nf, nf, unau}, none7},
		}
		for _, tc := range cases {
			for i, who := range matrixCallers {
				name := who
				if name == "" {
					name = "anonymous"
				}
				t.Run(tc.name+"/"+name, func(t *testing.T) {
					path := tc.path
					if strings.HasPrefix(tc.name, "API move") {
						k := 0
						if strings.HasSuffix(tc.name, "崆峒区") {
							k = 1
						}
						path = fmt.Sprintf("/api/v1/chains/targets/%d/moves", fresh[who][k])
					}
					var body any
					if tc.body != nil {
						body = tc.body(who)
					}
					r := client{t: t, base: srv.url, token: f.tokens[who]}.do(tc.method, path, body)
					if r.status != tc.want[i] {
						t.Fatalf("%s %s as %s: status %d, want %d: %s", tc.method, path, name, r.status, tc.want[i], r.body)
					}
					if n := tc.count[i]; n >= 0 {
						var list []map[string]any
						r.decode(t, &list)
						if len(list) != n {
							t.Errorf("%s as %s: %d items, want %d", path, name, len(list), n)
						}
					}
				})
			}
		}
		// The public page never shows a target's name.
		if r := (client{t: t, base: srv.url}).do("GET", fmt.Sprintf("/invest/chains/%d", id), nil); strings.Contains(string(r.body), "示例榆中目标") {
			t.Errorf("the public chain page shows a target")
		}
		if r := (client{t: t, base: srv.url}).do("GET", fmt.Sprintf("/invest/chains/%d?place=620100", id), nil); r.status != http.StatusOK {
			t.Errorf("the chain page of 兰州市: %d", r.status)
		}
	})
}

// none7 marks a case whose body is not counted.
var none7 = [7]int{-1, -1, -1, -1, -1, -1, -1}
