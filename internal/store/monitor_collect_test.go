package store_test

import (
	"errors"
	"math"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/monitor"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
	"github.com/qiangxian/qiangxian/internal/workflow"
)

// collectSeed adds two monitoring indicators and their catalogue codes: the
// monthly retail sales (商务厅) and the quarterly GDP with its official
// growth (统计局).
func collectSeed(t *testing.T, db *store.DB) {
	t.Helper()
	seed(t, db)
	if err := db.PutMonitorIndicators(ctx, alice, []store.MonitorIndicator{
		{Code: "m_retail", Name: "社会消费品零售总额", Frequency: "monthly", Direction: 1, Additive: true},
		{Code: "m_gdp", Name: "地区生产总值", Frequency: "quarterly", Direction: 1, Additive: true, OfficialGrowth: true},
	}); err != nil {
		t.Fatal(err)
	}
	if err := db.PutIndicators(ctx, alice, []store.Indicator{
		{Code: "m_retail", NameZH: "社会消费品零售总额（累计）", Unit: "亿元", Direction: 1, Department: "商务厅"},
		{Code: "m_gdp", NameZH: "地区生产总值（累计）", Unit: "亿元", Direction: 1, Department: "统计局"},
		{Code: "m_gdp_growth", NameZH: "地区生产总值增速（累计）", Unit: "%", Direction: 1, Department: "统计局"},
	}); err != nil {
		t.Fatal(err)
	}
}

