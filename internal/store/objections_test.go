package store_test

import (
	"bytes"
	"errors"
	"math"
	"testing"

	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
	"github.com/qiangxian/qiangxian/internal/workflow"
)

var (
	tjj     = store.Actor{Username: "tjj"}
	yuzhong = store.Actor{Username: "yz"}
	pdf     = store.NewAttachment{Name: "说明.pdf", ContentType: "application/pdf", Content: []byte("%PDF-1.4 evidence")}
)

// TestObjections: a county objects to a figure with an attachment (the
// figure becomes objected), comments go into the thread, the department
// corrects it (a new revision with status corrected) or keeps it (reported
// again); each step notifies the other side; answered objections are
// final; the figure's history tells the whole story.
func TestObjections(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		if _, err := db.ImportObservations(ctx, tjj, store.RevisionNote{Kind: "import"}, []store.Observation{
			obs("620123", "gdp", "2022", 100), obs("620123", "rev", "2022", 10)}); err != nil {
			t.Fatal(err)
		}
		k := store.ObservationKey{Unit: "620123", Indicator: "gdp", Period: "2022"}
		o, err := db.RaiseObjection(ctx, yuzhong, store.FigureObjection{Unit: "620123", Indicator: "gdp", Period: "2022",
			Reason: "应为 105，统计口径有误", Proposed: 105}, &pdf)
		if err != nil || o.State != workflow.ObjectionOpen || o.Department != "统计局" || o.Value != 100 || o.Proposed != 105 {
			t.Fatalf("RaiseObjection = %+v, %v", o, err)
		}
		if f, _ := db.Observation(ctx, k, store.Latest); f.Status != store.StatusObjected || f.Revision != o.ObjectedRevision {
			t.Errorf("objected figure: %+v", f)
		}
		if _, err := db.RaiseObjection(ctx, yuzhong, store.FigureObjection{Unit: "620123", Indicator: "gdp", Period: "2022",
			Reason: "again", Proposed: math.NaN()}, nil); !errors.Is(err, store.ErrConflict) {
			t.Errorf("second open objection: %v, want ErrConflict", err)
		}
		if _, err := db.RaiseObjection(ctx, yuzhong, store.FigureObjection{Unit: "620121", Indicator: "gdp", Period: "2022",
			Reason: "no such figure", Proposed: math.NaN()}, nil); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("objection to a missing figure: %v, want ErrNotFound", err)
		}
		if _, err := db.CommentObjection(ctx, tjj, o.ID, "请提供佐证材料", nil); err != nil {
			t.Fatal(err)
		}
		if _, err := db.AnswerObjection(ctx, tjj, o.ID, workflow.Correct, math.NaN(), "更正", nil); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("correction without a value: %v, want ErrInvalid", err)
		}
		ans, err := db.AnswerObjection(ctx, tjj, o.ID, workflow.Correct, 105, "经核实，异议成立，更正为 105", nil)
		if err != nil || ans.State != workflow.ObjectionCorrected || ans.AnswerRevision == 0 || ans.AnsweredBy != "tjj" {
			t.Fatalf("AnswerObjection = %+v, %v", ans, err)
		}
		if _, err := db.AnswerObjection(ctx, tjj, o.ID, workflow.Keep, 0, "again", nil); !errors.Is(err, store.ErrConflict) {
			t.Errorf("answering twice: %v, want ErrConflict", err)
		}
		f, _ := db.Observation(ctx, k, store.Latest)
		if f.Value != 105 || f.Status != store.StatusCorrected || f.Revision != ans.AnswerRevision {
			t.Errorf("corrected figure: %+v", f)
		}
		hist, _ := db.ObservationHistory(ctx, k)
		var statuses []store.Status
		for _, h := range hist {
			statuses = append(statuses, h.Status)
		}
		if len(hist) != 3 || statuses[0] != store.StatusReported || statuses[1] != store.StatusObjected || statuses[2] != store.StatusCorrected {
			t.Errorf("history: %v", statuses)
		}
		thread, err := db.ObjectionThread(ctx, o.ID)
		if err != nil || len(thread) != 3 || thread[0].Kind != "raise" || thread[1].Kind != "comment" || thread[2].Kind != "correct" ||
			len(thread[0].Attachments) != 1 || thread[2].Revision != ans.AnswerRevision {
			t.Fatalf("thread = %+v, %v", thread, err)
		}
		a, err := db.Attachment(ctx, thread[0].Attachments[0].ID)
		if err != nil || !bytes.Equal(a.Content, pdf.Content) || a.Name != "说明.pdf" || a.Size != int64(len(pdf.Content)) {
			t.Errorf("attachment = %+v, %v", a, err)
		}

		// The other answer: kept, the figure reported again with its value.
		o2, err := db.RaiseObjection(ctx, yuzhong, store.FigureObjection{Unit: "620123", Indicator: "rev", Period: "2022",
			Reason: "偏低", Proposed: math.NaN()}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.AnswerObjection(ctx, alice, o2.ID, workflow.Keep, math.NaN(), "数据无误，维持", nil); err != nil {
			t.Fatal(err)
		}
		if f, _ := db.Observation(ctx, store.ObservationKey{Unit: "620123", Indicator: "rev", Period: "2022"}, store.Latest); f.Value != 10 || f.Status != store.StatusReported {
			t.Errorf("kept figure: %+v", f)
		}

		count := func(f store.ObjectionFilter) int {
			os, err := db.FigureObjections(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			return len(os)
		}
		for name, c := range map[string][2]int{
			"prefecture": {count(store.ObjectionFilter{Prefecture: "620100"}), 2},
			"other one":  {count(store.ObjectionFilter{Prefecture: "620800"}), 0},
			"统计局":        {count(store.ObjectionFilter{Department: "统计局"}), 1},
			"open":       {count(store.ObjectionFilter{State: workflow.ObjectionOpen}), 0},
			"unit":       {count(store.ObjectionFilter{Unit: "620123", Period: "2022"}), 2},
		} {
			if c[0] != c[1] {
				t.Errorf("objections of %s: %d, want %d", name, c[0], c[1])
			}
		}
		for name, c := range map[string]struct {
			f    store.NotificationFilter
			want int
		}{
			"统计局":         {store.NotificationFilter{Department: "统计局"}, 1},
			"财政厅":         {store.NotificationFilter{Department: "财政厅"}, 1},
			"the county":  {store.NotificationFilter{Unit: "620123"}, 2},
			"兰州市":         {store.NotificationFilter{Prefecture: "620100"}, 2},
			"another one": {store.NotificationFilter{Prefecture: "620800"}, 0},
		} {
			if ns, err := db.Notifications(ctx, c.f); err != nil || len(ns) != c.want {
				t.Errorf("notifications of %s: %d, %v; want %d", name, len(ns), err, c.want)
			}
		}
		if err := db.ExecForTest(ctx, `DELETE FROM figure_objection_messages`); !errors.Is(err, store.ErrImmutable) {
			t.Errorf("deleting the thread: %v, want ErrImmutable", err)
		}
	})
}

