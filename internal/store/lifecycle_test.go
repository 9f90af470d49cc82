package store_test

import (
	"errors"
	"math"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// inReview is a run of newRun with results for 620123 and 620821, moved
// to review.
func inReview(t *testing.T, db *store.DB) store.Run {
	t.Helper()
	_, r := newRun(t, db)
	rows := []store.Result{
		{Unit: "620123", Node: "Index", Level: 2, Score: 80, Rank: 1, GroupRank: math.NaN(), Period: "2022", RankChange: math.NaN()},
		{Unit: "620821", Node: "Index", Level: 2, Score: 70, Rank: 2, GroupRank: math.NaN(), Period: "2022", RankChange: math.NaN()},
	}
	if err := db.PutResults(ctx, alice, r.ID, rows); err != nil {
		t.Fatal(err)
	}
	r, err := db.Transition(ctx, alice, r.ID, auth.StateReview, "")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

var (
	bob  = store.Actor{Username: "bob"}
	boss = store.Actor{Username: "boss"}
	// approval is a leading-group meeting's approval on 8 June 2023.
	approval = store.NewApproval{Meeting: store.MeetingLeadingGroup, MinuteNo: "第3次", Date: day(2023, 6, 8)}
)

// clockAt sets db's clock to noon of a day, China time.
func clockAt(db *store.DB, y int, m time.Month, d int) {
	db.SetClock(func() time.Time { return time.Date(y, m, d, 12, 0, 0, 0, store.ChinaTime) })
}

// TestNoticeWindow: the window is set with the move to 公示, objections are
// refused before and after it with a WindowError naming its days, and
// accepted inside it (both ends included, in China time).
func TestNoticeWindow(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		r := inReview(t, db)
		if _, err := db.StartNotice(ctx, alice, r.ID, day(2023, 6, 8), day(2023, 6, 1), ""); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("a window ending before it starts: %v, want ErrInvalid", err)
		}
		// Objections before 公示 starts: no window yet.
		var we *store.WindowError
		_, err := db.RaiseResultObjection(ctx, bob, store.NewResultObjection{Channel: "letter", SubmitterKind: "unit", Submitter: "县人民政府", Letter: "县政函〔2023〕1号", RunID: r.ID, Unit: "620123", Reason: "数据有误"})
		if !errors.As(err, &we) || !errors.Is(err, store.ErrConflict) || !we.Start.IsZero() {
			t.Fatalf("objection in review: %v, want a WindowError without days", err)
		}
		r, err = db.StartNotice(ctx, alice, r.ID, day(2023, 6, 1), day(2023, 6, 7), "公示 7 天")
		if err != nil || r.State != auth.StateNotice {
			t.Fatalf("StartNotice: %v, state %s", err, r.State)
		}
		l, err := db.Lifecycle(ctx, r.ID)
		if err != nil || !l.NoticeStart.Equal(day(2023, 6, 1)) || !l.NoticeEnd.Equal(day(2023, 6, 7)) || l.UpdatedBy != "alice" {
			t.Fatalf("Lifecycle = %+v, %v", l, err)
		}
		tests := []struct {
			at   time.Time
			open bool
		}{
			{time.Date(2023, 5, 31, 23, 59, 0, 0, store.ChinaTime), false},
			{time.Date(2023, 6, 1, 0, 1, 0, 0, store.ChinaTime), true},
			{time.Date(2023, 6, 7, 23, 59, 0, 0, store.ChinaTime), true},
			{time.Date(2023, 6, 7, 16, 30, 0, 0, time.UTC), false}, // 00:30 on 8 June in Beijing
			{time.Date(2023, 6, 20, 9, 0, 0, 0, store.ChinaTime), false},
		}
		for _, tt := range tests {
			db.SetClock(func() time.Time { return tt.at })
			o, err := db.RaiseResultObjection(ctx, bob, store.NewResultObjection{Channel: "letter", SubmitterKind: "unit", Submitter: "县人民政府", Letter: "县政函〔2023〕1号", RunID: r.ID, Unit: "620123", Reason: "地区生产总值有误", Attachment: "情况说明.pdf"})
			if tt.open && (err != nil || o.ID == 0 || o.RaisedBy != "bob" || o.Outcome != store.OutcomeOpen) {
				t.Errorf("at %v: %+v, %v; want an open objection", tt.at, o, err)
			}
			if !tt.open {
				if !errors.As(err, &we) || !we.Start.Equal(day(2023, 6, 1)) || !we.End.Equal(day(2023, 6, 7)) {
					t.Errorf("at %v: %v; want a WindowError 2023-06-01 to 2023-06-07", tt.at, err)
				}
			}
		}
		clockAt(db, 2023, 6, 3)
		for name, n := range map[string]store.NewResultObjection{
			"no reason":           {Channel: "letter", SubmitterKind: "unit", Submitter: "县人民政府", Letter: "县政函〔2023〕1号", RunID: r.ID, Unit: "620123", Reason: "  "},
			"unit not in the run": {Channel: "letter", SubmitterKind: "unit", Submitter: "县人民政府", Letter: "县政函〔2023〕1号", RunID: r.ID, Unit: "620121", Reason: "x"},
			"anonymous person":    {Channel: "phone", SubmitterKind: "person", Submitter: "匿名", RunID: r.ID, Unit: "620123", Reason: "x"},
			"unit without letter": {Channel: "letter", SubmitterKind: "unit", Submitter: "榆中县人民政府", RunID: r.ID, Unit: "620123", Reason: "x"},
			"unit by phone":       {Channel: "phone", SubmitterKind: "unit", Submitter: "榆中县人民政府", Letter: "x", RunID: r.ID, Unit: "620123", Reason: "x"},
			"web form":            {RunID: r.ID, Unit: "620123", Reason: "x"},
		} {
			if _, err := db.RaiseResultObjection(ctx, bob, n); !errors.Is(err, store.ErrInvalid) {
				t.Errorf("%s: %v, want ErrInvalid", name, err)
			}
		}
		os, err := db.ResultObjections(ctx, store.ResultObjectionFilter{RunID: r.ID})
		if err != nil || len(os) != 2 || os[0].Attachment != "情况说明.pdf" {
			t.Errorf("ResultObjections = %+v, %v; want the two inside the window", os, err)
		}
	})
}

