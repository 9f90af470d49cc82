package store_test

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/monitor"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

func monitorSeed(t *testing.T, db *store.DB) {
	t.Helper()
	seed(t, db)
	if err := db.PutMonitorIndicators(ctx, alice, []store.MonitorIndicator{
		{Code: "inv", Name: "固定资产投资", Frequency: "monthly", Direction: 1, Additive: true, Seasonal: true},
		{Code: "energy", Name: "单位GDP能耗", Frequency: "quarterly", Direction: -1},
	}); err != nil {
		t.Fatal(err)
	}
}

// TestMonitorTargets: targets are set, a revision needs a reason and keeps
// the old value, and decomposed absolute targets that fall short of the
// whole are refused unless explained.
func TestMonitorTargets(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		monitorSeed(t, db)
		if err := db.PutMonitorIndicators(ctx, alice, []store.MonitorIndicator{{Code: "x", Frequency: "weekly", Direction: 1}}); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("weekly indicator: %v, want ErrInvalid", err)
		}
		inds, err := db.MonitorIndicators(ctx)
		if err != nil || len(inds) != 2 || inds[0].Code != "energy" || inds[0].Direction != -1 || !inds[1].Seasonal {
			t.Fatalf("indicators %+v, %v", inds, err)
		}
		abs := func(unit string, v float64) monitor.Target {
			return monitor.Target{Year: 2023, Unit: unit, Indicator: "inv", Value: v, Kind: monitor.Absolute}
		}
		// 兰州市 1000 = 永登县 400 + 皋兰县 300 + 榆中县 300: adds up.
		short, err := db.PutMonitorTargets(ctx, alice, []monitor.Target{abs("620100", 1000), abs("620121", 400), abs("620122", 300), abs("620123", 300),
			{Year: 2023, Unit: "620121", Indicator: "energy", Value: -3, Kind: monitor.Growth}}, "", "")
		if err != nil || len(short) != 0 {
			t.Fatalf("first targets: %v %v", short, err)
		}
		// Lowering 榆中县 to 250 needs a reason ...
		if _, err := db.PutMonitorTargets(ctx, alice, []monitor.Target{abs("620123", 250)}, "", ""); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("revision without reason: %v", err)
		}
		// ... and then 400 + 300 + 250 = 950 < 1000: a shortfall of 50,
		// refused without an explanation, nothing saved.
		short, err = db.PutMonitorTargets(ctx, alice, []monitor.Target{abs("620123", 250)}, "项目延期", "")
		if !errors.Is(err, store.ErrShortfall) || len(short) != 1 || short[0].Gap() != 50 || !strings.Contains(err.Error(), "少 50") {
			t.Fatalf("shortfall: %v %v", short, err)
		}
		ts, _ := db.MonitorTargets(ctx, 2023)
		if ts[4].Unit != "620123" || ts[4].Value != 300 {
			t.Errorf("a refused change was saved: %+v", ts)
		}
		if _, err := db.PutMonitorTargets(ctx, alice, []monitor.Target{abs("620123", 250)}, "项目延期", "市级统筹兰州新区补足"); err != nil {
			t.Fatal(err)
		}
		ch, err := db.MonitorTargetChanges(ctx, 2023)
		if err != nil || len(ch) != 6 {
			t.Fatalf("changes %d, %v", len(ch), err)
		}
		last := ch[5]
		if last.Unit != "620123" || last.OldValue != 300 || last.Value != 250 || last.Reason != "项目延期" || last.By != "alice" ||
			!math.IsNaN(ch[0].OldValue) || ch[0].OldKind != "" {
			t.Errorf("revision %+v; first %+v", last, ch[0])
		}
	})
}

// TestMonitorFigures: preliminary and final figures are kept apart, a
// table reads the final one where there is one; the release calendar.
func TestMonitorFigures(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		monitorSeed(t, db)
		jun := monitor.Period{Year: 2023, Month: 6}
		f := func(unit string, v float64) monitor.Figure {
			return monitor.Figure{Unit: unit, Indicator: "inv", Period: jun, Value: v, Growth: math.NaN()}
		}
		if err := db.PutMonitorFigures(ctx, alice, store.StagePreliminary, []monitor.Figure{f("620121", 100), f("620122", 50)}); err != nil {
			t.Fatal(err)
		}
		if err := db.PutMonitorFigures(ctx, alice, store.StageFinal, []monitor.Figure{f("620121", 104)}); err != nil {
			t.Fatal(err)
		}
		if err := db.PutMonitorFigures(ctx, alice, "draft", nil); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("stage draft: %v", err)
		}
		best, err := db.MonitorFigures(ctx, store.MonitorFigureFilter{FromYear: 2023, ToYear: 2023})
		if err != nil || len(best) != 2 || best[0].Value != 104 || best[0].Stage != "final" || best[1].Value != 50 || best[1].Stage != "preliminary" {
			t.Fatalf("best figures %+v %v", best, err)
		}
		pre, _ := db.MonitorFigures(ctx, store.MonitorFigureFilter{Stage: store.StagePreliminary})
		if len(pre) != 2 || pre[0].Value != 100 {
			t.Errorf("preliminary %+v", pre)
		}
		if err := db.PutMonitorReleases(ctx, alice, []store.Release{{Year: 2023, Month: 6, Day: day(2023, 7, 17)}}); err != nil {
			t.Fatal(err)
		}
		rs, _ := db.MonitorReleases(ctx, 2023)
		for _, c := range []struct {
			p    monitor.Period
			d    int
			want bool
		}{{jun, 16, false}, {jun, 17, true}, {monitor.Period{Year: 2023, Month: 7}, 31, false}} {
			if got := store.ReleasedOn(rs, c.p, day(2023, 7, c.d)); got != c.want {
				t.Errorf("%s released on 7-%d: %v", c.p, c.d, got)
			}
		}
	})
}

