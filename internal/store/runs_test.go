package store_test

import (
	"time"

	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// newRun seeds the store and creates a draft run of a method over 2022.
func newRun(t *testing.T, db *store.DB) (store.Method, store.Run) {
	t.Helper()
	seed(t, db)
	if _, err := db.ImportObservations(ctx, alice, store.RevisionNote{Kind: "import"}, []store.Observation{obs("620123", "gdp", "2022", 1)}); err != nil {
		t.Fatal(err)
	}
	m, err := db.AddMethod(ctx, alice, "甘肃县域", "2021.1", "[method]\nname = \"gansu\"\n")
	if err != nil {
		t.Fatal(err)
	}
	r, err := db.CreateRun(ctx, alice, store.NewRun{MethodID: m.ID, Period: "2022", Params: json.RawMessage(`{"b": 1, "a": [1, 2]}`)})
	if err != nil {
		t.Fatal(err)
	}
	return m, r
}

// results are in the order Results returns them: by node, group, rank.
var results = []store.Result{
	{Unit: "620121", Node: "Index", Level: 3, Score: 0.1 + 0.2, Rank: 2, GroupRank: math.NaN(), Vetoed: true, Period: "2022", RankChange: math.NaN()},
	{Unit: "620821", Node: "Index", Level: 3, Score: math.NaN(), Rank: math.NaN(), GroupRank: math.NaN(), Period: "2022", RankChange: -3},
	{Unit: "620123", Node: "Index", Level: 3, Score: 81.123456789012345, Rank: 1, Group: "农业优先型", GroupRank: 1,
		Awards: []string{"十强县", "先进县"}, Period: "2022", RankChange: 24},
}

func TestRunLifecycle(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		m, r := newRun(t, db)
		if r.State != auth.StateDraft || r.Visibility != auth.VisNone || r.Revision != 1 || string(r.Params) != `{"a":[1,2],"b":1}` {
			t.Errorf("new run = %+v", r)
		}
		if r.Hash != store.RunHash(m.Hash, 1, json.RawMessage(`{"a":[1,2],"b":1}`)) {
			t.Error("run hash is not the hash of method, revision and canonical parameters")
		}
		if err := db.PutResults(ctx, alice, r.ID, results); err != nil {
			t.Fatal(err)
		}
		// Results come back bit for bit (NaN compared as equal).
		got, err := db.Results(ctx, r.ID, store.ResultFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(results, got, cmpopts.EquateNaNs(), cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("results (-put +got):\n%s", diff)
		}
		winners, _ := db.Results(ctx, r.ID, store.ResultFilter{WinnersOnly: true})
		if len(winners) != 1 || winners[0].Unit != "620123" || len(winners[0].Awards) != 2 {
			t.Errorf("winners = %+v", winners)
		}
		// Skipping a state is refused; each step forward and a send-back are allowed.
		if _, err := db.Transition(ctx, alice, r.ID, auth.StateNotice, ""); !errors.Is(err, store.ErrConflict) {
			t.Errorf("draft → notice: %v, want ErrConflict", err)
		}
		steps := []auth.RunState{auth.StateReview, auth.StateDraft, auth.StateReview, auth.StateNotice, auth.StateObjections, auth.StateApproved}
		for _, s := range steps[:3] {
			if _, err := db.Transition(ctx, alice, r.ID, s, "ok"); err != nil {
				t.Fatalf("→ %s: %v", s, err)
			}
		}
		storetest.Advance(t, db, alice, r.ID, auth.StateObjections)
		if _, err := db.Approve(ctx, store.Actor{Username: "boss"}, r.ID, store.NewApproval{Meeting: store.MeetingExecutive,
			MinuteNo: "第12次", Date: time.Now()}); err != nil {
			t.Fatal(err)
		}
		// Results can only be written in draft.
		if err := db.PutResults(ctx, alice, r.ID, results[2:]); !errors.Is(err, store.ErrConflict) {
			t.Errorf("PutResults in approved: %v, want ErrConflict", err)
		}
		if err := db.SetVisibility(ctx, alice, r.ID, auth.VisFull); err != nil {
			t.Fatal(err)
		}
		pub, err := db.Transition(ctx, store.Actor{Username: "boss"}, r.ID, auth.StatePublished, "领导小组批准")
		if err != nil || pub.State != auth.StatePublished {
			t.Fatalf("publish: %+v, %v", pub, err)
		}
		hist, err := db.RunHistory(ctx, r.ID)
		if err != nil || len(hist) != len(steps)+1 || hist[len(hist)-1].Username != "boss" || hist[len(hist)-1].From != auth.StateApproved {
			t.Errorf("history = %+v, %v", hist, err)
		}
		// Published: the store refuses every change.
		for name, err := range map[string]error{
			"results":    db.PutResults(ctx, alice, r.ID, results),
			"visibility": db.SetVisibility(ctx, alice, r.ID, auth.VisNone),
			"transition": func() error { _, err := db.Transition(ctx, alice, r.ID, auth.StateDraft, ""); return err }(),
		} {
			if !errors.Is(err, store.ErrImmutable) {
				t.Errorf("%s on a published run: %v, want ErrImmutable", name, err)
			}
		}
		// And so does the database, whatever path a change takes.
		for _, q := range []string{
			`UPDATE runs SET visibility = 'none'`,
			`UPDATE runs SET state = 'draft'`,
			`DELETE FROM runs`,
			`UPDATE run_results SET score = 0`,
			`DELETE FROM run_results`,
			`INSERT INTO run_results (run_id, unit_code, node, level, grp, vetoed, awards, period) VALUES (1, '620122', 'Index', 3, '', FALSE, '', '2022')`,
			`INSERT INTO run_states (run_id, from_state, to_state, at, username, note) VALUES (1, 'published', 'draft', '2024-01-01 00:00:00+00:00', 'x', '')`,
		} {
			if err := db.ExecForTest(ctx, q); !errors.Is(err, store.ErrImmutable) {
				t.Errorf("%s: %v, want ErrImmutable", q, err)
			}
		}
		got2, _ := db.Results(ctx, r.ID, store.ResultFilter{})
		if diff := cmp.Diff(results, got2, cmpopts.EquateNaNs(), cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("published results changed (-want +got):\n%s", diff)
		}
		// A re-run is a new run pointing at its parent, with the same hash
		// when its inputs are the same.
		re, err := db.CreateRun(ctx, alice, store.NewRun{MethodID: m.ID, Revision: r.Revision, Period: "2022",
			Params: json.RawMessage(`{"a":[1,2], "b":1}`), ParentID: r.ID})
		if err != nil || re.Hash != r.Hash || re.ParentID != r.ID {
			t.Errorf("re-run = %+v, %v; want hash %s and parent %d", re, err, r.Hash, r.ID)
		}
		runs, _ := db.Runs(ctx, store.RunFilter{State: auth.StatePublished})
		if len(runs) != 1 || runs[0].ID != r.ID || runs[0].Visibility != auth.VisFull {
			t.Errorf("published runs = %+v", runs)
		}
		// A draft run's rows stay changeable through SQL too: the trigger only guards published runs.
		if err := db.ExecForTest(ctx, `UPDATE runs SET note = 'x' WHERE id = $1`, re.ID); err != nil {
			t.Errorf("updating a draft run: %v", err)
		}
	})
}

