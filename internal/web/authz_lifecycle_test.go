package web_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// lifecycleMatrixCases are the run lifecycle's API actions (issue 8) for
// the callers of matrixCallers: root, ana, tjj, lz (兰州市), yz (榆中县),
// a viewer, nobody. Run "open" is in 公示 with a window around today,
// with one objection of 榆中县 and one of 崆峒区; run "notice" is in 公示
// with a window that closed ten days ago.
func lifecycleMatrixCases(f *fixture) []matrixCase {
	run := func(name, suffix string) string { return fmt.Sprintf("/api/v1/runs/%d%s", f.runs[name], suffix) }
	object := func(unit string) func(testing.TB, string) any {
		return jsonBody(map[string]string{"unit": unit, "reason": "地区生产总值口径有误", "attachment": "说明.pdf",
			"channel": "letter", "submitter_kind": "unit", "submitter": "县人民政府", "letter": "县政函〔2023〕5号"})
	}
	decide := jsonBody(map[string]any{"award": "十强县", "units": []string{"620123"}, "reference": "2023年第3次会议纪要"})
	return []matrixCase{
		{"lifecycle: read, in 公示", "GET", run("open", "/lifecycle"), nil, [7]int{ok, ok, ok, ok, ok, ok, ok}, noCount},
		{"lifecycle: read, draft", "GET", run("draft", "/lifecycle"), nil, [7]int{ok, ok, forb, forb, forb, forb, unau}, noCount},
		{"lifecycle: set the 文号 of a draft", "PUT", run("draft", "/lifecycle"), jsonBody(map[string]string{"doc_number": "甘县评办发〔2023〕1号"}),
			[7]int{ok, ok, forb, forb, forb, forb, unau}, noCount},
		{"lifecycle: set the 文号 of a published run", "PUT", run("pub-full", "/lifecycle"), jsonBody(map[string]string{"doc_number": "x"}),
			[7]int{conf, conf, forb, forb, forb, forb, unau}, noCount},
		{"lifecycle: a window ending before it starts", "PUT", run("draft", "/lifecycle"),
			jsonBody(map[string]string{"notice_start": "2023-06-08", "notice_end": "2023-06-01"}), [7]int{bad, bad, forb, forb, forb, forb, unau}, noCount},
		{"lifecycle: 公示 of a draft (not under review)", "POST", run("draft", "/notice"), jsonBody(map[string]int{"working_days": 5}),
			[7]int{conf, forb, forb, forb, forb, forb, unau}, noCount},
		{"lifecycle: a 公示 opening in the past", "POST", run("draft", "/notice"), jsonBody(map[string]string{"start": "2023-06-01"}),
			[7]int{bad, forb, forb, forb, forb, forb, unau}, noCount},
		{"lifecycle: re-run a draft", "POST", run("draft", "/rerun"), jsonBody(map[string]string{}),
			[7]int{conf, conf, forb, forb, forb, forb, unau}, noCount},
		{"objections: list in scope", "GET", run("open", "/objections"), nil, [7]int{ok, ok, ok, ok, ok, forb, unau}, [7]int{2, 2, 2, 1, 1, -1, -1}},
		{"objections: list of a published run", "GET", run("pub-full", "/objections"), nil, [7]int{ok, ok, ok, ok, ok, forb, unau}, [7]int{0, 0, 0, 0, 0, -1, -1}},
		// Objections arrive by letter or phone; the office registers them
		// (issue 12): no county, prefecture or anonymous web form.
		{"objections: register for a county", "POST", run("open", "/objections"), object("620123"),
			[7]int{made, made, forb, forb, forb, forb, unau}, noCount},
		{"objections: register for another prefecture's county", "POST", run("open", "/objections"), object("620802"),
			[7]int{made, made, forb, forb, forb, forb, unau}, noCount},
		{"objections: register an anonymous one", "POST", run("open", "/objections"),
			jsonBody(map[string]string{"unit": "620102", "reason": "x", "channel": "phone", "submitter_kind": "person", "submitter": "匿名"}),
			[7]int{bad, bad, forb, forb, forb, forb, unau}, noCount},
		{"objections: register after the 公示 window", "POST", run("notice", "/objections"), object("620123"),
			[7]int{conf, conf, forb, forb, forb, forb, unau}, noCount},
		{"objections: register for a published run", "POST", run("pub-full", "/objections"), object("620123"),
			[7]int{conf, conf, forb, forb, forb, forb, unau}, noCount},
		{"objections: register for a draft", "POST", run("draft", "/objections"), object("620123"),
			[7]int{conf, conf, forb, forb, forb, forb, unau}, noCount},
		// Ties left to the office (issue 14): decided only during review,
		// by those who move runs; the fixture's runs have no tie.
		{"decisions: decide a tie of a draft", "POST", run("draft", "/decisions"), decide, [7]int{conf, conf, forb, forb, forb, forb, unau}, noCount},
		{"decisions: decide a tie of a published run", "POST", run("pub-full", "/decisions"), decide, [7]int{conf, conf, forb, forb, forb, forb, unau}, noCount},
		{"objections: answer an unknown one", "POST", run("open", "/objections/999999/answer"), jsonBody(map[string]string{"outcome": "rejected", "answer": "经核实无误"}),
			[7]int{nf, nf, forb, forb, forb, forb, unau}, noCount},
	}
}

// TestLifecycleAuthorisation calls every API action of the run lifecycle
// as every role and scope of the matrix, on both databases.
func TestLifecycleAuthorisation(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := load(t, db)
		f.runs["open"] = f.run(t, db, auth.StateReview, auth.VisFull)
		today := store.Day(time.Now())
		if _, err := db.StartNotice(ctx, f.actorOf, f.runs["open"], today.AddDate(0, 0, -1), today.AddDate(0, 0, 5), ""); err != nil {
			t.Fatal(err)
		}
		for _, u := range []string{"620123", "620802"} {
			if _, err := db.RaiseResultObjection(ctx, f.actorOf, store.NewResultObjection{RunID: f.runs["open"], Unit: u, Reason: "复核",
				Channel: store.ChannelLetter, SubmitterKind: store.SubmitterUnit, Submitter: "县人民政府", Letter: "县政函〔2023〕1号"}); err != nil {
				t.Fatal(err)
			}
		}
		srv := start(t, db, testConfig(), webHooks())
		checked := 0
		for _, tc := range lifecycleMatrixCases(f) {
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
					r := client{t: t, base: srv.url, token: f.tokens[who]}.do(tc.method, tc.path, body)
					if r.status != tc.want[i] {
						t.Fatalf("%s %s as %s: status %d, want %d: %s", tc.method, tc.path, name, r.status, tc.want[i], r.body)
					}
					if n := tc.count[i]; n >= 0 {
						var items []map[string]any
						r.decode(t, &items)
						if len(items) != n {
							t.Errorf("%s %s as %s: %d items, want %d: %s", tc.method, tc.path, name, len(items), n, r.body)
						}
					}
				})
				checked++
			}
		}
		t.Logf("lifecycle matrix: %d checks", checked)
	})
}