// TestObjectionAnswers: an answer is given once; a run with an open
// objection cannot be approved by any path; a published run's objections
// and lifecycle never change.
func TestObjectionAnswers(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		r := inReview(t, db)
		clockAt(db, 2023, 6, 2)
		if _, err := db.StartNotice(ctx, alice, r.ID, day(2023, 6, 1), day(2023, 6, 7), ""); err != nil {
			t.Fatal(err)
		}
		o, err := db.RaiseResultObjection(ctx, bob, store.NewResultObjection{Channel: "letter", SubmitterKind: "unit", Submitter: "县人民政府", Letter: "县政函〔2023〕1号", RunID: r.ID, Unit: "620821", Reason: "旅游收入漏报"})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.SetDocNumber(ctx, alice, r.ID, "甘县评办发〔2023〕3号"); err != nil {
			t.Fatal(err)
		}
		clockAt(db, 2023, 6, 8)
		if _, err := db.Transition(ctx, alice, r.ID, auth.StateObjections, ""); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Approve(ctx, boss, r.ID, approval); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("approving with an open objection: %v, want ErrConflict", err)
		}
		if _, err := db.AnswerResultObjection(ctx, alice, o.ID, "maybe", "x"); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("a bad outcome: %v", err)
		}
		a, err := db.AnswerResultObjection(ctx, alice, o.ID, store.OutcomeRejected, "经核实，数据无误")
		if err != nil || a.Outcome != store.OutcomeRejected || a.AnsweredBy != "alice" || a.AnsweredAt.IsZero() {
			t.Fatalf("answer: %+v, %v", a, err)
		}
		if _, err := db.AnswerResultObjection(ctx, alice, o.ID, store.OutcomeUpheld, "改判"); !errors.Is(err, store.ErrConflict) {
			t.Errorf("answering twice: %v, want ErrConflict", err)
		}
		if err := db.ExecForTest(ctx, `UPDATE result_objections SET outcome = 'upheld' WHERE id = $1`, o.ID); !errors.Is(err, store.ErrImmutable) {
			t.Errorf("changing an answer by SQL: %v, want ErrImmutable", err)
		}
		if _, err := db.Approve(ctx, boss, r.ID, approval); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Transition(ctx, boss, r.ID, auth.StatePublished, ""); err != nil {
			t.Fatal(err)
		}
		if err := db.SetDocNumber(ctx, alice, r.ID, "改号"); !errors.Is(err, store.ErrImmutable) {
			t.Errorf("changing the 文号 of a published run: %v, want ErrImmutable", err)
		}
		if err := db.SetNoticeWindow(ctx, alice, r.ID, day(2023, 6, 1), day(2023, 6, 30)); !errors.Is(err, store.ErrImmutable) {
			t.Errorf("changing the window of a published run: %v, want ErrImmutable", err)
		}
		for _, q := range []string{`UPDATE run_lifecycle SET doc_number = 'x' WHERE run_id = $1`,
			`DELETE FROM run_lifecycle WHERE run_id = $1`,
			`INSERT INTO result_objections (run_id, unit_code, reason, raised_at, raised_by) VALUES ($1, '620123', 'x', '2023-06-02 00:00:00+00:00', 'bob')`} {
			if err := db.ExecForTest(ctx, q, r.ID); !errors.Is(err, store.ErrImmutable) {
				t.Errorf("%s on a published run: %v, want ErrImmutable", q, err)
			}
		}
		l, err := db.Lifecycle(ctx, r.ID)
		if err != nil || l.DocNumber != "甘县评办发〔2023〕3号" {
			t.Errorf("Lifecycle = %+v, %v", l, err)
		}
	})
}

