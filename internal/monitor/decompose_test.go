package monitor

import (
	"slices"
	"strings"
	"testing"
)

func TestLevelAndParent(t *testing.T) {
	for _, c := range []struct {
		code   string
		level  Level
		parent string
	}{
		{"620000", ProvinceLevel, ""},
		{"620100", PrefectureLevel, "620000"},
		{"620102", CountyLevel, "620100"},
		{"620171", CountyLevel, "620100"}, // 兰州新区 by its code
		{"429004", CountyLevel, "420000"}, // 省直辖县级行政区划 (仙桃市)
		{"62010", OtherLevel, ""},
		{"62010a", OtherLevel, ""},
	} {
		if l, p := LevelOf(c.code), ParentOf(c.code); l != c.level || p != c.parent {
			t.Errorf("%s: level %d parent %q; want %d %q", c.code, l, p, c.level, c.parent)
		}
	}
}

func TestCheckDecomposition(t *testing.T) {
	targets := []Target{
		// Province 1000 = prefectures 620100 (600) + 620200 (390) = 990:
		// 10 short.
		{2023, "620000", "inv", 1000, Absolute},
		{2023, "620100", "inv", 600, Absolute},
		{2023, "620200", "inv", 390, Absolute},
		// 620100's counties: 250 + 250 + 100 = 600: exactly the whole, fine.
		{2023, "620102", "inv", 250, Absolute},
		{2023, "620103", "inv", 250, Absolute},
		{2023, "620104", "inv", 100, Absolute},
		// 620200 has no counties with targets (嘉峪关): not checked.
		// gdp: no prefecture targets, so the province is checked against its
		// counties: 300 + 200 = 500 < 520, 20 short.
		{2023, "620000", "gdp", 520, Absolute},
		{2023, "620102", "gdp", 300, Absolute},
		{2023, "620503", "gdp", 200, Absolute},
		// Growth targets are not additive: never checked.
		{2023, "620000", "gr", 6, Growth},
		{2023, "620102", "gr", 1, Growth},
		// Another year is checked on its own: 2024 counties exceed the
		// prefecture (110 ≥ 100), fine.
		{2024, "620100", "inv", 100, Absolute},
		{2024, "620102", "inv", 60, Absolute},
		{2024, "620103", "inv", 50, Absolute},
		// 0.1 + 0.2 is 0.30000000000000004 in binary: no shortfall; and
		// the other way round a rounding below a relative 1e-9 is none
		// either.
		{2023, "620100", "r", 0.3, Absolute},
		{2023, "620102", "r", 0.1, Absolute},
		{2023, "620103", "r", 0.2 - 1e-12, Absolute},
	}
	got := CheckDecomposition(targets)
	var keys []string
	for _, s := range got {
		keys = append(keys, s.Indicator+" "+s.Parent)
	}
	if want := []string{"gdp 620000", "inv 620000"}; !slices.Equal(keys, want) {
		t.Fatalf("shortfalls %v, want %v", keys, want)
	}
	gdp, inv := got[0], got[1]
	if gdp.Sum != 500 || gdp.Gap() != 20 || !slices.Equal(gdp.Children, []string{"620102", "620503"}) {
		t.Errorf("gdp: %+v", gdp)
	}
	if inv.Sum != 990 || inv.Gap() != 10 || !slices.Equal(inv.Children, []string{"620100", "620200"}) {
		t.Errorf("inv: %+v", inv)
	}
	zh, en := inv.Message("zh"), inv.Message("en")
	for _, part := range []string{"620000", "990", "1000", "少 10", "620100、620200", "不小于上级目标"} {
		if !strings.Contains(zh, part) {
			t.Errorf("zh message lacks %q: %s", part, zh)
		}
	}
	for _, part := range []string{"add up to 990, 10 less than its own target 1000", "at least the whole", "by 10 in total"} {
		if !strings.Contains(en, part) {
			t.Errorf("en message lacks %q: %s", part, en)
		}
	}
}
