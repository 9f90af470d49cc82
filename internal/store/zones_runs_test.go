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

// zoneRunInNotice seeds two zones (兰州新区 620171 and Z2) and a former code
// (Z0, no unit any more), records a zone run of 2023 and opens its 公示
// from its first day to its last (the clock at the first).
func zoneRunInNotice(t *testing.T, db *store.DB, parent int64, z2Grade string, first, last time.Time) store.Run {
	t.Helper()
	nan := math.NaN()
	m, err := db.AddMethod(ctx, alice, "开发区示例", "1", "[method]\nname = \"zones\"\n")
	if err != nil {
		t.Fatal(err)
	}
	r, err := db.CreateZoneRun(ctx, alice, store.NewZoneRun{MethodID: m.ID, Year: 2023, ParentID: parent, Grades: []store.ZoneGrade{
		{Zone: "620171", Group: "中部", GroupRank: 1, Score: 90, Grade: "优秀"},
		{Zone: "Z2", Group: "中部", GroupRank: 2, Score: 70, Grade: z2Grade},
		{Zone: "Z0", Group: "中部", GroupRank: 3, Score: nan, Grade: "合格"},
	}, Values: []store.ZoneValue{{Zone: "Z2", Indicator: "land", Name: "土地供应率", Unit: "%", Value: 80, Score: nan}}})
	if err != nil {
		t.Fatal(err)
	}
	if r.Domain != store.DomainZone || r.Period != "2023" || r.State != auth.StateDraft {
		t.Fatalf("zone run: %+v", r)
	}
	clockAt(db, first.Year(), first.Month(), first.Day())
	if _, err := db.Transition(ctx, alice, r.ID, auth.StateReview, ""); err != nil {
		t.Fatal(err)
	}
	if r, err = db.StartNotice(ctx, alice, r.ID, first, last, ""); err != nil {
		t.Fatal(err)
	}
	return r
}