// TestSupersede: a re-run references its parent, the parent is marked
// superseded and moves no more, the chain lists both; a draft or a
// published run is not marked.
func TestSupersede(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		r := inReview(t, db)
		child, err := db.CreateRun(ctx, alice, store.NewRun{MethodID: r.MethodID, Period: "2022", ParentID: r.ID})
		if err != nil {
			t.Fatal(err)
		}
		other, err := db.CreateRun(ctx, alice, store.NewRun{MethodID: r.MethodID, Period: "2022"})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.MarkSuperseded(ctx, alice, r.ID, other.ID); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("superseding by a run that is not a re-run: %v, want ErrInvalid", err)
		}
		if err := db.MarkSuperseded(ctx, alice, child.ID, r.ID); !errors.Is(err, store.ErrConflict) {
			t.Errorf("superseding a draft: %v, want ErrConflict", err)
		}
		if err := db.MarkSuperseded(ctx, alice, r.ID, child.ID); err != nil {
			t.Fatal(err)
		}
		l, err := db.Lifecycle(ctx, r.ID)
		if err != nil || l.SupersededBy != child.ID {
			t.Errorf("Lifecycle = %+v, %v; want superseded by %d", l, err, child.ID)
		}
		if _, err := db.Transition(ctx, alice, r.ID, auth.StateNotice, ""); !errors.Is(err, store.ErrConflict) {
			t.Errorf("moving a superseded run: %v, want ErrConflict", err)
		}
		chain, err := db.RunChain(ctx, child.ID)
		if err != nil || len(chain) != 2 || chain[0].ID != r.ID || chain[1].ID != child.ID || chain[1].ParentID != r.ID {
			t.Errorf("RunChain = %+v, %v", chain, err)
		}
		ls, err := db.Lifecycles(ctx)
		if err != nil || len(ls) != 1 || ls[r.ID].SupersededBy != child.ID {
			t.Errorf("Lifecycles = %+v, %v", ls, err)
		}
		// An objection to the superseded run is refused naming its re-run.
		var we *store.WindowError
		_, err = db.RaiseResultObjection(ctx, bob, store.NewResultObjection{Channel: "letter", SubmitterKind: "unit", Submitter: "县人民政府", Letter: "县政函〔2023〕1号", RunID: r.ID, Unit: "620123", Reason: "数据有误"})
		if !errors.As(err, &we) || we.SupersededBy != child.ID {
			t.Errorf("objection to a superseded run: %v, want a WindowError naming run %d", err, child.ID)
		}
	})
}
