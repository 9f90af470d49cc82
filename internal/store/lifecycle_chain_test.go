package store_test

import (
	"errors"
	"math"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
	"github.com/qiangxian/qiangxian/internal/workflow"
)

// letter is an objection of 榆中县 by stamped letter.
func letter(run int64, unit, reason string) store.NewResultObjection {
	return store.NewResultObjection{RunID: run, Unit: unit, Reason: reason, Channel: store.ChannelLetter,
		SubmitterKind: store.SubmitterUnit, Submitter: "榆中县人民政府", Letter: "榆政函〔2023〕7号"}
}

// TestHolidayCalendar: migration 0011 seeds the State Council's calendars
// and the office keeps them.
func TestHolidayCalendar(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		days, err := db.Holidays(ctx, day(2023, 1, 1), day(2023, 12, 31))
		// 2023: 元旦 2 (12-31 is 2022's), 春节 7 + 2 workdays, 清明 1, 劳动节
		// 5 + 2, 端午 3 + 1, 中秋国庆 8 + 2 = 26 holidays and 7 workdays.
		if err != nil || len(days) != 33 || days[0].Day != day(2023, 1, 1) || days[32].Day != day(2023, 10, 8) {
			t.Fatalf("2023 has %d calendar days, want 33 from 01-01 to 10-08 (%v)", len(days), err)
		}
		cal, err := db.Calendar(ctx)
		if err != nil {
			t.Fatal(err)
		}
		// Wed 09-27, Thu 09-28, (09-29 … 10-06 off), Sat 10-07 and Sun 10-08
		// worked, Mon 10-09: five working days.
		first, last, err := cal.Window(day(2023, 9, 27), workflow.NoticeWorkingDays)
		if err != nil || !first.Equal(day(2023, 9, 27)) || !last.Equal(day(2023, 10, 9)) {
			t.Errorf("window from 2023-09-27: %v to %v (%v), want to 2023-10-09", first, last, err)
		}
		// The office adds 2026's National Day and removes it again.
		if err := db.PutHoliday(ctx, alice, workflow.CalendarDay{Day: day(2026, 10, 1), Kind: workflow.Holiday, Name: "国庆节"}); err != nil {
			t.Fatal(err)
		}
		if err := db.PutHoliday(ctx, alice, workflow.CalendarDay{Day: day(2026, 10, 1), Kind: "bridge"}); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("an unknown kind: %v, want ErrInvalid", err)
		}
		if cal, _ := db.Calendar(ctx); cal.Working(day(2026, 10, 1)) {
			t.Error("2026-10-01 (a Thursday, 国庆节) is a working day")
		}
		// Changing a seeded day replaces it rather than adding another.
		if err := db.PutHoliday(ctx, alice, workflow.CalendarDay{Day: day(2023, 4, 5), Kind: workflow.Holiday, Name: "清明"}); err != nil {
			t.Fatal(err)
		}
		if days, _ := db.Holidays(ctx, day(2023, 4, 5), day(2023, 4, 5)); len(days) != 1 || days[0].Name != "清明" {
			t.Errorf("2023-04-05 after a change: %+v", days)
		}
		if err := db.DeleteHoliday(ctx, alice, day(2026, 10, 1)); err != nil {
			t.Fatal(err)
		}
		if err := db.DeleteHoliday(ctx, alice, day(2026, 10, 1)); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("deleting an unlisted day: %v, want ErrNotFound", err)
		}
	})
}

