package monitor

import (
	"slices"
	"testing"
)

// The demo's kinds of indicator: monthly additive (retail), monthly with
// an official growth alone (industry), quarterly with a value and an
// official growth (GDP).
var collectSources = []Source{
	{Code: "m_retail"},
	{Code: "m_ind", OfficialGrowth: true, GrowthOnly: true},
	{Code: "m_gdp", Quarterly: true, OfficialGrowth: true},
}

func TestDueCodes(t *testing.T) {
	for _, c := range []struct {
		month int
		want  []string
	}{
		{1, nil}, // January comes with February: no task of its own
		{2, []string{"m_retail", "m_ind_growth"}},
		{3, []string{"m_retail", "m_ind_growth", "m_gdp", "m_gdp_growth"}}, // a quarter's end
		{5, []string{"m_retail", "m_ind_growth"}},
		{12, []string{"m_retail", "m_ind_growth", "m_gdp", "m_gdp_growth"}},
		{13, nil},
	} {
		t.Run(Period{2023, c.month}.String(), func(t *testing.T) {
			if got := DueCodes(collectSources, c.month); !slices.Equal(got, c.want) {
				t.Errorf("DueCodes(%d) = %v, want %v", c.month, got, c.want)
			}
		})
	}
}

func TestAssemble(t *testing.T) {
	mar := Period{2023, 3}
	got := []Collected{
		{"620102", "m_retail", 41.5},
		{"620102", "m_gdp", 210.3},
		{"620102", "m_gdp_growth", 5.8},
		{"620103", "m_gdp_growth", 4.1},  // growth without a value: kept, value NaN
		{"620103", "m_retail_growth", 9}, // not official: ignored, growth is computed
		{"620103", "m_ind_growth", 7.2},  // official growth only (规上工业增加值)
		{"620103", "gdp", 99},            // not a monitoring code: ignored
		{"620103", "m_ind", 123},         // industry's value is not collected: ignored
		{"620104", "m_retail", nan},      // reported missing: a figure with NaN
	}
	figs, err := Assemble(mar, collectSources, got)
	if err != nil {
		t.Fatal(err)
	}
	want := []Figure{
		{Unit: "620102", Indicator: "m_gdp", Period: mar, Value: 210.3, Growth: 5.8},
		{Unit: "620103", Indicator: "m_gdp", Period: mar, Value: nan, Growth: 4.1},
		{Unit: "620103", Indicator: "m_ind", Period: mar, Value: nan, Growth: 7.2},
		{Unit: "620102", Indicator: "m_retail", Period: mar, Value: 41.5, Growth: nan},
		{Unit: "620104", Indicator: "m_retail", Period: mar, Value: nan, Growth: nan},
	}
	if len(figs) != len(want) {
		t.Fatalf("Assemble gave %d figures, want %d: %+v", len(figs), len(want), figs)
	}
	for i, w := range want {
		g := figs[i]
		t.Run(w.Unit+"/"+w.Indicator, func(t *testing.T) {
			if g.Unit != w.Unit || g.Indicator != w.Indicator || g.Period != w.Period || !near(g.Value, w.Value) || !near(g.Growth, w.Growth) {
				t.Errorf("figure %d = %+v, want %+v", i, g, w)
			}
		})
	}
	t.Run("February leaves the quarterly GDP out", func(t *testing.T) {
		figs, err := Assemble(Period{2023, 2}, collectSources, got)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range figs {
			if f.Indicator == "m_gdp" {
				t.Errorf("GDP assembled for February: %+v", f)
			}
		}
		if len(figs) != 3 { // 620102 and 620104 retail, 620103 industry
			t.Errorf("got %d figures, want 3", len(figs))
		}
	})
	t.Run("a code twice is refused", func(t *testing.T) {
		if _, err := Assemble(mar, collectSources, append(got, Collected{"620102", "m_retail", 1})); err == nil {
			t.Error("no error for a unit collected twice")
		}
	})
}