// TestZoneRunLifecycle: a zone assessment is a run of the zone domain that
// county lists leave out, and goes through the county lifecycle: the
// window holds, objections name the run's zones and only inside the
// window, the approver may not be its creator, publication writes the
// published history, and a corrected re-run supersedes it with the grade
// changes recorded.
func TestZoneRunLifecycle(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		mustUser(t, db, store.User{Username: "boss", Role: auth.RoleApprover, DisplayName: "王某某"})
		if err := db.PutUnits(ctx, alice, []store.Unit{{Code: "Z2", Name: "乙开发区", Kind: store.UnitZone, Host: "620100"}}); err != nil {
			t.Fatal(err)
		}
		// Thursday 1 June to Wednesday 7 June 2023: five working days.
		r := zoneRunInNotice(t, db, 0, "合格", day(2023, 6, 1), day(2023, 6, 7))
		if rs, err := db.Runs(ctx, store.RunFilter{}); err != nil || len(rs) != 0 {
			t.Errorf("county runs: %d (%v), want none", len(rs), err)
		}
		if rs, err := db.Runs(ctx, store.RunFilter{Domain: store.DomainZone}); err != nil || len(rs) != 1 || rs[0].ID != r.ID {
			t.Errorf("zone runs: %+v (%v)", rs, err)
		}
		// Objections: to a zone of the run, inside the window.
		if _, err := db.RaiseResultObjection(ctx, alice, letter(r.ID, "620123", "不在本次评价")); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("objection for a county not in the zone run: %v, want ErrInvalid", err)
		}
		o, err := db.RaiseResultObjection(ctx, alice, letter(r.ID, "Z2", "土地供应率有误"))
		if err != nil {
			t.Fatal(err)
		}
		// Monday 5 June: the window is still open.
		clockAt(db, 2023, 6, 5)
		var open *store.NoticeOpenError
		if _, err := db.Transition(ctx, alice, r.ID, auth.StateObjections, ""); !errors.As(err, &open) {
			t.Fatalf("leaving 公示 on 06-05: %v, want NoticeOpenError", err)
		}
		clockAt(db, 2023, 6, 8)
		var closed *store.WindowError
		if _, err := db.RaiseResultObjection(ctx, alice, letter(r.ID, "Z2", "迟到的异议")); !errors.As(err, &closed) {
			t.Errorf("objection after the window: %v, want WindowError", err)
		}
		if _, err := db.Transition(ctx, alice, r.ID, auth.StateObjections, ""); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Approve(ctx, boss, r.ID, approval); !errors.Is(err, store.ErrConflict) {
			t.Errorf("approval with an open objection: %v, want ErrConflict", err)
		}
		if _, err := db.AnswerResultObjection(ctx, alice, o.ID, store.OutcomeRejected, "经核实数据无误"); err != nil {
			t.Fatal(err)
		}
		var four *store.FourEyesError
		if _, err := db.Approve(ctx, alice, r.ID, approval); !errors.As(err, &four) {
			t.Errorf("approval by the creator: %v, want FourEyesError", err)
		}
		if _, err := db.Approve(ctx, boss, r.ID, approval); err != nil {
			t.Fatal(err)
		}
		if got, err := db.Transition(ctx, boss, r.ID, auth.StatePublished, ""); err != nil || got.State != auth.StatePublished {
			t.Fatalf("publish: %v", err)
		}
		// The published history holds the run's rows of 2023.
		gs, err := db.ZoneGrades(ctx)
		if err != nil || len(gs) != 3 || gs[0].Zone != "620171" || gs[0].Grade != "优秀" || gs[1].Zone != "Z0" || gs[2].Grade != "合格" || gs[2].Source != "assessed" {
			t.Fatalf("published grades: %+v (%v)", gs, err)
		}
		if vs, err := db.ZoneValues(ctx, "Z2", 2023); err != nil || len(vs) != 1 || vs[0].Value != 80 {
			t.Errorf("published values: %+v (%v)", vs, err)
		}
		if m, err := db.ZoneMethod(ctx, 2023); err != nil || m.ID != r.MethodID {
			t.Errorf("zone method of 2023: %+v (%v)", m, err)
		}
		// A correction: Z2 re-run as 优秀; publishing it supersedes the first
		// run, and the correction says Z2 gained 优秀 and lost 合格 (Z0 is
		// no unit and is left out; 620171 kept its grade).
		// Its 公示: Monday 26 June to Friday 30 June, five working days.
		r2 := zoneRunInNotice(t, db, r.ID, "优秀", day(2023, 6, 26), day(2023, 6, 30))
		clockAt(db, 2023, 7, 3)
		if _, err := db.Transition(ctx, alice, r2.ID, auth.StateObjections, ""); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Approve(ctx, boss, r2.ID, approval); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Transition(ctx, boss, r2.ID, auth.StatePublished, "更正"); err != nil {
			t.Fatal(err)
		}
		if old, _ := db.Run(ctx, r.ID); old.State != auth.StateSuperseded {
			t.Errorf("first run: %s, want superseded", old.State)
		}
		if p, ok, err := db.PublishedZoneRun(ctx, 2023); err != nil || !ok || p.ID != r2.ID {
			t.Errorf("published zone run of 2023: %d %v %v, want %d", p.ID, ok, err, r2.ID)
		}
		c, ok, err := db.RunCorrection(ctx, r2.ID)
		if err != nil || !ok || c.Supersedes != r.ID || len(c.Changes) != 2 ||
			c.Changes[0] != (store.AwardChange{Unit: "Z2", UnitName: "乙开发区", Award: "优秀", Change: store.AwardGained, Reason: store.CorrectionReason}) ||
			c.Changes[1].Award != "合格" || c.Changes[1].Change != store.AwardLost {
			t.Errorf("correction: %+v %v %v", c, ok, err)
		}
		if gs, _ := db.ZoneGrades(ctx); len(gs) != 3 || gs[2].Zone != "Z2" || gs[2].Grade != "优秀" {
			t.Errorf("grades after the correction: %+v", gs)
		}
		if gs, err := db.ZoneRunGrades(ctx, r.ID); err != nil || len(gs) != 3 || gs[2].Grade != "合格" {
			t.Errorf("the superseded run keeps its results: %+v (%v)", gs, err)
		}
	})
}