func TestMethods(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		m, err := db.AddMethod(ctx, alice, "m", "1", "a = 1\n")
		if err != nil {
			t.Fatal(err)
		}
		again, err := db.AddMethod(ctx, alice, "m", "1", "a = 1\n")
		if err != nil || again.ID != m.ID {
			t.Errorf("same text again: %+v, %v", again, err)
		}
		if _, err := db.AddMethod(ctx, alice, "m", "1", "a = 2\n"); !errors.Is(err, store.ErrConflict) {
			t.Errorf("other text under a used version: %v, want ErrConflict", err)
		}
		if err := db.ExecForTest(ctx, `UPDATE methods SET toml = 'x'`); !errors.Is(err, store.ErrImmutable) {
			t.Errorf("updating a method: %v, want ErrImmutable", err)
		}
		if _, err := db.CreateRun(ctx, alice, store.NewRun{MethodID: m.ID, Period: "2022", Params: json.RawMessage(`[1]`)}); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("parameters not an object: %v, want ErrInvalid", err)
		}
		if _, err := db.CreateRun(ctx, alice, store.NewRun{MethodID: 99, Period: "2022"}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("unknown method: %v, want ErrNotFound", err)
		}
		ms, err := db.Methods(ctx)
		if err != nil || len(ms) != 1 || ms[0].Hash != m.Hash || len(m.Hash) != 64 {
			t.Errorf("Methods = %+v, %v", ms, err)
		}
	})
}