// TestNoticeHolds: a 公示 of fewer than five working days is refused; the
// run leaves notice only after its last day (China time), the refusal
// naming it; an opened window may be lengthened, not cut short.
func TestNoticeHolds(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		r := inReview(t, db)
		clockAt(db, 2023, 9, 27)
		// 09-28 to 10-06 holds one working day (09-28).
		var sw *store.ShortWindowError
		if _, err := db.StartNotice(ctx, alice, r.ID, day(2023, 9, 28), day(2023, 10, 6), ""); !errors.As(err, &sw) || sw.WorkingDays != 1 {
			t.Fatalf("a 公示 over the holiday: %v, want a ShortWindowError of 1 working day", err)
		}
		if _, err := db.StartNotice(ctx, alice, r.ID, day(2023, 9, 27), day(2023, 10, 9), ""); err != nil {
			t.Fatal(err)
		}
		if err := db.SetNoticeWindow(ctx, alice, r.ID, day(2023, 9, 27), day(2023, 10, 8)); err == nil {
			t.Error("cutting the open 公示 short was accepted")
		}
		if err := db.SetNoticeWindow(ctx, alice, r.ID, day(2023, 9, 27), day(2023, 10, 10)); err != nil {
			t.Errorf("lengthening the 公示: %v", err)
		}
		var no *store.NoticeOpenError
		db.SetClock(func() time.Time { return time.Date(2023, 10, 10, 23, 59, 0, 0, store.ChinaTime) })
		if _, err := db.Transition(ctx, alice, r.ID, auth.StateObjections, ""); !errors.As(err, &no) || !no.End.Equal(day(2023, 10, 10)) {
			t.Fatalf("leaving on the last day: %v, want a NoticeOpenError naming 2023-10-10", err)
		}
		// 00:30 on 11 October in Beijing is 16:30 on the 10th in UTC.
		db.SetClock(func() time.Time { return time.Date(2023, 10, 10, 16, 30, 0, 0, time.UTC) })
		if _, err := db.Transition(ctx, alice, r.ID, auth.StateObjections, ""); err != nil {
			t.Errorf("leaving after the window: %v", err)
		}
	})
}

// TestApproval: approval needs the meeting's record, is refused to the
// run's creator (four eyes) and while objections are open, and is the
// only way to approved.
func TestApproval(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		mustUser(t, db, store.User{Username: "boss", Role: auth.RoleApprover, DisplayName: "王某某"})
		r := inReview(t, db)
		clockAt(db, 2023, 6, 1)
		if _, err := db.StartNotice(ctx, alice, r.ID, day(2023, 6, 1), day(2023, 6, 7), ""); err != nil {
			t.Fatal(err)
		}
		o, err := db.RaiseResultObjection(ctx, alice, letter(r.ID, "620123", "地区生产总值有误"))
		if err != nil {
			t.Fatal(err)
		}
		clockAt(db, 2023, 6, 12)
		if _, err := db.Transition(ctx, alice, r.ID, auth.StateObjections, ""); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Transition(ctx, boss, r.ID, auth.StateApproved, ""); !errors.Is(err, store.ErrConflict) {
			t.Errorf("approving by a plain transition: %v, want ErrConflict", err)
		}
		for name, n := range map[string]store.NewApproval{
			"no meeting":       {MinuteNo: "3", Date: day(2023, 6, 10)},
			"another meeting":  {Meeting: "办公会", MinuteNo: "3", Date: day(2023, 6, 10)},
			"no minutes":       {Meeting: store.MeetingLeadingGroup, Date: day(2023, 6, 10)},
			"no day":           {Meeting: store.MeetingLeadingGroup, MinuteNo: "3"},
			"a day to come":    {Meeting: store.MeetingLeadingGroup, MinuteNo: "3", Date: day(2023, 6, 20)},
			"two-line minutes": {Meeting: store.MeetingLeadingGroup, MinuteNo: "3\n4", Date: day(2023, 6, 10)},
		} {
			if _, err := db.Approve(ctx, boss, r.ID, n); !errors.Is(err, store.ErrInvalid) {
				t.Errorf("%s: %v, want ErrInvalid", name, err)
			}
		}
		good := store.NewApproval{Meeting: store.MeetingExecutive, MinuteNo: "省政府第12次常务会议纪要", Date: day(2023, 6, 10)}
		var fe *store.FourEyesError
		if _, err := db.Approve(ctx, alice, r.ID, good); !errors.As(err, &fe) || !errors.Is(err, store.ErrForbidden) {
			t.Errorf("the creator approving: %v, want a FourEyesError", err)
		}
		if _, err := db.Approve(ctx, boss, r.ID, good); !errors.Is(err, store.ErrConflict) {
			t.Errorf("approving with an open objection: %v, want ErrConflict", err)
		}
		if _, ok, err := db.RunApproval(ctx, r.ID); ok || err != nil {
			t.Errorf("an approval before approving: %v %v", ok, err)
		}
		if _, err := db.AnswerResultObjection(ctx, alice, o.ID, store.OutcomeRejected, "经核实无误"); err != nil {
			t.Fatal(err)
		}
		if got, err := db.Approve(ctx, boss, r.ID, good); err != nil || got.State != auth.StateApproved {
			t.Fatalf("approve: %+v %v", got, err)
		}
		a, ok, err := db.RunApproval(ctx, r.ID)
		if err != nil || !ok || a.Meeting != store.MeetingExecutive || a.MinuteNo != good.MinuteNo || a.Date != "2023-06-10" ||
			a.Approver != "王某某" || a.Username != "boss" || a.ApprovedAt.IsZero() {
			t.Errorf("RunApproval = %+v, %v, %v", a, ok, err)
		}
		if _, err := db.Transition(ctx, alice, r.ID, auth.StatePublished, ""); !errors.As(err, &fe) {
			t.Errorf("the creator publishing: %v, want a FourEyesError", err)
		}
		if _, err := db.Transition(ctx, boss, r.ID, auth.StatePublished, ""); err != nil {
			t.Fatal(err)
		}
		if err := db.ExecForTest(ctx, `DELETE FROM run_approvals WHERE run_id = $1`, r.ID); !errors.Is(err, store.ErrImmutable) {
			t.Errorf("deleting the approval: %v, want ErrImmutable", err)
		}
	})
}

