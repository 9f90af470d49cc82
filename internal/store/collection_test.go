package store_test

import (
	"errors"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
	"github.com/qiangxian/qiangxian/internal/workflow"
)

// TestCollectionTasks: tasks of a period per indicator and department; a
// department complete before its deadline is supplied, one that completes
// after it late, one incomplete after it missing; a zone's figure does not
// count; a reminder is a notification of the department alone, audited.
func TestCollectionTasks(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		at := func(d time.Time) { db.SetClock(func() time.Time { return d }) }
		defer db.SetClock(nil)
		tasks, err := db.PutTasks(ctx, alice, "2023", day(2023, 3, 10), 0, []string{"gdp", "rev"})
		if err != nil || len(tasks) != 2 || tasks[0].Department != "统计局" || tasks[1].Department != "财政厅" {
			t.Fatalf("PutTasks = %+v, %v", tasks, err)
		}
		again, err := db.PutTasks(ctx, alice, "2023", day(2023, 3, 12), 0, []string{"gdp"})
		if err != nil || again[0].ID != tasks[0].ID || !again[0].Deadline.Equal(day(2023, 3, 12)) {
			t.Fatalf("PutTasks again = %+v, %v; want task %d with the new deadline", again, err, tasks[0].ID)
		}
		if _, err := db.PutTasks(ctx, alice, "2023", day(2023, 3, 10), 0, []string{"nope"}); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("task of an unknown indicator: %v, want ErrInvalid", err)
		}

		imp := func(ind string, units ...string) {
			t.Helper()
			var rows []store.Observation
			for _, u := range units {
				rows = append(rows, obs(u, ind, "2023", 1))
			}
			if _, err := db.ImportObservations(ctx, alice, store.RevisionNote{Kind: "import"}, rows); err != nil {
				t.Fatal(err)
			}
		}
		at(time.Date(2023, 3, 5, 2, 0, 0, 0, time.UTC))
		imp("gdp", "620121", "620122", "620123", "620171") // the zone does not count
		imp("gdp", "620821")
		at(time.Date(2023, 3, 10, 17, 0, 0, 0, time.UTC)) // 11 March, 01:00 in China: past the 10th
		imp("rev", "620121", "620122", "620123")
		status := func(now time.Time) map[string]store.TaskSupply {
			t.Helper()
			ts, err := db.Tasks(ctx, store.TaskFilter{Period: "2023"})
			if err != nil {
				t.Fatal(err)
			}
			sup, err := db.Supply(ctx, ts, now)
			if err != nil {
				t.Fatal(err)
			}
			m := map[string]store.TaskSupply{}
			for _, s := range sup {
				m[s.Indicator] = s
			}
			return m
		}
		s := status(time.Date(2023, 3, 11, 0, 0, 0, 0, time.UTC))
		if g, r := s["gdp"], s["rev"]; g.Status != workflow.TaskSupplied || g.Supplied != 4 || g.Expected != 4 ||
			r.Status != workflow.TaskMissing || r.Supplied != 3 || !r.CompleteAt.IsZero() {
			t.Errorf("supply on 11 March: gdp %+v, rev %+v", g, r)
		}
		at(time.Date(2023, 3, 12, 1, 0, 0, 0, time.UTC))
		imp("rev", "620821")
		if r := status(time.Date(2023, 3, 13, 0, 0, 0, 0, time.UTC))["rev"]; r.Status != workflow.TaskLate || r.Supplied != 4 {
			t.Errorf("rev completed on 12 March: %+v, want late with 4", r)
		}

		n, err := db.Remind(ctx, alice, tasks[1].ID, "请尽快报送")
		if err != nil || n.Department != "财政厅" || n.Kind != "reminder" {
			t.Fatalf("Remind = %+v, %v", n, err)
		}
		for dept, want := range map[string]int{"财政厅": 1, "统计局": 0} {
			ns, err := db.Notifications(ctx, store.NotificationFilter{Department: dept})
			if err != nil || len(ns) != want || want == 1 && (ns[0].Message != "请尽快报送" || ns[0].TaskID != tasks[1].ID) {
				t.Errorf("notifications of %s: %+v, %v; want %d", dept, ns, err, want)
			}
		}
		log, err := db.AuditLog(ctx, store.AuditFilter{Entity: "collection_task"})
		if err != nil || len(log) != 4 || log[3].Action != "remind" {
			t.Errorf("audit of tasks: %d rows, %v; want 3 puts and a remind", len(log), err)
		}
		if _, err := db.Remind(ctx, alice, 9999, ""); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("reminder of an unknown task: %v, want ErrNotFound", err)
		}
		mine, err := db.Tasks(ctx, store.TaskFilter{Department: "财政厅"})
		if err != nil || len(mine) != 1 || mine[0].Indicator != "rev" {
			t.Errorf("tasks of 财政厅: %+v, %v", mine, err)
		}
	})
}