// TestEventAttachmentsAndBackup: a file attached to an event stays with its
// key; the workflow's records (tasks, rules, explanations, objections with
// attachments, notifications) survive a backup and a restore.
func TestEventAttachmentsAndBackup(t *testing.T) {
	src, dst := storetest.MustOpen(t), storetest.MustOpen(t)
	seed(t, src)
	_, evs, err := src.RecordEvents(ctx, tjj, store.RevisionNote{Kind: "events"}, []store.Event{
		{Unit: "620123", Date: day(2022, 5, 3), Type: "较大安全生产事故", Department: "应急管理厅", Document: "甘安委〔2022〕1号", Points: -1}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := src.AttachToEvent(ctx, tjj, evs[0].Key, pdf); err != nil {
		t.Fatal(err)
	}
	if _, err := src.AttachToEvent(ctx, tjj, "nope", pdf); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("attachment of an unknown event: %v, want ErrNotFound", err)
	}
	if as, err := src.Attachments(ctx, "event", evs[0].Key); err != nil || len(as) != 1 || as[0].Content != nil {
		t.Errorf("event attachments = %+v, %v", as, err)
	}
	if _, err := src.ImportObservations(ctx, tjj, store.RevisionNote{Kind: "import"}, []store.Observation{obs("620123", "gdp", "2022", 100)}); err != nil {
		t.Fatal(err)
	}
	task, err := src.PutTasks(ctx, alice, "2022", day(2022, 3, 1), 0, []string{"gdp"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := src.Remind(ctx, alice, task[0].ID, "提醒"); err != nil {
		t.Fatal(err)
	}
	if _, err := src.CheckRules(ctx); err != nil {
		t.Fatal(err)
	}
	o, err := src.RaiseObjection(ctx, yuzhong, store.FigureObjection{Unit: "620123", Indicator: "gdp", Period: "2022", Reason: "r", Proposed: math.NaN()}, &pdf)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := src.Backup(ctx, &b); err != nil {
		t.Fatal(err)
	}
	if err := dst.Restore(ctx, store.System, &b); err != nil {
		t.Fatal(err)
	}
	thread, err := dst.ObjectionThread(ctx, o.ID)
	if err != nil || len(thread) != 1 || len(thread[0].Attachments) != 1 {
		t.Fatalf("restored thread = %+v, %v", thread, err)
	}
	a, err := dst.Attachment(ctx, thread[0].Attachments[0].ID)
	if err != nil || !bytes.Equal(a.Content, pdf.Content) {
		t.Errorf("restored attachment = %+v, %v", a, err)
	}
	if rs, _ := dst.CheckRules(ctx); len(rs) != 2 {
		t.Errorf("restored rules: %d, want 2 (not installed twice)", len(rs))
	}
	if ns, _ := dst.Notifications(ctx, store.NotificationFilter{}); len(ns) != 2 {
		t.Errorf("restored notifications: %d, want the reminder and the objection", len(ns))
	}
	if ts, _ := dst.Tasks(ctx, store.TaskFilter{}); len(ts) != 1 {
		t.Errorf("restored tasks: %d, want 1", len(ts))
	}
}
