package monthly

import (
	"math"
	"testing"

	"github.com/qiangxian/qiangxian/internal/demo"
	"github.com/qiangxian/qiangxian/internal/monitor"
)

// TestDemoShowsEverything: the 86 counties, December 2022 equal to the
// yearly demo, every light in the table of 2023-06, a seasonal benchmark
// for investment, and targets that add up.
func TestDemoShowsEverything(t *testing.T) {
	d, err := Generate()
	if err != nil {
		t.Fatal(err)
	}
	y22, _ := demo.Generate(2022)
	units := map[string]bool{}
	for _, f := range d.Figures {
		if math.IsInf(f.Value, 0) {
			t.Fatalf("infinite %+v", f)
		}
		if !monitor.IsProvince(f.Unit) {
			units[f.Unit] = true
		}
		if f.Period == (monitor.Period{Year: 2022, Month: 12}) && f.Indicator == "m_fiscal" {
			for _, r := range y22.Rows {
				if r.Code == f.Unit && math.Abs(r.Value("fiscal_rev")-f.Value) > 0.006 {
					t.Errorf("%s: December 2022 fiscal %v, yearly demo %v", f.Unit, f.Value, r.Value("fiscal_rev"))
				}
			}
		}
	}
	if len(units) != 86 {
		t.Errorf("%d counties", len(units))
	}
	series := map[string][]monitor.YearSeries{}
	byYear := map[int]*monitor.YearSeries{}
	for _, f := range d.Figures {
		if f.Unit == Province && f.Indicator == "m_fai" && f.Period.Year < 2023 {
			if byYear[f.Period.Year] == nil {
				byYear[f.Period.Year] = &monitor.YearSeries{Year: f.Period.Year}
				for m := range byYear[f.Period.Year].Cum {
					byYear[f.Period.Year].Cum[m] = math.NaN()
				}
			}
			byYear[f.Period.Year].Cum[f.Period.Month-1] = f.Value
		}
	}
	for _, s := range byYear {
		series["m_fai"] = append(series["m_fai"], *s)
	}
	shares := monitor.BenchmarkShares(series, 2023, monitor.Abnormal)
	if s, ok := shares[monitor.ShareKey{Indicator: "m_fai", Month: 6}]; !ok || s > 0.5 || s < 0.4 {
		t.Errorf("investment's June benchmark %v (%v), want about 0.46", s, ok)
	}
	rows := monitor.Compute(monitor.Input{Period: monitor.Period{Year: 2023, Month: 6}, Figures: d.Figures, Targets: d.Targets, Shares: shares,
		Falling: map[string]bool{"m_energy": true}})
	lights := map[monitor.Light]int{}
	for _, r := range rows {
		lights[r.Light]++
	}
	for _, l := range []monitor.Light{monitor.Green, monitor.Yellow, monitor.Red, monitor.None} {
		if lights[l] == 0 {
			t.Errorf("no %q light: %v", l, lights)
		}
	}
	if s := monitor.CheckDecomposition(d.Targets); len(s) != 0 {
		t.Errorf("shortfalls: %v", s[0].Message("en"))
	}
	t.Logf("lights of 2023-06: %v; %d figures", lights, len(d.Figures))
}