// TestMonitorCollection walks a quarter's end through the collection
// tasks: the tasks of 1–3月 (retail monthly, GDP and its growth at the
// quarter's end), an upload, a county's objection, the preliminary
// adoption, a corrected upload adopted as final, the two stages apart.
func TestMonitorCollection(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		collectSeed(t, db)
		db.SetClock(func() time.Time { return time.Date(2023, 4, 8, 2, 0, 0, 0, time.UTC) })
		defer db.SetClock(nil)
		jan, feb, mar := monitor.Period{Year: 2023, Month: 1}, monitor.Period{Year: 2023, Month: 2}, monitor.Period{Year: 2023, Month: 3}
		if _, err := db.PutMonitorTasks(ctx, alice, jan, day(2023, 2, 15)); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("tasks of January: %v, want ErrInvalid (it comes with February)", err)
		}
		ts, err := db.PutMonitorTasks(ctx, alice, feb, day(2023, 3, 15))
		if err != nil || len(ts) != 1 || ts[0].Indicator != "m_retail" || ts[0].Period != "2023-M02" || ts[0].Department != "商务厅" {
			t.Fatalf("tasks of February = %+v, %v; want retail alone", ts, err)
		}
		ts, err = db.PutMonitorTasks(ctx, alice, mar, day(2023, 4, 15))
		if err != nil || len(ts) != 3 {
			t.Fatalf("tasks of March = %+v, %v; want retail, GDP and GDP growth", ts, err)
		}
		if _, err := db.AdoptMonitorFigures(ctx, alice, mar, store.StageFinal); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("adoption before any upload: %v, want ErrInvalid", err)
		}

		// 商务厅 uploads the four counties' retail sales, 统计局 the GDP
		// and growth of 永登县 alone.
		up := []store.Observation{
			obs("620121", "m_retail", "2023-M03", 10), obs("620122", "m_retail", "2023-M03", 20),
			obs("620123", "m_retail", "2023-M03", 30), obs("620821", "m_retail", "2023-M03", 40),
			obs("620121", "m_gdp", "2023-M03", 100), obs("620121", "m_gdp_growth", "2023-M03", 5.5),
		}
		if _, err := db.ImportObservations(ctx, alice, store.RevisionNote{Kind: "import"}, up); err != nil {
			t.Fatal(err)
		}
		sup, err := db.Supply(ctx, ts, day(2023, 4, 10))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range sup {
			want, n := workflow.TaskOpen, 1 // GDP: 1 of 4 counties, before the deadline
			if s.Indicator == "m_retail" {
				want, n = workflow.TaskSupplied, 4
			}
			if s.Status != want || s.Supplied != n {
				t.Errorf("task %s: %s with %d, want %s with %d", s.Indicator, s.Status, s.Supplied, want, n)
			}
		}
		// 榆中县 objects to its retail figure: it is not adopted.
		if _, err := db.SetStatus(ctx, alice, store.RevisionNote{Kind: "objection"},
			[]store.ObservationKey{{Unit: "620123", Indicator: "m_retail", Period: "2023-M03"}}, store.StatusObjected, "漏统一家商超"); err != nil {
			t.Fatal(err)
		}
		pre, err := db.AdoptMonitorFigures(ctx, alice, mar, store.StagePreliminary)
		// Retail of 620121, 620122, 620821 (3) + GDP of 620121 (1) = 4;
		// 620123 left out.
		if err != nil || pre.Figures != 4 || pre.Objected != 1 || pre.Stage != store.StagePreliminary || pre.Revision == 0 {
			t.Fatalf("preliminary adoption = %+v, %v; want 4 figures, 1 objected", pre, err)
		}

		// The corrections: 620121's retail 10 → 11, 620123's 30 → 32
		// (its objection answered); adopted as final.
		if _, err := db.ImportObservations(ctx, alice, store.RevisionNote{Kind: "correction"}, []store.Observation{
			{Unit: "620121", Indicator: "m_retail", Period: "2023-M03", Value: 11, Status: store.StatusCorrected},
			{Unit: "620123", Indicator: "m_retail", Period: "2023-M03", Value: 32, Status: store.StatusCorrected},
		}); err != nil {
			t.Fatal(err)
		}
		fin, err := db.AdoptMonitorFigures(ctx, alice, mar, store.StageFinal)
		if err != nil || fin.Figures != 5 || fin.Objected != 0 || fin.Revision <= pre.Revision {
			t.Fatalf("final adoption = %+v, %v; want 5 figures from a later revision", fin, err)
		}

		type key struct{ unit, ind, stage string }
		read := func(stage string) map[key]store.MonitorFigure {
			t.Helper()
			figs, err := db.MonitorFigures(ctx, store.MonitorFigureFilter{FromYear: 2023, ToYear: 2023, Stage: stage})
			if err != nil {
				t.Fatal(err)
			}
			m := map[key]store.MonitorFigure{}
			for _, f := range figs {
				m[key{f.Unit, f.Indicator, f.Stage}] = f
			}
			return m
		}
		for _, c := range []struct {
			name          string
			stage         string
			unit, ind     string
			value, growth float64
			absent        bool
		}{
			{"preliminary keeps the first upload", store.StagePreliminary, "620121", "m_retail", 10, math.NaN(), false},
			{"an objected figure is not preliminary", store.StagePreliminary, "620123", "m_retail", 0, 0, true},
			{"final has the correction", store.StageFinal, "620121", "m_retail", 11, math.NaN(), false},
			{"final has the answered objection", store.StageFinal, "620123", "m_retail", 32, math.NaN(), false},
			{"GDP carries the official growth", store.StageFinal, "620121", "m_gdp", 100, 5.5, false},
		} {
			t.Run(c.name, func(t *testing.T) {
				f, ok := read(c.stage)[key{c.unit, c.ind, c.stage}]
				if c.absent {
					if ok {
						t.Errorf("figure %+v, want none", f)
					}
					return
				}
				if !ok || f.Value != c.value || !(f.Growth == c.growth || math.IsNaN(f.Growth) && math.IsNaN(c.growth)) {
					t.Errorf("figure %+v (found %v), want value %v growth %v", f, ok, c.value, c.growth)
				}
			})
		}
		// Read without a stage, the table takes the final figure.
		if f := read("")[key{"620121", "m_retail", store.StageFinal}]; f.Value != 11 {
			t.Errorf("table figure of 620121 retail = %+v, want the final 11", f)
		}
		ads, err := db.MonitorAdoptions(ctx, 2023)
		if err != nil || len(ads) != 2 || ads[0].ID != fin.ID || ads[1].Stage != store.StagePreliminary || ads[0].By != "alice" {
			t.Errorf("adoptions = %+v, %v; want final then preliminary", ads, err)
		}
		log, err := db.AuditLog(ctx, store.AuditFilter{Entity: "monitor_figures", EntityID: "2023-03"})
		if err != nil || len(log) != 2 || log[0].Action != "adopt" {
			t.Errorf("audit of adoptions: %+v, %v", log, err)
		}
		if _, err := db.AdoptMonitorFigures(ctx, alice, mar, "draft"); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("stage draft: %v, want ErrInvalid", err)
		}
	})
}
