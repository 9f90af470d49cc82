package web_test

import (
	"math"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/monitor"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// TestMonitorServerRules: what the server adds to the command line's
// table, worked by hand on 城关区 (620102) and 榆中县 (620123), June 2023.
//
//   - off (official growth): values 110 and 90 a year after 100 and 100,
//     no growth supplied: no growth is computed (empty, no light), and no
//     县区合计 either.
//   - ratio (not additive): the same, for the same reason.
//   - energy (falling, official): growths −3 and +1 supplied, province −2:
//     城关区 fell more than the province: green (no target, −3 ≤ −2);
//     榆中县 rose: red. Ranked ascending: 城关区 1.
//   - fai (seasonal, additive): the province's June share in 2019, 2021
//     and 2022 was 0.4, 0.5 and 0.45 (2020, abnormal, 0.1 is left out):
//     elapsed = 0.45. 城关区's target 200, value 100: completion 0.5, gap
//     0.5 − 0.45 = 0.05.
//   - A preliminary value of 城关区's fai (99) gives way to the final 100.
func TestMonitorServerRules(t *testing.T) {
	db := storetest.MustOpen(t)
	f := load(t, db)
	a := f.actorOf
	must(t, db.PutMonitorIndicators(ctx, a, []store.MonitorIndicator{
		{Code: "off", Name: "off", Frequency: "monthly", Direction: 1, Additive: true, OfficialGrowth: true},
		{Code: "ratio", Name: "ratio", Frequency: "monthly", Direction: 1},
		{Code: "energy", Name: "energy", Frequency: "quarterly", Direction: -1, OfficialGrowth: true},
		{Code: "fai", Name: "fai", Frequency: "monthly", Direction: 1, Additive: true, Seasonal: true},
	}))
	nan := math.NaN()
	jun := func(y int) monitor.Period { return monitor.Period{Year: y, Month: 6} }
	fig := func(p monitor.Period, u, ind string, v, g float64) monitor.Figure {
		return monitor.Figure{Unit: u, Indicator: ind, Period: p, Value: v, Growth: g}
	}
	figs := []monitor.Figure{
		fig(jun(2022), "620102", "off", 100, nan), fig(jun(2023), "620102", "off", 110, nan),
		fig(jun(2022), "620123", "off", 100, nan), fig(jun(2023), "620123", "off", 90, nan),
		fig(jun(2022), "620102", "ratio", 100, nan), fig(jun(2023), "620102", "ratio", 110, nan),
		fig(jun(2023), "620102", "energy", nan, -3), fig(jun(2023), "620123", "energy", nan, 1), fig(jun(2023), "620000", "energy", nan, -2),
		fig(jun(2023), "620102", "fai", 100, nan), fig(jun(2022), "620102", "fai", 90, nan),
	}
	for y, share := range map[int]float64{2019: 0.4, 2020: 0.1, 2021: 0.5, 2022: 0.45} {
		figs = append(figs, fig(jun(y), "620000", "fai", 1000*share, nan), fig(monitor.Period{Year: y, Month: 12}, "620000", "fai", 1000, nan))
	}
	must(t, db.PutMonitorFigures(ctx, a, store.StageFinal, figs))
	must(t, db.PutMonitorFigures(ctx, a, store.StagePreliminary, []monitor.Figure{fig(jun(2023), "620102", "fai", 99, nan)}))
	_, err := db.PutMonitorTargets(ctx, a, []monitor.Target{{Year: 2023, Unit: "620102", Indicator: "fai", Value: 200, Kind: monitor.Absolute}}, "", "")
	must(t, err)
	must(t, db.PutMonitorReleases(ctx, a, []store.Release{{Year: 2023, Month: 6, Day: time.Date(2023, 7, 17, 0, 0, 0, 0, time.UTC)}}))
	srv := start(t, db, testConfig(), webHooks())
	var out struct {
		Rows []struct {
			Unit, Indicator, Light string
			Growth                 *float64 `json:"growth"`
			PG                     *float64 `json:"province_growth"`
			Rank                   int      `json:"rank"`
			Value                  *float64 `json:"value"`
			Elapsed                *float64 `json:"elapsed"`
			Gap                    *float64 `json:"schedule_gap"`
			Preliminary            bool     `json:"preliminary"`
		}
	}
	client{t: t, base: srv.url, token: f.tokens["ana"]}.do("GET", "/api/v1/monitor/table?period=2023-06", nil).decode(t, &out)
	got := map[string]int{}
	for i, r := range out.Rows {
		got[r.Unit+" "+r.Indicator] = i
	}
	row := func(k string) int {
		i, ok := got[k]
		if !ok {
			t.Fatalf("no row %s", k)
		}
		return i
	}
	for _, k := range []string{"620102 off", "620123 off", "620102 ratio"} {
		r := out.Rows[row(k)]
		if r.Growth != nil || r.PG != nil || r.Light != "" {
			t.Errorf("%s: growth %v, province %v, light %q; want none", k, r.Growth, r.PG, r.Light)
		}
	}
	if r := out.Rows[row("620102 energy")]; r.Light != "green" || r.Rank != 1 {
		t.Errorf("620102 energy: %s rank %d", r.Light, r.Rank)
	}
	if r := out.Rows[row("620123 energy")]; r.Light != "red" || r.Rank != 2 {
		t.Errorf("620123 energy: %s rank %d", r.Light, r.Rank)
	}
	r := out.Rows[row("620102 fai")]
	if r.Value == nil || *r.Value != 100 || r.Preliminary || r.Elapsed == nil || math.Abs(*r.Elapsed-0.45) > 1e-12 ||
		r.Gap == nil || math.Abs(*r.Gap-0.05) > 1e-12 {
		t.Errorf("620102 fai: value %v, preliminary %v, elapsed %v, gap %v", r.Value, r.Preliminary, r.Elapsed, r.Gap)
	}
}
