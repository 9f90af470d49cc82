package landuse

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/table"
)

const landCSV = `zone,year,total_area,available,supplied,built,floor_area,industrial_built,industrial_floor_area,industrial_investment,tax,industrial_tax,unsupplied,unsupplied_disposed,idle,idle_disposed
示例开发区,2024,1000,800,600,480,432,300,240,1500000,96000,60000,50,20,12,3
空园区,2024,500,0,0,0,,,,,,,0,0,0,0
`

func TestCompute(t *testing.T) {
	tab, err := table.Read("l.csv", strings.NewReader(landCSV))
	if err != nil {
		t.Fatal(err)
	}
	lands, err := ReadLand(tab)
	if err != nil {
		t.Fatal(err)
	}
	nan := math.NaN()
	want := []Rates{{
		DevelopmentRate:        0.8,  // 800 ha ready for supply / 1000 ha
		SupplyRate:             0.75, // 600 supplied / 800 ready
		BuiltRate:              0.8,  // 480 built / 600 supplied
		PlotRatio:              0.9,  // 432 万m² floor / 480 ha built
		IndustrialPlotRatio:    0.8,  // 240 / 300
		InvestmentIntensity:    5000, // 1,500,000 万元 / 300 ha = 5000 万元/ha
		TaxPerHa:               200,  // 96,000 万元 / 480 ha
		IndustrialTaxPerHa:     200,  // 60,000 / 300
		IdleRate:               0.02, // 12 idle / 600 supplied
		UnsuppliedDisposalRate: 0.4,  // 20 / 50
		IdleDisposalRate:       0.25, // 3 / 12
	}, {
		// Nothing ready, supplied or built: only the development rate
		// (0 / 500) is defined; the others divide by 0 or miss a figure.
		DevelopmentRate: 0, SupplyRate: nan, BuiltRate: nan, PlotRatio: nan, IndustrialPlotRatio: nan,
		InvestmentIntensity: nan, TaxPerHa: nan, IndustrialTaxPerHa: nan, IdleRate: nan,
		UnsuppliedDisposalRate: nan, IdleDisposalRate: nan,
	}}
	var got []Rates
	for i := range lands {
		got = append(got, Compute(&lands[i]))
	}
	eq := cmp.Comparer(func(a, b float64) bool { return a == b || (math.IsNaN(a) && math.IsNaN(b)) || math.Abs(a-b) < 1e-12 })
	if d := cmp.Diff(want, got, eq); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	ind := Indicators(lands)
	if v := ind["示例开发区"]["land_supply_rate"]; v != 0.75 || len(ind["空园区"]) != len(Columns) {
		t.Errorf("indicators %v", ind)
	}
}

func TestReadLandErrors(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{"no zone column", "total_area\n1\n", "l.csv:1: 缺少列 \"zone\""},
		{"bad rows", "zone,supplied,tax,idle,idle_disposed\nA,-1,-5,x,\n,1,1,2,3\nA,1,1,1,1\n",
			"l.csv:2:2: supplied 不能为负数，实际为 \"-1\"\n" + // a negative tax (refunds) is allowed
				"l.csv:2:4: 应为数值，实际为 \"x\"\n" +
				"l.csv:3:1: zone 不能为空\n" +
				"l.csv:3:5: idle_disposed 不能大于 idle\n" +
				"l.csv:4:1: 开发区 A 重复（第 2 行已出现）"},
	} {
		t.Run(c.name, func(t *testing.T) {
			tab, err := table.Read("l.csv", strings.NewReader(c.src))
			if err != nil {
				t.Fatal(err)
			}
			lands, err := ReadLand(tab)
			tes, ok := err.(table.Errors)
			if !ok || lands != nil {
				t.Fatalf("error %v, lands %v", err, lands)
			}
			var lines []string
			for _, e := range tes {
				lines = append(lines, e.Format(locale.ZH))
			}
			if d := cmp.Diff(c.want, strings.Join(lines, "\n")); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
}

func FuzzReadLand(f *testing.F) {
	f.Add([]byte(landCSV))
	f.Fuzz(func(t *testing.T, data []byte) {
		tab, err := table.Read("f.csv", bytes.NewReader(data))
		if err != nil {
			return
		}
		lands, err := ReadLand(tab)
		if err != nil {
			if _, ok := err.(table.Errors); !ok {
				t.Fatalf("error %T %v", err, err)
			}
			return
		}
		for i := range lands {
			r := Compute(&lands[i])
			if r.IdleDisposalRate > 1 || r.UnsuppliedDisposalRate > 1 || r.SupplyRate < 0 {
				t.Fatalf("rates %+v from %+v", r, lands[i])
			}
		}
	})
}