// TestProblemLoop walks one problem through the 督办 loop: listed →
// ordered → replied → closing → (rejected) replied → closing → closed, and
// escalates another when overdue.
func TestProblemLoop(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		monitorSeed(t, db)
		if _, err := db.RaiseProblem(ctx, alice, store.Problem{Source: "rumour", Unit: "620123"}); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("bad source: %v", err)
		}
		p, err := db.RaiseProblem(ctx, alice, store.Problem{Source: "indicator", Unit: "620123", Indicator: "inv", Period: "2023-06",
			Title: "固定资产投资增速为负", Responsible: "榆中县发展改革局", Deadline: day(2023, 7, 31)})
		if err != nil || p.State != store.ProblemListed {
			t.Fatalf("raise: %+v %v", p, err)
		}
		step := func(actor store.Actor, s, body, evidence, want string, wantErr error) {
			t.Helper()
			got, err := db.AdvanceProblem(ctx, actor, p.ID, s, body, evidence)
			if !errors.Is(err, wantErr) || (err == nil && got.State != want) {
				t.Fatalf("%s: %s %v, want %s %v", s, got.State, err, want, wantErr)
			}
		}
		step(bob, store.StepReply, "已开工", "", "", store.ErrConflict) // not ordered yet
		step(alice, store.StepOrder, "督办〔2023〕7号", "", store.ProblemOrdered, nil)
		step(bob, store.StepRequest, "", "", "", store.ErrInvalid) // no evidence
		step(bob, store.StepReply, "3个项目7月开工", "", store.ProblemReplied, nil)
		step(bob, store.StepRequest, "", "开工照片.pdf", store.ProblemClosing, nil)
		step(alice, store.StepReject, "未见入库凭证", "", store.ProblemReplied, nil)
		step(bob, store.StepRequest, "", "入统凭证.pdf", store.ProblemClosing, nil)
		step(alice, store.StepApprove, "", "", store.ProblemClosed, nil)
		step(alice, store.StepApprove, "", "", "", store.ErrConflict)
		got, err := db.Problem(ctx, p.ID)
		if err != nil || got.OrderNo != "督办〔2023〕7号" || got.Measures != "3个项目7月开工" || len(got.Steps) != 7 || got.Steps[3].Evidence != "开工照片.pdf" {
			t.Fatalf("problem %+v %v", got, err)
		}

		// Another, due 2023-07-31: on 07-31 it is not overdue; on 08-01
		// it is raised to 市级督办 (once, however often asked); on 08-31
		// (the deadline + 30 days = 08-30 is past) to 省级督办. The closed
		// one is never escalated.
		q, err := db.RaiseProblem(ctx, alice, store.Problem{Source: "manual", Unit: "620121", Title: "园区用地未落实",
			Responsible: "永登县自然资源局", Deadline: day(2023, 7, 31)})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			d     int
			m     int
			n     int
			level int
		}{{31, 7, 0, 0}, {1, 8, 1, 1}, {1, 8, 0, 1}, {30, 8, 0, 1}, {31, 8, 1, 2}} {
			n, err := db.EscalateOverdue(ctx, alice, day(2023, timeMonth(c.m), c.d).Add(4*3600e9))
			if err != nil {
				t.Fatal(err)
			}
			got, _ := db.Problem(ctx, q.ID)
			if n != c.n || got.Escalation != c.level {
				t.Errorf("%d-%d: escalated %d, level %d; want %d, %d", c.m, c.d, n, got.Escalation, c.n, c.level)
			}
		}
		if !q.Overdue(day(2023, 8, 1)) || q.Overdue(day(2023, 7, 31)) {
			t.Error("Overdue")
		}
		open, _ := db.Problems(ctx, store.ProblemFilter{Open: true})
		all, _ := db.Problems(ctx, store.ProblemFilter{})
		mine, _ := db.Problems(ctx, store.ProblemFilter{Unit: "620123"})
		if len(open) != 1 || len(all) != 2 || len(mine) != 1 {
			t.Errorf("open %d, all %d, 620123's %d", len(open), len(all), len(mine))
		}
	})
}

func timeMonth(m int) time.Month { return time.Month(m) }