// TestCorrection: publishing a re-run supersedes the published run of the
// method and period, leaves exactly one published, records who gained and
// lost which award and why, and carries the objections over.
func TestCorrection(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		row := func(unit string, rank float64, awards ...string) store.Result {
			return store.Result{Unit: unit, Node: "Index", Level: 2, Score: 100 - rank, Rank: rank, GroupRank: math.NaN(),
				Period: "2022", RankChange: math.NaN(), Awards: awards}
		}
		_, first := newRun(t, db)
		// First: 榆中县 十强县, 泾川县 nothing, 永登县 先进县.
		if err := db.PutResults(ctx, alice, first.ID, []store.Result{row("620123", 1, "十强县"), row("620821", 2),
			row("620121", 3, "先进县")}); err != nil {
			t.Fatal(err)
		}
		clockAt(db, 2023, 6, 1)
		if _, err := db.Transition(ctx, alice, first.ID, auth.StateReview, ""); err != nil {
			t.Fatal(err)
		}
		if _, err := db.StartNotice(ctx, alice, first.ID, day(2023, 6, 1), day(2023, 6, 7), ""); err != nil {
			t.Fatal(err)
		}
		o, err := db.RaiseResultObjection(ctx, alice, letter(first.ID, "620821", "旅游收入漏报"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.AnswerResultObjection(ctx, alice, o.ID, store.OutcomeUpheld, "漏报属实，已更正"); err != nil {
			t.Fatal(err)
		}
		clockAt(db, 2023, 6, 12)
		storetest.Advance(t, db, alice, first.ID, auth.StatePublished)
		// The re-run: 泾川县 rises and takes 十强县 from 榆中县; 永登县 keeps
		// 先进县. Changes: 榆中县 lost 十强县 (no objection of its own:
		// the general reason), 泾川县 gained it (its upheld objection).
		again, err := db.CreateRun(ctx, alice, store.NewRun{MethodID: first.MethodID, Period: "2022", ParentID: first.ID, Note: "更正"})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.PutResults(ctx, alice, again.ID, []store.Result{row("620821", 1, "十强县"), row("620123", 2),
			row("620121", 3, "先进县")}); err != nil {
			t.Fatal(err)
		}
		if n, err := db.CarryObjections(ctx, alice, first.ID, again.ID); err != nil || n != 1 {
			t.Fatalf("carried %d objections (%v), want 1", n, err)
		}
		if n, err := db.CarryObjections(ctx, alice, first.ID, again.ID); err != nil || n != 0 {
			t.Errorf("carrying again copied %d (%v), want 0", n, err)
		}
		carried, err := db.ResultObjections(ctx, store.ResultObjectionFilter{RunID: again.ID})
		if err != nil || len(carried) != 1 || carried[0].CarriedFrom != o.ID || carried[0].Outcome != store.OutcomeUpheld ||
			carried[0].Letter != "榆政函〔2023〕7号" {
			t.Fatalf("carried objections %+v, %v", carried, err)
		}
		if _, err := db.Transition(ctx, alice, again.ID, auth.StateReview, ""); err != nil {
			t.Fatal(err)
		}
		if _, err := db.StartNotice(ctx, alice, again.ID, day(2023, 6, 12), day(2023, 6, 16), ""); err != nil {
			t.Fatal(err)
		}
		clockAt(db, 2023, 6, 19)
		storetest.Advance(t, db, alice, again.ID, auth.StatePublished)

		published, err := db.Runs(ctx, store.RunFilter{Period: "2022", State: auth.StatePublished})
		if err != nil || len(published) != 1 || published[0].ID != again.ID {
			t.Errorf("published 2022 runs: %+v, %v; want the re-run alone", published, err)
		}
		old, err := db.Run(ctx, first.ID)
		if err != nil || old.State != auth.StateSuperseded {
			t.Errorf("the first run: %s, %v; want superseded", old.State, err)
		}
		if l, _ := db.Lifecycle(ctx, first.ID); l.SupersededBy != again.ID || l.DocNumber != "" || !l.NoticeEnd.Equal(day(2023, 6, 7)) {
			t.Errorf("the first run's lifecycle %+v: want superseded by %d, its window kept", l, again.ID)
		}
		c, ok, err := db.RunCorrection(ctx, again.ID)
		want := []store.AwardChange{
			{Unit: "620123", UnitName: "榆中县", Award: "十强县", Change: store.AwardLost, Reason: store.CorrectionReason},
			{Unit: "620821", UnitName: "泾川县", Award: "十强县", Change: store.AwardGained, Reason: "异议成立：漏报属实，已更正"},
		}
		if err != nil || !ok || c.Supersedes != first.ID || len(c.Changes) != len(want) {
			t.Fatalf("RunCorrection = %+v, %v, %v", c, ok, err)
		}
		for i := range want {
			if c.Changes[i] != want[i] {
				t.Errorf("change %d = %+v, want %+v", i, c.Changes[i], want[i])
			}
		}
		if _, ok, _ := db.RunCorrection(ctx, first.ID); ok {
			t.Error("the first run records a correction")
		}
		// The superseded run stays as it was published.
		for name, err := range map[string]error{
			"transition":      func() error { _, err := db.Transition(ctx, alice, first.ID, auth.StateDraft, ""); return err }(),
			"visibility":      db.SetVisibility(ctx, alice, first.ID, auth.VisNone),
			"results":         db.PutResults(ctx, alice, first.ID, nil),
			"supersede again": db.ExecForTest(ctx, `UPDATE run_lifecycle SET superseded_by = NULL WHERE run_id = $1`, first.ID),
		} {
			if !errors.Is(err, store.ErrImmutable) {
				t.Errorf("%s of the superseded run: %v, want ErrImmutable", name, err)
			}
		}
	})
}
